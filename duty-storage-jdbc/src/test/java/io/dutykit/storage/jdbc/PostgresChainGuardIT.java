package io.dutykit.storage.jdbc;

import io.dutykit.test.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The chain guard on a real PostgreSQL server; tampering as a superuser could, with the triggers off. */
class PostgresChainGuardIT extends ChainGuardContract {

    @Override
    DataSource dataSource() {
        return TestPostgres.shared();
    }

    @Override
    Connection tamperConnection() throws SQLException {
        Connection c = TestPostgres.shared().getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
        }
        return c;
    }
}
