package io.dutykit.cli;

import io.dutykit.core.port.DutyStores;
import io.dutykit.storage.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database named on the command line by its JDBC URL ({@code --db}): H2 or PostgreSQL. Credentials
 * come from the URL or from the environment variables {@code DUTY_DB_USER} and {@code DUTY_DB_PASSWORD}.
 */
final class Databases implements AutoCloseable {
    private final JdbcStores stores;
    private final Connection keepOpen;

    private Databases(JdbcStores stores, Connection keepOpen) {
        this.stores = stores;
        this.keepOpen = keepOpen;
    }

    static Databases open(String url) {
        DataSource dataSource = dataSource(url);
        Connection keeper;
        try {
            // an embedded H2 closes its file when the last connection closes; keep one open meanwhile
            keeper = dataSource.getConnection();
        } catch (SQLException e) {
            throw UserError.of("cannot open the database %s: %s", url, e.getMessage());
        }
        return new Databases(JdbcStores.open(dataSource), keeper);
    }

    static DataSource dataSource(String url) {
        String user = System.getenv("DUTY_DB_USER");
        String password = System.getenv("DUTY_DB_PASSWORD");
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            // acknowledged commits must survive kill -9: H2's default write delay loses them
            h2.setURL(lower.contains("write_delay") || lower.startsWith("jdbc:h2:mem:") ? url : url + ";WRITE_DELAY=0");
            h2.setUser(user == null ? "sa" : user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            if (user != null) {
                pg.setUser(user);
            }
            if (password != null) {
                pg.setPassword(password);
            }
            return pg;
        }
        throw UserError.of(
                "--db %s is not a database DutyKit knows; use jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB", url);
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
