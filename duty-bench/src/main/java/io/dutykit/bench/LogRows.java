package io.dutykit.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The rows of {@code duty_log} read and written with plain JDBC: the baselines of figures 4 and 5. */
final class LogRows {
    static final String COLUMNS = "seq, record_id, type, at, actor, data, prev_hash, hash";
    static final String INSERT = "INSERT INTO duty_log (site_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT = "SELECT " + COLUMNS + " FROM duty_log WHERE site_id = ? ORDER BY seq";
    private static final int BATCH = 500;

    /** One stored log record, as its columns. */
    record Row(
            long seq,
            String recordId,
            String type,
            OffsetDateTime at,
            String actor,
            String data,
            String prevHash,
            String hash) {}

    private LogRows() {}

    /** Every log row of the site, in chain order. */
    static List<Row> select(DataSource dataSource, String siteId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setFetchSize(1000);
                ps.setString(1, siteId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8)));
                    }
                }
            }
            c.commit();
        }
        return rows;
    }

    /** The same rows under another site id, in batches of 500, in one transaction. */
    static void insertBatched(DataSource dataSource, String siteId, List<Row> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            insertBatched(c, siteId, rows);
            c.commit();
        }
    }

    /** The same rows under another site id, in batches of 500, on the caller's connection (no commit). */
    static void insertBatched(Connection c, String siteId, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (Row row : rows) {
                bind(ps, siteId, row);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** One row in its own transaction: the raw durable one-entry-per-commit baseline. */
    static void insertOne(Connection c, String siteId, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, siteId, row);
            ps.executeUpdate();
        }
        c.commit();
    }

    private static void bind(PreparedStatement ps, String siteId, Row row) throws SQLException {
        ps.setString(1, siteId);
        ps.setLong(2, row.seq());
        ps.setString(3, row.recordId());
        ps.setString(4, row.type());
        ps.setObject(5, row.at());
        ps.setString(6, row.actor());
        ps.setString(7, row.data());
        ps.setString(8, row.prevHash());
        ps.setString(9, row.hash());
    }

    /** The UTF-8 bytes of each row's text columns: what a verifier must hash. */
    static List<byte[]> bytes(List<Row> rows) {
        List<byte[]> bytes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String text = row.seq() + "|" + row.recordId() + "|" + row.type() + "|" + row.at() + "|" + row.actor() + "|"
                    + row.data() + "|" + row.prevHash();
            bytes.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
