package io.dutykit.storage.jdbc;

import io.dutykit.test.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Host transactions on a real PostgreSQL server. */
class PostgresHostTransactionIT extends HostTransactionContract {

    @Override
    DataSource dataSource() {
        return TestPostgres.shared();
    }

    @Override
    Connection tamperConnection() throws SQLException {
        return TestPostgres.shared().getConnection();
    }
}
