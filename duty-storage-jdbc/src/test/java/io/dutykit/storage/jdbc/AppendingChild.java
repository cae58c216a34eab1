package io.dutykit.storage.jdbc;

import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The process {@link DurabilityIT} kills with SIGKILL: appends entries from several threads, forever,
 * printing {@code committed SITE ID} (flushed) after each save returns.
 */
public final class AppendingChild {
    private AppendingChild() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String site = args[1];
        int threads = Integer.parseInt(args[2]);
        DataSource dataSource;
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser("sa");
            dataSource = h2;
        } else {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser("postgres");
            dataSource = pg;
        }
        DutyStores stores = JdbcStores.open(dataSource).stores();
        Instant at = Instant.parse("2026-11-02T12:00:00Z");
        stores.sites()
                .save(
                        site,
                        null,
                        Site.of(site, site, null, null),
                        new Change("site", ChangeType.SITE_CONFIGURED, at, "li"));
        PrintStream out = new PrintStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        out.println("ready");
        out.flush();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String id = "t" + thread + "-" + i;
                    LogEntry entry = LogEntry.of(
                            id, LocalDate.of(2026, 11, 2), at, "wang", EntryKind.NOTE, "entry " + id, false);
                    stores.entries().save(site, null, entry, new Change(id, ChangeType.ENTRY_APPENDED, at, "wang"));
                    synchronized (out) {
                        out.println("committed " + site + " " + id);
                        out.flush();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
