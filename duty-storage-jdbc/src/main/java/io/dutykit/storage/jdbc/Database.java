package io.dutykit.storage.jdbc;

import io.dutykit.core.DutyKitException;
import io.dutykit.core.port.ChangeFeed;
import io.dutykit.core.port.DutyObserver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs units of work in transactions on the host's DataSource, retrying lock timeouts and deadlocks. */
final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int ATTEMPTS = 200;
    /** After this many attempts a retried transaction is logged at INFO (before: DEBUG). */
    private static final int RETRIES_WORTH_NOTING = 10;

    /** A unit of work on one connection. */
    interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    /** Told of every retry (metrics); set once by {@link JdbcStores#observe}. */
    private volatile DutyObserver observer = DutyObserver.NONE;
    /** The listeners of committed appends (DutyLogReader.subscribe). */
    private final ChangeFeed changes = new ChangeFeed();

    Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    void observe(DutyObserver observer) {
        this.observer = DutyObserver.safe(observer);
    }

    DutyObserver observer() {
        return observer;
    }

    ChangeFeed changes() {
        return changes;
    }

    Dialect dialect() {
        return dialect;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs the work in one transaction and commits it; rolls back on any failure. A connection that is
     * inside a transaction of the host is refused before anything is done ({@link HostTransactions}).
     * Lock timeouts,
     * deadlocks and serialization failures roll back and run the work again; a {@link DutyKitException}
     * the work throws (a conflict, a refusal) rolls back and is passed on.
     */
    <R> R inTransaction(String what, int isolation, Work<R> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                HostTransactions.refuseIfInside(connection, what);
                connection.setAutoCommit(false);
                Dialect.Restore restore = () -> {};
                try {
                    restore = dialect.begin(connection, isolation);
                    R result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection, e);
                    throw e;
                } finally {
                    restore.run();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (!Dialect.isTransient(e)) {
                    LOG.warn("the database failed to {}: {}", what, e.getMessage());
                    throw new StorageException("the database failed to " + what + ": " + e.getMessage(), e);
                }
                last = e;
                observer.retried(what);
                if (attempt == RETRIES_WORTH_NOTING) {
                    LOG.info("still retrying to {} after {} attempts ({})", what, attempt, e.getMessage());
                } else {
                    LOG.debug("retrying to {} (attempt {}): {}", what, attempt, e.getMessage());
                }
                pause(attempt);
            }
        }
        LOG.warn(
                "gave up trying to {} after {} attempts: the database stayed busy ({})",
                what,
                ATTEMPTS,
                last.getMessage());
        throw new StorageException(
                "the database stayed busy while trying to " + what + " (" + ATTEMPTS + " attempts); try again", last);
    }

    /** {@link #inTransaction} at READ COMMITTED, the isolation appends need (the head row lock orders them). */
    <R> R write(String what, Work<R> work) {
        return inTransaction(what, Connection.TRANSACTION_READ_COMMITTED, work);
    }

    /** A consistent read of several tables: one transaction at REPEATABLE READ. */
    <R> R read(String what, Work<R> work) {
        return inTransaction(what, Connection.TRANSACTION_REPEATABLE_READ, work);
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 50)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry a busy transaction", e);
        }
    }
}
