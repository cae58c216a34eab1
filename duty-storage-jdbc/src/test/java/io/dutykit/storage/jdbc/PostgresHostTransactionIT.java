package io.dutykit.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Host transactions on a real PostgreSQL server. */
class PostgresHostTransactionIT extends HostTransactionContract {

    @Override
    DataSource dataSource() {
        return Postgres.shared();
    }

    @Override
    Connection tamperConnection() throws SQLException {
        return Postgres.shared().getConnection();
    }
}
