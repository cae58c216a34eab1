package io.dutykit.storage.jdbc;

import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One application node of {@link SeveralNodesIT}, a JVM of its own: opens DutyKit on the shared
 * PostgreSQL (migrating it if it is first), then from two threads appends {@code count} entries,
 * alternately to the site all nodes share and to its own site, printing {@code committed SITE ID}
 * (flushed) after each save returns; prints {@code done} at the end.
 *
 * <p>Arguments: JDBC URL (with user), node name, count, shared site.
 */
public final class NodeChild {
    static final Instant AT = Instant.parse("2026-11-02T12:00:00Z");

    private NodeChild() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String node = args[1];
        int count = Integer.parseInt(args[2]);
        String shared = args[3];
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        DutyStores stores = JdbcStores.open(pg).stores();
        for (String site : List.of(shared, node)) {
            // every node configures the shared site the same way: the same change, accepted once
            stores.sites()
                    .save(
                            site,
                            null,
                            Site.of(site, site, null, null),
                            new Change("site", ChangeType.SITE_CONFIGURED, AT, "li"));
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = thread; i < count; i += 2) {
                    String site = i % 4 < 2 ? shared : node;
                    String id = node + "-e-" + i;
                    LogEntry entry =
                            LogEntry.of(id, LocalDate.of(2026, 11, 2), AT, "wang", EntryKind.NOTE, "by " + node, false);
                    stores.entries().save(site, null, entry, new Change(id, ChangeType.ENTRY_APPENDED, AT, "wang"));
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
        out.println("done");
        out.flush();
    }
}
