package io.dutykit.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dutykit.storage.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The two databases of SPEC section 8, started for one benchmark trial: H2 in file mode as
 * {@link JdbcStores#h2DataSource} configures it (WRITE_DELAY=0, durable commits), and an embedded
 * PostgreSQL server with {@code synchronous_commit=on} and {@code fsync=on} (the embedded server
 * starts with both off, which would make "durable" figures meaningless). Files live under {@code dutykit.bench.tmp} (default:
 * {@code target/bench-tmp}), on the same disk as the project. Both sit behind a small HikariCP pool,
 * as docs/storage.md tells hosts to do, so no figure pays for opening connections.
 */
final class Databases implements AutoCloseable {
    private final Path folder;
    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;

    private Databases(Path folder, EmbeddedPostgres postgres, DataSource unpooled) {
        this.folder = folder;
        this.postgres = postgres;
        HikariConfig config = new HikariConfig();
        config.setDataSource(unpooled);
        config.setMaximumPoolSize(4);
        config.setPoolName("bench");
        this.dataSource = new HikariDataSource(config);
    }

    static Databases start(String kind) {
        try {
            Path folder = Files.createTempDirectory(tempRoot(), kind);
            if (kind.equals("h2")) {
                return new Databases(folder, null, JdbcStores.h2DataSource(folder));
            }
            if (kind.equals("postgresql")) {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(folder.resolve("data"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        .start();
                return new Databases(folder, postgres, postgres.getPostgresDatabase());
            }
            throw new IllegalArgumentException("unknown database " + kind + "; use h2 or postgresql");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + kind + " database", e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            if (postgres == null) {
                try (var c = dataSource.getConnection();
                        var s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (java.sql.SQLException e) {
                    // already closed: nothing to shut down
                }
            }
            dataSource.close();
            if (postgres != null) {
                postgres.close();
            }
            delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the database in " + folder, e);
        }
    }

    static Path tempRoot() throws IOException {
        Path root = Paths.get(System.getProperty("dutykit.bench.tmp", "target/bench-tmp"));
        Files.createDirectories(root);
        return root;
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
