package io.dutykit.cli;

import io.dutykit.core.port.DutyStores;
import io.dutykit.storage.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * A database named on the command line by its JDBC URL ({@code --db}): H2 or PostgreSQL, credentials
 * in the URL (see {@link JdbcStores#dataSource(String)}).
 */
final class Databases implements AutoCloseable {
    private final JdbcStores stores;
    private final Connection keepOpen;

    private Databases(JdbcStores stores, Connection keepOpen) {
        this.stores = stores;
        this.keepOpen = keepOpen;
    }

    static Databases open(String url) {
        DataSource dataSource = JdbcStores.dataSource(url);
        Connection keeper;
        try {
            // an embedded H2 closes its file when the last connection closes; keep one open meanwhile
            keeper = dataSource.getConnection();
        } catch (SQLException e) {
            throw UserError.of("cannot open the database %s: %s", url, e.getMessage());
        }
        return new Databases(JdbcStores.open(dataSource), keeper);
    }

    JdbcStores jdbc() {
        return stores;
    }

    DutyStores stores() {
        return stores.stores();
    }

    List<String> siteIds() {
        return stores.siteIds();
    }

    @Override
    public void close() {
        try {
            keepOpen.close();
        } catch (SQLException e) {
            // closing the keep-alive connection cannot lose data: every commit was already durable
        }
    }
}
