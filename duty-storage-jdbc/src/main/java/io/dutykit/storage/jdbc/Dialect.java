package io.dutykit.storage.jdbc;

import io.dutykit.core.InvalidValueException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** The databases the adapter speaks, picked from the JDBC URL as Flyway picks its database plug-in. */
enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    static Dialect ofUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw InvalidValueException.of(
                "the JDBC URL %s names a database DutyKit does not support; use H2 (jdbc:h2:...) or PostgreSQL"
                        + " (jdbc:postgresql:...)",
                url);
    }

    /** Where this dialect's Flyway migrations live on the classpath. */
    String migrations() {
        return "classpath:io/dutykit/storage/jdbc/migration/" + folder;
    }

    /**
     * A query for the rows of one site whose {@code column} is one of {@code keys}, bound and ready to
     * run, in a form this database runs as one probe of its unique index on {@code (site_id, column)} per
     * key, whatever its statistics say, with one array parameter (so the statement text is the same for
     * every batch and the databases' statement caches hold it):
     *
     * <ul>
     *   <li>H2: {@code UNNEST(?)} joined to the table on {@code site_id} and {@code column} (planned as
     *       {@code SITE_ID = ?2 AND column = K.WANTED} in the unique index). H2 2.3 uses the index only for
     *       {@code site_id} with {@code site_id = ? AND column IN (…)} or {@code = ANY(?)} and tests the
     *       list against every row of the site; the row-value list {@code (site_id, column) IN ((?, ?),
     *       …)} is planned well but is a new statement of up to 1 000 parameters to parse for every batch
     *       size.
     *   <li>PostgreSQL: {@code unnest(?::text[])} joined LATERAL to a one-row subquery per key. The
     *       plainer {@code site_id = ? AND column = ANY(?)} is planned, once the driver prepares it on the
     *       server and the tables have no statistics yet (a fresh or fast-growing database), as a scan of
     *       the site's rows through the {@code (site_id, first_seq)} index with the key list as a filter:
     *       measured 100–140 ms per look-up of 377 keys against 9 000 rows, growing with the site. The
     *       LIMIT keeps the subquery from being pulled up into a join the planner could reorder.
     * </ul>
     *
     * @param columns the select list, e.g. {@code "record_key, data"}, columns of {@code table}; never input
     * @param table the table, from {@link Sql#TABLES} or {@code duty_log}; never input
     */
    PreparedStatement selectByKeys(
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

    /** The statement of {@link #selectByKeys(Connection, String, String, String, String, List)}. */
    String selectByKeys(String columns, String table, String column) {
        return this == POSTGRESQL
                ? "SELECT " + columns + " FROM unnest(?::text[]) AS k(wanted) CROSS JOIN LATERAL (SELECT * FROM "
                        + table + " x WHERE x.site_id = ? AND x." + column + " = k.wanted LIMIT 1) t"
                : "SELECT " + columns + " FROM UNNEST(?) AS k(wanted) JOIN " + table + " t ON t.site_id = ? AND t."
                        + column + " = k.wanted";
    }

    /** Binds the keys and the site id of a {@link #selectByKeys(String, String, String)} from {@code index}. */
    void bindKeys(Connection c, PreparedStatement ps, int index, String siteId, List<String> keys) throws SQLException {
        ps.setArray(index, c.createArrayOf(this == POSTGRESQL ? "text" : "VARCHAR", keys.toArray()));
        ps.setString(index + 1, siteId);
    }

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
