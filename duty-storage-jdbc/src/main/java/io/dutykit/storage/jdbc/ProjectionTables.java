package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.LogReplay;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Handover;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The query tables ({@code duty_site}, {@code duty_staff}, … {@code duty_spot_check}): one row per record
 * {@code (site_id, record_key, data, first_seq, last_seq)}, {@code data} the latest snapshot, written in
 * the same transaction as the log record and rebuildable from the log. {@code duty_handover} also keeps
 * {@code handover_date} and {@code scheduled_at} under a unique index (one handover per shift). Table
 * names come only from {@link #TABLES}, never from input.
 */
final class ProjectionTables {
    /** The query table of each record kind. */
    static final Map<RecordKind, String> TABLES = new EnumMap<>(RecordKind.class);

    static {
        TABLES.put(RecordKind.SITE, "duty_site");
        TABLES.put(RecordKind.STAFF, "duty_staff");
        TABLES.put(RecordKind.ROSTER, "duty_roster");
        TABLES.put(RecordKind.LEAVE, "duty_leave");
        TABLES.put(RecordKind.HANDOVER, "duty_handover");
        TABLES.put(RecordKind.ENTRY, "duty_entry");
        TABLES.put(RecordKind.INCIDENT, "duty_incident");
        TABLES.put(RecordKind.CALL, "duty_call");
        TABLES.put(RecordKind.ABSENCE, "duty_absence");
        TABLES.put(RecordKind.REVIEW, "duty_review");
        TABLES.put(RecordKind.DUTY_REPORT, "duty_report");
        TABLES.put(RecordKind.TRAINING, "duty_training");
        TABLES.put(RecordKind.PROCESS_REVIEW, "duty_process_review");
        TABLES.put(RecordKind.SPOT_CHECK, "duty_spot_check");
    }

    /** The last write of one query-table row in a batch. */
    record RowWrite(
            RecordKind kind, String key, Object record, String text, long firstSeq, long lastSeq, boolean isNew) {}

    /** Receives the query-table rows of a site, as {@link #visit} reads them. */
    interface RowVisitor {
        void row(RecordKind kind, String key, String dataText);
    }

    /** Every query table's rows of one site in one statement (one round trip): kind, key, data. */
    private static final String ALL;

    static {
        StringBuilder sql = new StringBuilder();
        for (RecordKind kind : RecordKind.values()) {
            if (sql.length() > 0) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT ")
                    .append(kind.ordinal())
                    .append(" AS kind, record_key, data FROM ")
                    .append(TABLES.get(kind))
                    .append(" WHERE site_id = ?");
        }
        ALL = sql.toString();
    }

    private ProjectionTables() {}

    /** The stored data text of one record, or null. */
    static String data(Connection c, RecordKind kind, String siteId, String key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT data FROM " + TABLES.get(kind) + " WHERE site_id = ? AND record_key = ?")) {
            ps.setString(1, siteId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The stored data texts of one kind at a site, in first-saved order. */
    static List<String> data(Connection c, RecordKind kind, String siteId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data FROM " + TABLES.get(kind) + " WHERE site_id = ? ORDER BY first_seq, record_key")) {
            ps.setFetchSize(1000);
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    /** The rows of one kind at a site: key to stored data text, in first-saved order. */
    static Map<String, String> texts(Connection c, RecordKind kind, String siteId) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT record_key, data FROM " + TABLES.get(kind)
                + " WHERE site_id = ? ORDER BY first_seq, record_key")) {
            ps.setFetchSize(1000);
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return rows;
    }

    /** The stored data text of the given keys of one kind, by key (looked up in chunks). */
    static Map<String, String> texts(
            Connection c, Dialect dialect, RecordKind kind, String siteId, Collection<String> keys)
            throws SQLException {
        Map<String, String> found = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += Dialect.KEYS_PER_STATEMENT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + Dialect.KEYS_PER_STATEMENT));
            try (PreparedStatement ps =
                            dialect.selectByKeys(c, "record_key, data", TABLES.get(kind), "record_key", siteId, chunk);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return found;
    }

    /**
     * Streams every query-table row of the site (in no particular order) to {@code visitor}: in one
     * statement when the dialect says a round trip costs more than a UNION, table by table otherwise.
     */
    static void visit(Connection c, Dialect dialect, String siteId, RowVisitor visitor) throws SQLException {
        RecordKind[] kinds = RecordKind.values();
        if (!dialect.readsProjectionsInOneStatement()) {
            for (RecordKind kind : kinds) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT record_key, data FROM " + TABLES.get(kind) + " WHERE site_id = ?")) {
                    ps.setFetchSize(1000);
                    ps.setString(1, siteId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            visitor.row(kind, rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(ALL)) {
            ps.setFetchSize(1000);
            for (int i = 1; i <= kinds.length; i++) {
                ps.setString(i, siteId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.row(kinds[rs.getInt(1)], rs.getString(2), rs.getString(3));
                }
            }
        }
    }

    /** The key of the handover that takes over the shift of {@code date} at {@code scheduledAt}, or null. */
    static String handoverAt(Connection c, String siteId, LocalDate date, Instant scheduledAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_key FROM duty_handover"
                + " WHERE site_id = ? AND handover_date = ? AND scheduled_at = ?")) {
            ps.setString(1, siteId);
            ps.setObject(2, date);
            ps.setObject(3, Columns.timestamp(scheduledAt));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Writes the query-table rows of a batch: batched INSERTs of new rows and UPDATEs of existing ones. */
    static void write(Connection c, String siteId, Collection<RowWrite> rows) throws SQLException {
        Map<String, PreparedStatement> statements = new HashMap<>();
        try {
            for (RowWrite row : rows) {
                Handover handover = row.record() instanceof Handover h ? h : null;
                String sql;
                if (row.isNew()) {
                    sql = handover != null
                            ? "INSERT INTO duty_handover (site_id, record_key, data, first_seq, last_seq, handover_date,"
                                    + " scheduled_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                            : "INSERT INTO " + TABLES.get(row.kind())
                                    + " (site_id, record_key, data, first_seq, last_seq) VALUES (?, ?, ?, ?, ?)";
                } else {
                    sql = handover != null
                            ? "UPDATE duty_handover SET data = ?, last_seq = ?, handover_date = ?, scheduled_at = ?"
                                    + " WHERE site_id = ? AND record_key = ?"
                            : "UPDATE " + TABLES.get(row.kind())
                                    + " SET data = ?, last_seq = ? WHERE site_id = ? AND record_key = ?";
                }
                PreparedStatement ps = statements.get(sql);
                if (ps == null) {
                    ps = c.prepareStatement(sql);
                    statements.put(sql, ps);
                }
                if (row.isNew()) {
                    ps.setString(1, siteId);
                    ps.setString(2, row.key());
                    ps.setString(3, row.text());
                    ps.setLong(4, row.firstSeq());
                    ps.setLong(5, row.lastSeq());
                    if (handover != null) {
                        ps.setObject(6, handover.date());
                        ps.setObject(7, Columns.timestamp(handover.scheduledAt()));
                    }
                } else if (handover != null) {
                    ps.setString(1, row.text());
                    ps.setLong(2, row.lastSeq());
                    ps.setObject(3, handover.date());
                    ps.setObject(4, Columns.timestamp(handover.scheduledAt()));
                    ps.setString(5, siteId);
                    ps.setString(6, row.key());
                } else {
                    ps.setString(1, row.text());
                    ps.setLong(2, row.lastSeq());
                    ps.setString(3, siteId);
                    ps.setString(4, row.key());
                }
                ps.addBatch();
            }
            for (PreparedStatement ps : statements.values()) {
                ps.executeBatch();
            }
            List<Handover> handovers = new ArrayList<>();
            java.util.Set<String> newKeys = new java.util.HashSet<>();
            for (RowWrite row : rows) {
                if (row.record() instanceof Handover h) {
                    handovers.add(h);
                    if (row.isNew()) {
                        newKeys.add(row.key());
                    }
                }
            }
            CarriedOverTable.write(c, siteId, handovers, newKeys);
        } finally {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
    }

    /** The rows of every query table as the replayed log says they are: what an import writes and a rebuild restores. */
    static List<RowWrite> rowsOf(LogReplay replay) {
        List<RowWrite> rows = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            for (LogReplay.Snapshot snapshot : replay.snapshots(kind)) {
                rows.add(new RowWrite(
                        kind,
                        snapshot.key(),
                        snapshot.record(),
                        CanonicalJson.write(snapshot.data()),
                        snapshot.firstSeq(),
                        snapshot.last() == null
                                ? snapshot.firstSeq()
                                : snapshot.last().seq(),
                        true));
            }
        }
        return rows;
    }

    /**
     * Deletes every row of the site from every query table and the carried-over table (a rebuild
     * writes them again from the log; the log and the head are not touched); returns how many rows.
     */
    static int deleteAll(Connection c, String siteId) throws SQLException {
        int deleted = 0;
        for (String table : new LinkedHashSet<>(TABLES.values())) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE site_id = ?")) {
                ps.setString(1, siteId);
                deleted += ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM duty_carried_over WHERE site_id = ?")) {
            ps.setString(1, siteId);
            ps.executeUpdate();
        }
        return deleted;
    }

    static void delete(Connection c, RecordKind kind, String siteId, String key) throws SQLException {
        if (kind == RecordKind.HANDOVER) {
            CarriedOverTable.delete(c, siteId, key);
        }
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + TABLES.get(kind) + " WHERE site_id = ? AND record_key = ?")) {
            ps.setString(1, siteId);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    /** Whether any query table holds a row of the site: one query over all of them. */
    static boolean any(Connection c, String siteId) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        String or = "";
        for (String table : TABLES.values()) {
            sql.append(or).append("EXISTS (SELECT 1 FROM ").append(table).append(" WHERE site_id = ?)");
            or = " OR ";
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 1; i <= TABLES.size(); i++) {
                ps.setString(i, siteId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
