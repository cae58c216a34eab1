package io.dutykit.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a connection that is inside a host transaction, from what JDBC lets one see: auto-commit off
 * on a connection just taken from the DataSource. That is what a Spring {@code
 * TransactionAwareDataSourceProxy} (or a JTA-enlisted DataSource) hands out inside a transaction, and
 * what a pool configured with auto-commit off hands out always; a Spring proxy is named in the message,
 * recognised by the interface its connections implement ({@code ConnectionProxy}), without a Spring
 * dependency.
 */
final class HostTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(HostTransactions.class);
    private static final String SPRING_PROXY = "org.springframework.jdbc.datasource.ConnectionProxy";

    private HostTransactions() {}

    /** Throws {@link HostTransactionException} when the fresh connection is inside a transaction. */
    static void refuseIfInside(Connection connection, String what) throws SQLException {
        if (connection.getAutoCommit()) {
            return;
        }
        String why = isSpringProxy(connection)
                ? "the DataSource is a Spring TransactionAwareDataSourceProxy (or a like proxy) and handed over the"
                        + " connection of the transaction in progress"
                : "the connection came with auto-commit off: it belongs to a transaction of the host (a"
                        + " transaction-aware or JTA-enlisted DataSource used inside a transaction), or the pool hands"
                        + " out connections with auto-commit off";
        LOG.warn("refused to {}: {}", what, why);
        throw new HostTransactionException("DutyKit refuses to " + what + ": " + why + ". DutyKit runs and commits"
                + " its own transactions and would commit the host's work with them; nothing was written and the"
                + " host's transaction is untouched. Give DutyKit the plain pool (not a transaction-aware proxy),"
                + " with auto-commit on, and call it after your own transaction has committed, with the same ids"
                + " when you retry (docs/embedding.md, \"Transactions and pool size\")");
    }

    private static boolean isSpringProxy(Connection connection) {
        for (Class<?> type = connection.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (implemented.getName().equals(SPRING_PROXY)) {
                    return true;
                }
            }
        }
        return false;
    }
}
