package io.dutykit.storage.jdbc;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Handover;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What differs between the databases the adapter speaks, one subclass per database ({@link H2Dialect},
 * {@link PostgresDialect}), picked from the JDBC URL as Flyway picks its database plug-in. The SQL both
 * run is in the table classes ({@link HeadTable}, {@link LogTable}, {@link ProjectionTables}, {@link
 * AppendLookup}, {@link PurgeAuditTable}), which ask the dialect where the databases differ instead of
 * testing which one they talk to.
 */
abstract class Dialect {
    /** How many keys one look-up binds (in one array parameter). */
    static final int KEYS_PER_STATEMENT = 500;

    /** Restores a connection after a transaction {@link #begin} started. */
    interface Restore {
        void run() throws SQLException;
    }

    static Dialect ofUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return new H2Dialect();
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        throw InvalidValueException.of(
                "the JDBC URL %s names a database DutyKit does not support; use H2 (jdbc:h2:...) or PostgreSQL"
                        + " (jdbc:postgresql:...)",
                url);
    }

    /** Where this dialect's Flyway migrations live on the classpath. */
    abstract String migrations();

    /** A DataSource for a JDBC URL of this database given on a command line (see {@link JdbcStores#dataSource}). */
    abstract DataSource dataSource(String url);

    /**
     * Starts a transaction at {@code isolation} on a connection whose auto-commit is already off, and
     * says how to restore the connection afterwards.
     */
    abstract Restore begin(Connection c, int isolation) throws SQLException;

    /**
     * Inserts the head row of a new site ({@code seq} 0, the genesis hash), or nothing when another
     * transaction inserted it first; the transaction stays usable either way.
     */
    abstract void insertHeadRow(Connection c, String siteId) throws SQLException;

    /** Whatever the database needs before the retention purge's DELETE of log records is allowed. */
    abstract void beforeRetentionDelete(Connection c) throws SQLException;

    /**
     * The statement of a query for the rows of one site whose {@code column} is one of the keys bound by
     * {@link #bindKeys}, in a form this database runs as one probe of its unique index on {@code
     * (site_id, column)} per key, with one array parameter (so the statement text is the same for every
     * batch and the statement caches hold it).
     *
     * @param columns the select list, e.g. {@code "record_key, data"}, columns of {@code table}; never input
     * @param table the table, from {@link ProjectionTables#TABLES} or {@code duty_log}; never input
     */
    abstract String selectByKeys(String columns, String table, String column);

    /** Binds the keys and the site id of a {@link #selectByKeys(String, String, String)} from {@code index}. */
    abstract void bindKeys(Connection c, PreparedStatement ps, int index, String siteId, List<String> keys)
            throws SQLException;

    /** {@link #selectByKeys(String, String, String)} prepared and bound, ready to run. */
    final PreparedStatement selectByKeys(
            Connection c, String columns, String table, String column, String siteId, List<String> keys)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(selectByKeys(columns, table, column));
        try {
            bindKeys(c, ps, 1, siteId, keys);
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    /**
     * The stored handover that takes over each of the given shifts, by the shift's name in {@code
     * shifts} (shifts no handover takes over are left out).
     */
    abstract Map<String, String> handoversAt(Connection c, String siteId, Map<String, Handover> shifts)
            throws SQLException;

    /**
     * Locks the site's head row and reads what an append's checks need ({@link AppendLookup}); one
     * statement after the other unless the dialect can do better.
     */
    AppendLookup lockAndLookUp(
            Connection c,
            String siteId,
            Collection<String> ids,
            Map<RecordKind, ? extends Collection<String>> keys,
            Map<String, Handover> shifts)
            throws SQLException {
        return AppendLookup.oneByOne(c, this, siteId, ids, keys, shifts);
    }

    /**
     * Runs read-only queries of query-table rows and returns each one's rows, in the order given: one
     * statement after the other unless the database can send them at once.
     */
    List<List<RowQuery.Row>> runAll(Connection c, List<RowQuery> queries) throws SQLException {
        return RowQuery.runEach(c, queries);
    }

    /** Whether verification reads every query table in one statement (a UNION) rather than table by table. */
    abstract boolean readsProjectionsInOneStatement();

    /** A unique or primary-key violation (SQLState class 23, code 23505 on both databases). */
    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure that goes away when the transaction is tried again: a lock wait that timed out (H2
     * HYT00), a deadlock (40P01, H2 40001) or a serialization failure (40001).
     */
    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("HYT00") || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }
}
