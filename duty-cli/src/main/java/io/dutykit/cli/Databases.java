package io.dutykit.cli;

import io.dutykit.core.port.DutyStores;
import io.dutykit.storage.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
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

    /**
     * Opens the database, creating an H2 database that does not exist yet: for the commands that fill
     * one ({@code import}, {@code simulate}, {@code demo}).
     */
    static Databases open(String url) {
        return open(url, url);
    }

    /**
     * Opens a database that must already exist, for a command that reads one ({@code verify}, {@code
     * check}, {@code export}, {@code report}): a mistyped H2 path would otherwise create an empty database
     * that "verifies" with exit 0, and an in-memory H2 database is always empty in a new process.
     *
     * @param command what the database is opened for, named in the message (e.g. {@code verify})
     */
    static Databases existing(String url, String command) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:")) {
            return open(url); // PostgreSQL never creates a database on connecting
        }
        if (upper.startsWith("JDBC:H2:MEM:")) {
            throw UserError.of(
                    "%s is an in-memory H2 database, which is empty in a new process: there is nothing to %s."
                            + " Give the database that holds the records: jdbc:h2:file:PATH or a PostgreSQL URL",
                    Terminal.safe(url), command);
        }
        String mustExist = upper.contains(";IFEXISTS=") ? url : url + ";IFEXISTS=TRUE";
        return open(mustExist, url);
    }

    private static Databases open(String url, String named) {
        DataSource dataSource = JdbcStores.dataSource(url);
        Connection keeper;
        try {
            // an embedded H2 closes its file when the last connection closes; keep one open meanwhile
            keeper = dataSource.getConnection();
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_NOT_FOUND_WITH_IF_EXISTS) {
                throw UserError.of(
                        "the database %s does not exist (there is no file %s.mv.db): check the path; a database"
                                + " is created by duty import DATASET --db URL, duty simulate or duty demo",
                        Terminal.safe(named), Terminal.safe(h2Path(named)));
            }
            throw UserError.of("cannot open the database %s: %s", Terminal.safe(named), e.getMessage());
        }
        return new Databases(JdbcStores.open(dataSource), keeper);
    }

    /** H2's "database not found, and IFEXISTS=TRUE" (ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1). */
    private static final int H2_NOT_FOUND_WITH_IF_EXISTS = 90146;

    /** The file path of an H2 URL: {@code jdbc:h2:file:./x;A=B} gives {@code ./x}. */
    static String h2Path(String url) {
        String path = url.substring("jdbc:h2:".length());
        if (path.regionMatches(true, 0, "file:", 0, 5)) {
            path = path.substring(5);
        }
        int settings = path.indexOf(';');
        return settings < 0 ? path : path.substring(0, settings);
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
