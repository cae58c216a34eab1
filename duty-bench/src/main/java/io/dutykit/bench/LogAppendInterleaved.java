package io.dutykit.bench;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.storage.jdbc.JdbcStores;
import io.dutykit.storage.jdbc.PendingSave;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Figure 4 again, with the store and the raw operations alternated round by round instead of one JMH
 * benchmark after the other, so that both see the same load on a shared machine; prints the medians
 * and the ratios. The same operations as {@link LogAppendBenchmark}: {@code importSite} of a site-month
 * against a raw batched INSERT of its log rows, and {@code saveAll} of the month's entries (to one
 * growing site) against the raw INSERT of the same log rows, and of every row the store writes (log,
 * query table, head).
 *
 * <pre>{@code
 * java -cp duty-bench/target/benchmarks.jar io.dutykit.bench.LogAppendInterleaved h2|postgresql [ROUNDS]
 * }</pre>
 */
public final class LogAppendInterleaved {
    private LogAppendInterleaved() {}

    public static void main(String[] args) throws SQLException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String kind = args.length > 0 ? args[0] : "h2";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 45;
        try (Databases db = Databases.start(kind)) {
            JdbcStores stores = JdbcStores.open(db.dataSource());
            SiteRecords template = BenchData.sites(1).get(0);
            stores.importSite(BenchData.renamed(template, "template"));
            List<LogRows.Row> rows = LogRows.select(db.dataSource(), "template");
            List<LogEntry> entries = template.entries().stream()
                    .filter(e -> e.kind() != EntryKind.CORRECTION)
                    .toList();
            stores.saveAll("template", LogAppendBenchmark.saves(entries, "setup"));
            List<LogRows.Row> all = LogRows.select(db.dataSource(), "template");
            List<LogRows.Row> entryRows = all.subList(rows.size(), all.size());
            List<QueryRows.Table> entryTables =
                    QueryRows.select(db.dataSource(), "template", List.of("duty_entry"), "setup-");
            long[] imported = new long[rounds];
            long[] raw = new long[rounds];
            long[] saved = new long[rounds];
            long[] rawEntries = new long[rounds];
            long[] rawAll = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                List<PendingSave> saves = LogAppendBenchmark.saves(entries, "op" + r);
                long t0 = System.nanoTime();
                stores.importSite(BenchData.renamed(template, "store-" + r));
                long t1 = System.nanoTime();
                LogRows.insertBatched(db.dataSource(), "raw-" + r, rows);
                long t2 = System.nanoTime();
                stores.saveAll("template", saves);
                long t3 = System.nanoTime();
                LogRows.insertBatched(db.dataSource(), "raw-entries-" + r, entryRows);
                long t4 = System.nanoTime();
                QueryRows.insertBatched(db.dataSource(), "all-" + r, entryRows, entryTables);
                long t5 = System.nanoTime();
                imported[r] = t1 - t0;
                raw[r] = t2 - t1;
                saved[r] = t3 - t2;
                rawEntries[r] = t4 - t3;
                rawAll[r] = t5 - t4;
            }
            int from = rounds / 3; // the first third warms up
            out.printf(
                    "%s, rounds %d..%d, medians: importSite %.1f ms, raw INSERT of its %d log rows %.1f ms,"
                            + " store/raw %.2f | saveAll %.1f ms, raw INSERT of its %d log rows %.1f ms, store/raw %.2f;"
                            + " raw INSERT of all its rows (log, query table, head) %.1f ms, store/raw-all %.2f%n",
                    kind,
                    from,
                    rounds,
                    median(imported, from),
                    rows.size(),
                    median(raw, from),
                    median(raw, from) / median(imported, from),
                    median(saved, from),
                    entryRows.size(),
                    median(rawEntries, from),
                    median(rawEntries, from) / median(saved, from),
                    median(rawAll, from),
                    median(rawAll, from) / median(saved, from));
        }
    }

    private static double median(long[] nanos, int from) {
        long[] kept = Arrays.copyOfRange(nanos, from, nanos.length);
        Arrays.sort(kept);
        return kept[kept.length / 2] / 1e6;
    }
}
