package io.dutykit.storage.jdbc;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code duty_log}: the chained duty log, the truth every other table is rebuilt from. Rows are only
 * ever inserted; the one DELETE is the audited retention purge's.
 */
final class LogTable {
    static final String COLUMNS = "seq, record_id, type, at, actor, data, prev_hash, hash";

    private static final String SELECT_SITE = "SELECT " + COLUMNS + " FROM duty_log WHERE site_id = ? ORDER BY seq";
    private static final String INSERT =
            "INSERT INTO duty_log (site_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The top-level fields that {@link RecordKind#keyOf} reads. */
    static final Set<String> KEY_FIELDS = Set.of("id", "month", "date", "supervisor", "author", "topic", "at");

    private LogTable() {}

    static LogRecord byId(Connection c, String siteId, String recordId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM duty_log WHERE site_id = ? AND record_id = ?")) {
            ps.setString(1, siteId);
            ps.setString(2, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? record(rs) : null;
            }
        }
    }

    /** The site's log in chain order, every record's data read. */
    static List<LogRecord> log(Connection c, String siteId) throws SQLException {
        List<LogRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_SITE)) {
            ps.setFetchSize(1000);
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(record(rs));
                }
            }
        }
        return records;
    }

    /**
     * A log record with the canonical text of its data exactly as stored; {@code unreadable} says why the
     * text is not a readable record (then the record's data is empty), or is null.
     */
    record StoredRecord(LogRecord record, String dataText, String unreadable) {}

    /**
     * The site's log with each record's data text as stored, for verification: the records' {@code data}
     * holds only what verification reads (see {@link #storedData}); with {@code parseData} false only
     * CHECKPOINT records get their data parsed (the others carry an empty map), for a walk of the chain
     * alone.
     */
    static List<StoredRecord> storedLog(Connection c, String siteId, boolean parseData) throws SQLException {
        List<StoredRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_SITE)) {
            ps.setFetchSize(1000);
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString("data");
                    String type = rs.getString("type");
                    long seq = rs.getLong("seq");
                    String recordId = rs.getString("record_id");
                    Map<String, Object> data = Map.of();
                    String unreadable = null;
                    try {
                        data = storedData(type, text, parseData, where(seq, recordId));
                    } catch (InvalidValueException e) {
                        unreadable = e.getMessage();
                    }
                    records.add(new StoredRecord(
                            new LogRecord(
                                    seq,
                                    recordId,
                                    type,
                                    Columns.instant(rs, "at"),
                                    rs.getString("actor"),
                                    data,
                                    Columns.trim(rs.getString("prev_hash")),
                                    Columns.trim(rs.getString("hash"))),
                            text,
                            unreadable));
                }
            }
        }
        return records;
    }

    /**
     * The ids of every site the database holds anything of, in id order: those with a head row, with a
     * log record (found by skipping through the log's primary key, one probe per site), or with a site
     * row — so a site whose head row was deleted is still listed, and verification reports it.
     */
    static List<String> siteIds(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("WITH RECURSIVE logged(site_id) AS ("
                        + "SELECT MIN(site_id) FROM duty_log"
                        + " UNION ALL SELECT (SELECT MIN(l.site_id) FROM duty_log l WHERE l.site_id > logged.site_id)"
                        + " FROM logged WHERE logged.site_id IS NOT NULL)"
                        + " SELECT site_id FROM duty_log_head"
                        + " UNION SELECT site_id FROM duty_site"
                        + " UNION SELECT site_id FROM logged WHERE site_id IS NOT NULL"
                        + " ORDER BY 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Receives the stored log rows of a site in chain order, as {@link #visit} reads them. */
    interface RowVisitor {
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
    static void visit(Connection c, String siteId, RowVisitor visitor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SITE)) {
            ps.setFetchSize(1000);
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            Columns.instant(rs, 4),
                            rs.getString(5),
                            rs.getString(6),
                            Columns.trim(rs.getString(7)),
                            Columns.trim(rs.getString(8)));
                }
            }
        }
    }

    /**
     * What verification needs of a record's data: all of it for checkpoints (where the chain continues
     * from), handovers (signatures against content), reviews and records of an unknown type; for the
     * other kinds only the fields of their key (the list-agreement check compares texts by key); nothing
     * but checkpoints for a walk of the chain alone.
     */
    private static Map<String, Object> storedData(String type, String text, boolean forLists, String where) {
        if (LogChain.CHECKPOINT.equals(type)) {
            return StoredJson.object(text, where);
        }
        if (!forLists) {
            return Map.of();
        }
        RecordKind kind = RecordKind.ofTypeName(type);
        return kind == null || kind == RecordKind.HANDOVER || kind == RecordKind.REVIEW
                ? StoredJson.object(text, where)
                : StoredJson.fields(text, KEY_FIELDS, where);
    }

    /** A log record named in a message: {@code log record 5 (e-1/ENTRY_APPENDED)}. */
    static String where(long seq, String recordId) {
        return "log record " + seq + " (" + recordId + ")";
    }

    /** The log records with the given ids, by id (looked up in chunks). */
    static Map<String, LogRecord> byIds(Connection c, Dialect dialect, String siteId, Collection<String> ids)
            throws SQLException {
        Map<String, LogRecord> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += Dialect.KEYS_PER_STATEMENT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + Dialect.KEYS_PER_STATEMENT));
            try (PreparedStatement ps = dialect.selectByKeys(c, COLUMNS, "duty_log", "record_id", siteId, chunk);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LogRecord record = record(rs);
                    found.put(record.id(), record);
                }
            }
        }
        return found;
    }

    /** The log record of the current row of {@code rs} (the columns of {@link #COLUMNS}). */
    static LogRecord record(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        String recordId = rs.getString("record_id");
        return new LogRecord(
                seq,
                recordId,
                rs.getString("type"),
                Columns.instant(rs, "at"),
                rs.getString("actor"),
                StoredJson.object(rs.getString("data"), where(seq, recordId)),
                Columns.trim(rs.getString("prev_hash")),
                Columns.trim(rs.getString("hash")));
    }

    static void insert(Connection c, String siteId, LogRecord record, String dataText) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, siteId, record, dataText);
            ps.executeUpdate();
        }
    }

    /**
     * Inserts log records with batched statements; {@code dataTexts} holds the canonical text of each
     * record's data (what its hash was computed over), so nothing is written to JSON again.
     */
    static void insertBatch(Connection c, String siteId, List<LogRecord> records, List<String> dataTexts)
            throws SQLException {
        if (records.size() != dataTexts.size()) {
            throw new IllegalArgumentException(records.size() + " log records but " + dataTexts.size() + " texts");
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (int i = 0; i < records.size(); i++) {
                bind(ps, siteId, records.get(i), dataTexts.get(i));
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

    private static void bind(PreparedStatement ps, String siteId, LogRecord record, String dataText)
            throws SQLException {
        ps.setString(1, siteId);
        ps.setLong(2, record.seq());
        ps.setString(3, record.id());
        ps.setString(4, record.type());
        ps.setObject(5, Columns.timestamp(record.at()));
        ps.setString(6, record.actor());
        ps.setString(7, dataText);
        ps.setString(8, record.prevHash());
        ps.setString(9, record.hash());
    }

    /**
     * The retention purge's one DELETE on the log: records up to {@code lastSeq} of one site, after the
     * dialect has done what lets the database allow it (PostgreSQL: the audited purge's setting).
     */
    static int deleteThrough(Connection c, Dialect dialect, String siteId, long lastSeq) throws SQLException {
        dialect.beforeRetentionDelete(c);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM duty_log WHERE site_id = ? AND seq <= ?")) {
            ps.setString(1, siteId);
            ps.setLong(2, lastSeq);
            return ps.executeUpdate();
        }
    }
}
