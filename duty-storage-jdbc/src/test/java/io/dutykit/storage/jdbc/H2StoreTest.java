package io.dutykit.storage.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The store contract on H2: the embedded default in file mode, with in-memory databases for imports. */
class H2StoreTest extends StoreContract {
    private static final DataSource FILE = fileDatabase();

    private static DataSource fileDatabase() {
        try {
            return JdbcStores.h2DataSource(Files.createTempDirectory("dutykit-h2-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    DataSource dataSource() {
        return FILE;
    }

    @Override
    DataSource freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:fresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Override
    Connection tamperConnection() throws SQLException {
        return FILE.getConnection();
    }
}
