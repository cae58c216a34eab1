package io.dutykit.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import io.dutykit.storage.jdbc.JdbcStores;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One application node of {@link SeveralNodesThroughput}, a JVM of its own: opens DutyKit on the shared
 * PostgreSQL behind a small pool, configures its site, warms up (appends {@code warmup} entries the same
 * way, so the JIT has compiled the append path as in a node that has run for a while), prints {@code
 * ready}, waits for a line on stdin, appends {@code count} entries one save at a time (each a durable
 * commit), and prints {@code done COUNT NANOS}.
 *
 * <p>Arguments: JDBC URL (with user), site, count, record id prefix, and optionally the warm-up count
 * (default 0).
 */
public final class NodeAppender {
    private NodeAppender() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String site = args[1];
        int count = Integer.parseInt(args[2]);
        String prefix = args[3];
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        HikariConfig config = new HikariConfig();
        config.setDataSource(pg);
        config.setMaximumPoolSize(2);
        Instant at = Instant.parse("2026-11-02T12:00:00Z");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DutyStores stores = JdbcStores.open(pool).stores();
            stores.sites()
                    .save(
                            site,
                            null,
                            Site.of(site, site, null, null),
                            new Change("site", ChangeType.SITE_CONFIGURED, at, "li"));
            append(stores, site, prefix + "-warm", warmup, at);
            out.println("ready");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            long t0 = System.nanoTime();
            append(stores, site, prefix, count, at);
            out.println("done " + count + " " + (System.nanoTime() - t0));
        }
    }

    /** Appends {@code count} entries, one durable save each. */
    private static void append(DutyStores stores, String site, String prefix, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            LogEntry entry =
                    LogEntry.of(id, LocalDate.of(2026, 11, 2), at, "wang", EntryKind.NOTE, "entry " + id, false);
            stores.entries().save(site, null, entry, new Change(id, ChangeType.ENTRY_APPENDED, at, "wang"));
        }
    }
}
