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
     * run, in the form this database plans as look-ups in its unique index on {@code (site_id, column)}:
     * on H2 the row-value list {@code (site_id, column) IN ((?, ?), …)} (H2 2.3 uses the index only for
     * {@code site_id} with {@code site_id = ? AND column IN (…)} and tests the list against every row of
     * the site), on PostgreSQL {@code column = ANY(?)} with one {@code text[]} parameter.
     *
     * @param select the select list and table, e.g. {@code "SELECT data FROM duty_entry"}; never input
     */
    PreparedStatement selectByKeys(Connection c, String select, String column, String siteId, List<String> keys)
            throws SQLException {
        if (this == POSTGRESQL) {
            PreparedStatement ps = c.prepareStatement(select + " WHERE site_id = ? AND " + column + " = ANY(?)");
            try {
                ps.setString(1, siteId);
                ps.setArray(2, c.createArrayOf("text", keys.toArray()));
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
            return ps;
        }
        StringBuilder sql = new StringBuilder(select.length() + 64 + keys.size() * 8)
                .append(select)
                .append(" WHERE (site_id, ")
                .append(column)
                .append(") IN (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        PreparedStatement ps = c.prepareStatement(sql.append(')').toString());
        try {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(2 * i + 1, siteId);
                ps.setString(2 * i + 2, keys.get(i));
            }
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
        return ps;
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
