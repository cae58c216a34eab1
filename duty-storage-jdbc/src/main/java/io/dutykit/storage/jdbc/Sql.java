package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Handover;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every statement the adapter runs, all with bind parameters. Table names come only from {@link
 * #TABLES}, never from input.
 */
final class Sql {
    /** The projection table of each record kind. */
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

    /** The end of a site's chain. */
    record Head(long seq, String hash, LocalDate purgedBefore) {}

    private Sql() {}

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    // ---- the head row ----------------------------------------------------------------------------

    /** Locks the site's head row for the rest of the transaction, creating it for a new site. */
    static Head lockHead(Connection c, Dialect dialect, String siteId) throws SQLException {
        Head head = selectHeadForUpdate(c, siteId);
        if (head != null) {
            return head;
        }
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO duty_log_head (site_id, seq, hash) VALUES (?, 0, ?) ON CONFLICT (site_id) DO NOTHING")) {
                ps.setString(1, siteId);
                ps.setString(2, LogRecord.GENESIS);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO duty_log_head (site_id, seq, hash) VALUES (?, 0, ?)")) {
                ps.setString(1, siteId);
                ps.setString(2, LogRecord.GENESIS);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!Dialect.isUniqueViolation(e)) {
                    throw e;
                }
                // another transaction created it first; H2 keeps this transaction usable
            }
        }
        head = selectHeadForUpdate(c, siteId);
        if (head == null) {
            throw new SQLException("the head row of site " + siteId + " vanished while being created", "40001");
        }
        return head;
    }

    private static final String SELECT_HEAD_FOR_UPDATE =
            "SELECT seq, hash, purged_before FROM duty_log_head WHERE site_id = ? FOR UPDATE";

    private static Head selectHeadForUpdate(Connection c, String siteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_HEAD_FOR_UPDATE)) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? head(rs) : null;
            }
        }
    }

    static Head head(Connection c, String siteId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT seq, hash, purged_before FROM duty_log_head WHERE site_id = ?")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? head(rs) : null;
            }
        }
    }

    private static Head head(ResultSet rs) throws SQLException {
        Date purged = rs.getDate("purged_before");
        return new Head(rs.getLong("seq"), rs.getString("hash").trim(), purged == null ? null : purged.toLocalDate());
    }

    static void updateHead(Connection c, String siteId, long seq, String hash) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE duty_log_head SET seq = ?, hash = ? WHERE site_id = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.setString(3, siteId);
            ps.executeUpdate();
        }
    }

    static void setPurgedBefore(Connection c, String siteId, LocalDate purgedBefore) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE duty_log_head SET purged_before = ? WHERE site_id = ?")) {
            ps.setObject(1, purgedBefore);
            ps.setString(2, siteId);
            ps.executeUpdate();
        }
    }

    static List<String> siteIds(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT site_id FROM duty_log_head ORDER BY site_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    // ---- the log ---------------------------------------------------------------------------------

    private static final String LOG_COLUMNS = "seq, record_id, type, at, actor, data, prev_hash, hash";

    static LogRecord logRecord(Connection c, String siteId, String recordId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + LOG_COLUMNS + " FROM duty_log WHERE site_id = ? AND record_id = ?")) {
            ps.setString(1, siteId);
            ps.setString(2, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? logRecord(rs) : null;
            }
        }
    }

    static List<LogRecord> log(Connection c, String siteId) throws SQLException {
        List<LogRecord> records = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + LOG_COLUMNS + " FROM duty_log WHERE site_id = ? ORDER BY seq")) {
            ps.setFetchSize(1000);
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(logRecord(rs));
                }
            }
        }
        return records;
    }

    /** A log record with the canonical text of its data exactly as stored. */
    record StoredRecord(LogRecord record, String dataText) {}

    static List<StoredRecord> storedLog(Connection c, String siteId) throws SQLException {
        return storedLog(c, siteId, true);
    }

    /**
     * The site's log with each record's data text as stored, for verification: the records' {@code data}
     * holds only what verification reads (see {@link #storedData}); with {@code parseData} false only
     * CHECKPOINT records get their data parsed (the others carry an empty map), for a walk of the chain
     * alone.
     */
    static List<StoredRecord> storedLog(Connection c, String siteId, boolean parseData) throws SQLException {
        List<StoredRecord> records = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + LOG_COLUMNS + " FROM duty_log WHERE site_id = ? ORDER BY seq")) {
            ps.setFetchSize(1000);
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString("data");
                    String type = rs.getString("type");
                    records.add(new StoredRecord(
                            new LogRecord(
                                    rs.getLong("seq"),
                                    rs.getString("record_id"),
                                    type,
                                    instant(rs, "at"),
                                    rs.getString("actor"),
                                    storedData(type, text, parseData),
                                    trim(rs.getString("prev_hash")),
                                    trim(rs.getString("hash"))),
                            text));
                }
            }
        }
        return records;
    }

    /** Receives the stored log rows of a site in chain order, as {@link #visitLog} reads them. */
    interface LogRowVisitor {
        void row(
                long seq,
                String recordId,
                String type,
                Instant at,
                String actor,
                String dataText,
                String prevHash,
                String hash);
    }

    /**
     * Streams the site's log rows in seq order to {@code visitor}, the columns as stored (data as its
     * text, hashes trimmed of CHAR padding), without building records: the fast walk of verification.
     */
    static void visitLog(Connection c, String siteId, LogRowVisitor visitor) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + LOG_COLUMNS + " FROM duty_log WHERE site_id = ? ORDER BY seq")) {
            ps.setFetchSize(1000);
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
                    visitor.row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            at == null ? null : at.toInstant(),
                            rs.getString(5),
                            rs.getString(6),
                            trim(rs.getString(7)),
                            trim(rs.getString(8)));
                }
            }
        }
    }

    /** Receives the query-table rows of a site, as {@link #visitProjections} reads them. */
    interface ProjectionRowVisitor {
        void row(RecordKind kind, String key, String dataText);
    }

    /** Every query table's rows of one site in one statement (one round trip): kind, key, data. */
    private static final String ALL_PROJECTIONS;

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
        ALL_PROJECTIONS = sql.toString();
    }

    /**
     * Streams every query-table row of the site (in no particular order) to {@code visitor}: in one
     * statement over a network (one round trip instead of fourteen), table by table in process (H2
     * runs fourteen small SELECTs faster than their UNION).
     */
    static void visitProjections(Connection c, String siteId, boolean oneStatement, ProjectionRowVisitor visitor)
            throws SQLException {
        RecordKind[] kinds = RecordKind.values();
        if (!oneStatement) {
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
        try (PreparedStatement ps = c.prepareStatement(ALL_PROJECTIONS)) {
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

    /** How many keys one look-up binds (in one array parameter). */
    private static final int CHUNK = 500;

    /** The top-level fields that {@link RecordKind#keyOf} reads. */
    static final java.util.Set<String> KEY_FIELDS =
            java.util.Set.of("id", "month", "date", "supervisor", "author", "topic", "at");

    /**
     * What verification needs of a record's data: all of it for checkpoints (where the chain continues
     * from), handovers (signatures against content), reviews and records of an unknown type; for the
     * other kinds only the fields of their key (the list-agreement check compares texts by key); nothing
     * but checkpoints for a walk of the chain alone.
     */
    private static Map<String, Object> storedData(String type, String text, boolean forLists) {
        if (type.equals(LogChain.CHECKPOINT)) {
            return CanonicalJson.readObject(text);
        }
        if (!forLists) {
            return Map.of();
        }
        RecordKind kind = RecordKind.ofTypeName(type);
        return kind == null || kind == RecordKind.HANDOVER || kind == RecordKind.REVIEW
                ? CanonicalJson.readObject(text)
                : CanonicalJson.readFields(text, KEY_FIELDS);
    }

    /** The log records with the given ids, by id (looked up in chunks). */
    static Map<String, LogRecord> logRecords(
            Connection c, Dialect dialect, String siteId, java.util.Collection<String> ids) throws SQLException {
        Map<String, LogRecord> found = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement ps = dialect.selectByKeys(c, LOG_COLUMNS, "duty_log", "record_id", siteId, chunk);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LogRecord record = logRecord(rs);
                    found.put(record.id(), record);
                }
            }
        }
        return found;
    }

    /** The stored data text of the given keys of one kind, by key (looked up in chunks). */
    static Map<String, String> projectionTexts(
            Connection c, Dialect dialect, RecordKind kind, String siteId, java.util.Collection<String> keys)
            throws SQLException {
        Map<String, String> found = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
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

    /** Writes the query-table rows of a batch: batched INSERTs of new rows and UPDATEs of existing ones. */
    static void writeRows(Connection c, String siteId, java.util.Collection<BatchAppend.RowWrite> rows)
            throws SQLException {
        Map<String, PreparedStatement> statements = new java.util.HashMap<>();
        try {
            for (BatchAppend.RowWrite row : rows) {
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
                    bindProjection(ps, siteId, row.key(), row.text(), row.firstSeq(), row.lastSeq());
                    if (handover != null) {
                        ps.setObject(6, handover.date());
                        ps.setObject(7, timestamp(handover.scheduledAt()));
                    }
                } else if (handover != null) {
                    ps.setString(1, row.text());
                    ps.setLong(2, row.lastSeq());
                    ps.setObject(3, handover.date());
                    ps.setObject(4, timestamp(handover.scheduledAt()));
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
        } finally {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
    }

    /** The projection rows of one kind at a site: key to stored data text, in first-saved order. */
    static Map<String, String> projectionTexts(Connection c, RecordKind kind, String siteId) throws SQLException {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
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

    private static LogRecord logRecord(ResultSet rs) throws SQLException {
        return new LogRecord(
                rs.getLong("seq"),
                rs.getString("record_id"),
                rs.getString("type"),
                instant(rs, "at"),
                rs.getString("actor"),
                CanonicalJson.readObject(rs.getString("data")),
                trim(rs.getString("prev_hash")),
                trim(rs.getString("hash")));
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }

    static void insertLog(Connection c, String siteId, LogRecord record, String dataText) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO duty_log (site_id, " + LOG_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindLog(ps, siteId, record, dataText);
            ps.executeUpdate();
        }
    }

    /**
     * Inserts log records with batched statements; {@code dataTexts} holds the canonical text of each
     * record's data (what its hash was computed over), so nothing is written to JSON again.
     */
    static void insertLogBatch(Connection c, String siteId, List<LogRecord> records, List<String> dataTexts)
            throws SQLException {
        if (records.size() != dataTexts.size()) {
            throw new IllegalArgumentException(records.size() + " log records but " + dataTexts.size() + " texts");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO duty_log (site_id, " + LOG_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (int i = 0; i < records.size(); i++) {
                bindLog(ps, siteId, records.get(i), dataTexts.get(i));
                ps.addBatch();
                if (++pending == 500) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void bindLog(PreparedStatement ps, String siteId, LogRecord record, String dataText)
            throws SQLException {
        ps.setString(1, siteId);
        ps.setLong(2, record.seq());
        ps.setString(3, record.id());
        ps.setString(4, record.type());
        ps.setObject(5, timestamp(record.at()));
        ps.setString(6, record.actor());
        ps.setString(7, dataText);
        ps.setString(8, record.prevHash());
        ps.setString(9, record.hash());
    }

    /** The retention purge's one DELETE on the log: records up to {@code lastSeq} of one site. */
    static int deleteLogThrough(Connection c, Dialect dialect, String siteId, long lastSeq) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT set_config('dutykit.retention_purge', 'on', true)")) {
                ps.execute();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM duty_log WHERE site_id = ? AND seq <= ?")) {
            ps.setString(1, siteId);
            ps.setLong(2, lastSeq);
            return ps.executeUpdate();
        }
    }

    static void insertPurgeAudit(
            Connection c,
            String siteId,
            LocalDate purgedBefore,
            long firstKeptSeq,
            String chainsFrom,
            long removedLogRecords,
            long removedRecords,
            String actor,
            Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO duty_purge_audit (site_id, purged_before,"
                + " first_kept_seq, chains_from, removed_log_records, removed_records, actor, db_user, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_USER, ?)")) {
            ps.setString(1, siteId);
            ps.setObject(2, purgedBefore);
            ps.setLong(3, firstKeptSeq);
            ps.setString(4, chainsFrom);
            ps.setLong(5, removedLogRecords);
            ps.setLong(6, removedRecords);
            ps.setString(7, actor);
            ps.setObject(8, timestamp(at));
            ps.executeUpdate();
        }
    }

    // ---- projections -----------------------------------------------------------------------------

    static String projection(Connection c, RecordKind kind, String siteId, String key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT data FROM " + TABLES.get(kind) + " WHERE site_id = ? AND record_key = ?")) {
            ps.setString(1, siteId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static List<String> projections(Connection c, RecordKind kind, String siteId) throws SQLException {
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

    /** The key of the handover that takes over the shift of {@code date} at {@code scheduledAt}, or null. */
    static String handoverAt(Connection c, String siteId, LocalDate date, Instant scheduledAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_key FROM duty_handover"
                + " WHERE site_id = ? AND handover_date = ? AND scheduled_at = ?")) {
            ps.setString(1, siteId);
            ps.setObject(2, date);
            ps.setObject(3, timestamp(scheduledAt));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static final String PG_HANDOVERS_AT = "SELECT k.n, t.record_key"
            + " FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS k(d, s, n)"
            + " CROSS JOIN LATERAL (SELECT record_key FROM duty_handover x WHERE x.site_id = ?"
            + " AND x.handover_date = k.d::date AND x.scheduled_at = k.s::timestamptz LIMIT 1) t";

    private static void bindShifts(
            Connection c,
            PreparedStatement ps,
            int index,
            String siteId,
            List<String> names,
            Map<String, Handover> shifts)
            throws SQLException {
        String[] dates = new String[names.size()];
        String[] instants = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Handover handover = shifts.get(names.get(i));
            dates[i] = handover.date().toString();
            instants[i] = handover.scheduledAt().toString();
        }
        ps.setArray(index, c.createArrayOf("text", dates));
        ps.setArray(index + 1, c.createArrayOf("text", instants));
        ps.setString(index + 2, siteId);
    }

    private static void readShifts(ResultSet rs, List<String> names, Map<String, String> found) throws SQLException {
        while (rs.next()) {
            found.put(names.get((int) rs.getLong(1) - 1), rs.getString(2));
        }
    }

    /** What an append reads under the head lock before it checks its changes. */
    record Lookup(
            Head head,
            Map<String, LogRecord> existing,
            Map<RecordKind, Map<String, String>> current,
            Map<String, String> taken) {}

    /**
     * Locks the site's head row and reads what the batch's checks need: the log records with the given
     * ids, the stored text of the given keys of each kind, and the stored handover of each given shift.
     * On PostgreSQL with the head row already there, all of it goes to the server in one round trip (the
     * statements run one after another, the look-ups after the lock is granted, each in its own READ
     * COMMITTED snapshot, so they see every append committed before the lock); otherwise one statement
     * after the other.
     */
    static Lookup lockAndLookUp(
            Connection c,
            Dialect dialect,
            String siteId,
            java.util.Collection<String> ids,
            Map<RecordKind, ? extends java.util.Collection<String>> keys,
            Map<String, Handover> shifts)
            throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            Lookup pipelined = lockAndLookUpAtOnce(c, siteId, ids, keys, shifts);
            if (pipelined != null) {
                return pipelined;
            }
        }
        Head head = lockHead(c, dialect, siteId);
        Map<String, LogRecord> existing = logRecords(c, dialect, siteId, ids);
        Map<RecordKind, Map<String, String>> current = new EnumMap<>(RecordKind.class);
        for (Map.Entry<RecordKind, ? extends java.util.Collection<String>> entry : keys.entrySet()) {
            current.put(entry.getKey(), projectionTexts(c, dialect, entry.getKey(), siteId, entry.getValue()));
        }
        return new Lookup(head, existing, current, handoversAt(c, dialect, siteId, shifts));
    }

    /** {@link #lockAndLookUp} in one round trip on PostgreSQL, or null when the site has no head row yet. */
    private static Lookup lockAndLookUpAtOnce(
            Connection c,
            String siteId,
            java.util.Collection<String> ids,
            Map<RecordKind, ? extends java.util.Collection<String>> keys,
            Map<String, Handover> shifts)
            throws SQLException {
        Dialect pg = Dialect.POSTGRESQL;
        List<RecordKind> kinds = new ArrayList<>(keys.keySet());
        List<String> names = new ArrayList<>(shifts.keySet());
        StringBuilder sql = new StringBuilder(SELECT_HEAD_FOR_UPDATE)
                .append(";\n")
                .append(pg.selectByKeys(LOG_COLUMNS, "duty_log", "record_id"));
        for (RecordKind kind : kinds) {
            sql.append(";\n").append(pg.selectByKeys("record_key, data", TABLES.get(kind), "record_key"));
        }
        if (!names.isEmpty()) {
            sql.append(";\n").append(PG_HANDOVERS_AT);
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, siteId);
            int index = 2;
            pg.bindKeys(c, ps, index, siteId, new ArrayList<>(ids));
            index += 2;
            for (RecordKind kind : kinds) {
                pg.bindKeys(c, ps, index, siteId, new ArrayList<>(keys.get(kind)));
                index += 2;
            }
            if (!names.isEmpty()) {
                bindShifts(c, ps, index, siteId, names, shifts);
            }
            ps.execute();
            Head head;
            try (ResultSet rs = ps.getResultSet()) {
                head = rs.next() ? head(rs) : null;
            }
            if (head == null) {
                return null; // a new site: create the head row first, then look up
            }
            Map<String, LogRecord> existing = new java.util.HashMap<>();
            nextResult(ps);
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    LogRecord record = logRecord(rs);
                    existing.put(record.id(), record);
                }
            }
            Map<RecordKind, Map<String, String>> current = new EnumMap<>(RecordKind.class);
            for (RecordKind kind : kinds) {
                Map<String, String> found = new java.util.HashMap<>();
                nextResult(ps);
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
                current.put(kind, found);
            }
            Map<String, String> taken = new java.util.HashMap<>();
            if (!names.isEmpty()) {
                nextResult(ps);
                try (ResultSet rs = ps.getResultSet()) {
                    readShifts(rs, names, taken);
                }
            }
            return new Lookup(head, existing, current, taken);
        }
    }

    private static void nextResult(PreparedStatement ps) throws SQLException {
        if (!ps.getMoreResults()) {
            throw new SQLException("a look-up of the append returned no result set");
        }
    }

    /**
     * The stored handover that takes over each of the given shifts, by the shift's name in {@code
     * shifts} (shifts no handover takes over are left out): one query on PostgreSQL (the shifts as two
     * arrays, one probe of the unique shift index per shift), one indexed look-up per shift on the
     * embedded H2 (no round trips to save there).
     */
    static Map<String, String> handoversAt(Connection c, Dialect dialect, String siteId, Map<String, Handover> shifts)
            throws SQLException {
        Map<String, String> found = new java.util.HashMap<>();
        if (shifts.isEmpty()) {
            return found;
        }
        List<String> names = new ArrayList<>(shifts.keySet());
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement(PG_HANDOVERS_AT)) {
                bindShifts(c, ps, 1, siteId, names, shifts);
                try (ResultSet rs = ps.executeQuery()) {
                    readShifts(rs, names, found);
                }
            }
            return found;
        }
        for (String name : names) {
            Handover handover = shifts.get(name);
            String key = handoverAt(c, siteId, handover.date(), handover.scheduledAt());
            if (key != null) {
                found.put(name, key);
            }
        }
        return found;
    }

    private static void bindProjection(
            PreparedStatement ps, String siteId, String key, String dataText, long firstSeq, long lastSeq)
            throws SQLException {
        ps.setString(1, siteId);
        ps.setString(2, key);
        ps.setString(3, dataText);
        ps.setLong(4, firstSeq);
        ps.setLong(5, lastSeq);
    }

    static void updateProjection(
            Connection c, RecordKind kind, String siteId, String key, Object record, String dataText, long lastSeq)
            throws SQLException {
        if (record instanceof Handover handover) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE duty_handover SET data = ?, last_seq = ?,"
                    + " handover_date = ?, scheduled_at = ? WHERE site_id = ? AND record_key = ?")) {
                ps.setString(1, dataText);
                ps.setLong(2, lastSeq);
                ps.setObject(3, handover.date());
                ps.setObject(4, timestamp(handover.scheduledAt()));
                ps.setString(5, siteId);
                ps.setString(6, key);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + TABLES.get(kind) + " SET data = ?, last_seq = ? WHERE site_id = ? AND record_key = ?")) {
            ps.setString(1, dataText);
            ps.setLong(2, lastSeq);
            ps.setString(3, siteId);
            ps.setString(4, key);
            ps.executeUpdate();
        }
    }

    static void deleteProjection(Connection c, RecordKind kind, String siteId, String key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + TABLES.get(kind) + " WHERE site_id = ? AND record_key = ?")) {
            ps.setString(1, siteId);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    /** Whether any query table holds a row of the site: one query over all of them. */
    static boolean hasProjections(Connection c, String siteId) throws SQLException {
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
