package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SPEC 8.1, "transactions are never mixed up", with a real Spring {@link TransactionAwareDataSourceProxy}
 * as a host would configure it: the host inserts a work order in its transaction, appends a duty entry,
 * and rolls back. Before issue 13 the work order and the entry were both committed (DutyKit committed
 * the host's connection); now DutyKit refuses the connection before it writes anything, and the
 * rollback leaves nothing of either.
 */
abstract class HostTransactionContract extends LiveStoreFixture {
    static final Instant T = Instant.parse("2026-11-02T13:10:00Z");

    private String workOrders;

    @BeforeEach
    void aHostTable() throws SQLException {
        workOrders = "work_order_" + site.replace('-', '_').toLowerCase(java.util.Locale.ROOT);
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + workOrders + " (id VARCHAR(40) PRIMARY KEY)");
        }
    }

    private LogEntry entry(String id) {
        return LogEntry.of(id, LocalDate.of(2026, 11, 2), T, "wang", EntryKind.HELP_REQUEST, "lift 2 stuck", true);
    }

    private void append(DutyStores through, String id) {
        through.entries().save(site, null, entry(id), change(id + "/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED, T));
    }

    private List<String> workOrders() throws SQLException {
        return column("SELECT id FROM " + workOrders);
    }

    @Test
    void a_host_transaction_rolled_back_leaves_nothing_of_dutykits_and_commits_nothing_of_the_hosts()
            throws SQLException {
        DataSource pool = dataSource(); // one DataSource object: the transaction manager binds by it
        TransactionAwareDataSourceProxy proxy = new TransactionAwareDataSourceProxy(pool);
        // outside any transaction the proxy hands out ordinary connections: opening is fine
        DutyStores kit =
                JdbcStores.open(proxy, Clock.fixed(NOW, ZoneOffset.UTC)).stores();
        List<LogRecord> before = stores.log().records(site);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    new JdbcTemplate(proxy).update("INSERT INTO " + workOrders + " (id) VALUES ('wo-1')");
                    append(kit, "e-1");
                }))
                .isInstanceOf(HostTransactionException.class)
                .hasMessageContaining("TransactionAwareDataSourceProxy")
                .hasMessageContaining("nothing was written");

        assertThat(workOrders()).as("the host's rolled-back work order").isEmpty();
        assertThat(stores.log().records(site)).as("DutyKit's log").isEqualTo(before);
        assertThat(stores.entries().find(site, "e-1")).isEmpty();
    }

    @Test
    void the_host_pattern_commits_the_hosts_transaction_first_then_calls_dutykit_on_its_own_connection()
            throws SQLException {
        DataSource pool = dataSource();
        JdbcStores kit = JdbcStores.open(pool, Clock.fixed(NOW, ZoneOffset.UTC));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
        transaction.executeWithoutResult(
                status -> new JdbcTemplate(pool).update("INSERT INTO " + workOrders + " VALUES ('wo-2')"));
        append(kit.stores(), "e-2");
        append(kit.stores(), "e-2"); // retried after an in-doubt outcome: the same id and content, written once

        assertThat(workOrders()).containsExactly("wo-2");
        assertThat(stores.log().records(site)).extracting(LogRecord::id).containsOnlyOnce("e-2/ENTRY_APPENDED");

        // DutyKit given the plain DataSource inside a host transaction runs its own transaction beside it
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    new JdbcTemplate(pool).update("INSERT INTO " + workOrders + " VALUES ('wo-3')");
                    append(kit.stores(), "e-3");
                    throw new IllegalStateException("the host changes its mind");
                }))
                .hasMessage("the host changes its mind");
        assertThat(workOrders()).containsExactly("wo-2");
        assertThat(stores.entries().find(site, "e-3"))
                .as("committed by DutyKit on its own")
                .isPresent();
    }

    @Test
    void a_pool_that_hands_out_connections_with_auto_commit_off_is_refused_before_the_schema_is_touched() {
        DataSource autoCommitOff = new AutoCommitOff(dataSource());
        assertThatThrownBy(() -> JdbcStores.open(autoCommitOff))
                .isInstanceOf(HostTransactionException.class)
                .hasMessageContaining("auto-commit off")
                .hasMessageContaining("docs/embedding.md");
        DutyStores kit = new JdbcStoreSet(new Database(autoCommitOff, Dialect.ofUrl(url()))).stores;
        assertThatThrownBy(() -> append(kit, "e-4")).isInstanceOf(HostTransactionException.class);
        assertThat(stores.entries().find(site, "e-4")).isEmpty();
    }

    private String url() {
        try (Connection c = dataSource().getConnection()) {
            return c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** A pool configured with {@code autoCommit=false}, as HikariCP allows. */
    private static final class AutoCommitOff implements DataSource {
        private final DataSource target;

        AutoCommitOff(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = target.getConnection();
            c.setAutoCommit(false);
            return c;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Connection c = target.getConnection(username, password);
            c.setAutoCommit(false);
            return c;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
