package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.chain.LogRecord;
import io.dutykit.test.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Period;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server, plus the database's own append-only guard. */
class PostgresStoreIT extends JdbcStoreContract {

    @Override
    DataSource dataSource() {
        return TestPostgres.shared();
    }

    @Override
    DataSource freshDatabase() {
        return TestPostgres.freshDatabase();
    }

    @Override
    Connection tamperConnection() throws SQLException {
        Connection c = TestPostgres.shared().getConnection();
        try (Statement s = c.createStatement()) {
            // a superuser can switch triggers off for a session; verification must still catch the damage
            s.execute("SET session_replication_role = replica");
        }
        return c;
    }

    private void refused(String statement) {
        assertThatThrownBy(() -> {
                    try (Connection c = TestPostgres.shared().getConnection();
                            Statement s = c.createStatement()) {
                        s.execute(statement);
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void the_database_refuses_update_delete_and_truncate_of_the_log() {
        fiveEntries();
        refused("UPDATE duty_log SET actor = 'mallory' WHERE site_id = '" + site + "' AND seq = 5");
        refused("DELETE FROM duty_log WHERE site_id = '" + site + "' AND seq = 5");
        refused("TRUNCATE duty_log");
        refused("DELETE FROM duty_purge_audit");
        // even with the purge flag set, a DELETE without its audit row in the same transaction is refused
        refused("SELECT set_config('dutykit.retention_purge', 'on', false); DELETE FROM duty_log WHERE site_id = '"
                + site + "' AND seq = 5");
        assertThat(stores.log().records(site)).extracting(LogRecord::seq).contains(5L);
        assertThat(storage.verify(site).isIntact()).isTrue();
    }

    @Test
    void the_retention_purge_is_the_one_audited_path_that_deletes() {
        fiveEntries();
        PurgeResult result = storage.purge(site, Period.ofDays(1), "li", true);
        assertThat(result.removedLogRecords()).isEqualTo(9);
        assertThat(storage.verify(site).isIntact()).isTrue();
        assertThat(countRows("duty_purge_audit")).isEqualTo(1);
    }
}
