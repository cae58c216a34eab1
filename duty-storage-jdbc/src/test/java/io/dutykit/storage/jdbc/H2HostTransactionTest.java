package io.dutykit.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Host transactions on H2 in file mode. */
class H2HostTransactionTest extends HostTransactionContract {
    private static final DataSource FILE = H2LiveSliceTest.file();

    @Override
    DataSource dataSource() {
        return FILE;
    }

    @Override
    Connection tamperConnection() throws SQLException {
        return FILE.getConnection();
    }
}
