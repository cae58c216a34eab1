package io.dutykit.storage.jdbc;

import io.dutykit.core.InvalidValueException;
import java.sql.SQLException;
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
