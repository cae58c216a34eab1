package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.handover.Handover;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.engine.Constants;
import org.h2.jdbcx.JdbcDataSource;

/** H2, the embedded default (file mode): in process, so round trips cost nothing and statements stay plain. */
final class H2Dialect extends Dialect {
    /** Many appenders wait for one site's head row; H2's default wait of 1 s is too short. */
    private static final String LOCK_TIMEOUT = "SET LOCK_TIMEOUT 20000";

    @Override
    String migrations() {
        return "classpath:io/dutykit/storage/jdbc/migration/h2";
    }

    /**
     * The user {@code sa} unless the URL names one; a file URL without a {@code WRITE_DELAY} gets {@code
     * WRITE_DELAY=0} so that acknowledged appends survive kill -9 (docs/storage.md), and {@code
     * DB_CLOSE_DELAY=-1} keeps the database open between transactions (it closes when the JVM exits).
     */
    @Override
    DataSource dataSource(String jdbcUrl) {
        String url = jdbcUrl;
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:MEM:") && !upper.contains(";WRITE_DELAY=")) {
            url = url + ";WRITE_DELAY=0";
        }
        if (!upper.contains(";DB_CLOSE_DELAY=")) {
            url = url + ";DB_CLOSE_DELAY=-1";
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        if (!upper.contains(";USER=")) {
            h2.setUser("sa");
        }
        return h2;
    }

    /**
     * The isolation level is the session's: set for the transaction and set back after it. A consistent
     * read ({@code REPEATABLE READ}) runs at H2's {@code SNAPSHOT}: at {@code REPEATABLE READ} H2 reads
     * each table as of the transaction's first read of that table, so a verification that read the head
     * row before an append committed and the log after it reported a break that was not there.
     */
    @Override
    Restore begin(Connection c, int isolation) throws SQLException {
        int wanted = isolation == Connection.TRANSACTION_REPEATABLE_READ ? Constants.TRANSACTION_SNAPSHOT : isolation;
        int previous = c.getTransactionIsolation();
        if (previous != wanted) {
            c.setTransactionIsolation(wanted);
        }
        try (Statement statement = c.createStatement()) {
            statement.execute(LOCK_TIMEOUT);
        }
        return previous == wanted ? () -> {} : () -> c.setTransactionIsolation(previous);
    }

    /** A plain INSERT; a unique violation means another transaction created the row (H2 keeps this one usable). */
    @Override
    void insertHeadRow(Connection c, String siteId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO duty_log_head (site_id, seq, hash) VALUES (?, 0, ?)")) {
            ps.setString(1, siteId);
            ps.setString(2, LogRecord.GENESIS);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** H2 has no trigger guarding the log: the adapter itself issues this DELETE only in the purge. */
    @Override
    void beforeRetentionDelete(Connection c) {
        // nothing to switch on
    }

    /**
     * {@code UNNEST(?)} joined to the table on {@code site_id} and {@code column} (planned as {@code
     * SITE_ID = ?2 AND column = K.WANTED} in the unique index). H2 2.3 uses the index only for {@code
     * site_id} with {@code site_id = ? AND column IN (…)} or {@code = ANY(?)} and tests the list against
     * every row of the site; the row-value list {@code (site_id, column) IN ((?, ?), …)} is planned well
     * but is a new statement of up to 1 000 parameters to parse for every batch size.
     */
    @Override
    String selectByKeys(String columns, String table, String column) {
        return "SELECT " + columns + " FROM UNNEST(?) AS k(wanted) JOIN " + table + " t ON t.site_id = ? AND t."
                + column + " = k.wanted";
    }

    @Override
    void bindKeys(Connection c, PreparedStatement ps, int index, String siteId, List<String> keys) throws SQLException {
        ps.setArray(index, c.createArrayOf("VARCHAR", keys.toArray()));
        ps.setString(index + 1, siteId);
    }

    /** One indexed look-up per shift: in process there are no round trips to save. */
    @Override
    Map<String, String> handoversAt(Connection c, String siteId, Map<String, Handover> shifts) throws SQLException {
        Map<String, String> found = new HashMap<>();
        for (Map.Entry<String, Handover> shift : shifts.entrySet()) {
            Handover handover = shift.getValue();
            String key = ProjectionTables.handoverAt(c, siteId, handover.date(), handover.scheduledAt());
            if (key != null) {
                found.put(shift.getKey(), key);
            }
        }
        return found;
    }

    /** Fourteen small SELECTs run faster than their UNION in process. */
    @Override
    boolean readsProjectionsInOneStatement() {
        return false;
    }
}
