package io.dutykit.bench;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.storage.jdbc.JdbcStores;
import io.dutykit.storage.jdbc.PendingSave;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC section 10, figure 4a: appending to the duty log in bulk, through the stores and raw.
 *
 * <ul>
 *   <li>{@code storeAppend} stores a whole site-month through {@link JdbcStores#importSite} (checks the
 *       records, chains every one, writes the log rows, the query tables and the head, one
 *       transaction); {@code rawBatchedInsert} writes the very same {@code duty_log} rows with a plain
 *       batched INSERT through the same driver, one transaction. One operation = one site-month (the row
 *       count is printed by {@link BenchSuite}).
 *   <li>{@code storeSaveAll} appends the site-month's log entries to a configured site through {@link
 *       JdbcStores#saveAll} (the batched form of {@code EntryStore.save}: compare-and-set, chain, log row,
 *       query row, head); {@code rawBatchedEntries} inserts the same {@code duty_log} rows that call
 *       wrote, batched, one transaction.
 *   <li>The SPEC's bar compares the store with raw INSERTs of the same <em>log</em> rows. The store also
 *       writes a query-table row per record and the head row; {@code rawBatchedInsertAll} and {@code
 *       rawBatchedEntriesAll} insert all of those rows too (log rows, the same query-table rows, a head
 *       row; batched, one transaction), to show how much of the gap is the extra rows themselves and how
 *       much the store's own work. They are a second figure, not the bar's baseline.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class LogAppendBenchmark {
    @Param({"h2", "postgresql"})
    public String db;

    private Databases database;
    private JdbcStores stores;
    private SiteRecords template;
    private List<LogRows.Row> rows;
    private List<LogEntry> entries;
    private List<LogRows.Row> entryRows;
    private List<QueryRows.Table> queryRows;
    private List<QueryRows.Table> entryQueryRows;
    private int next;

    @Setup
    public void setUp() throws SQLException {
        database = Databases.start(db);
        stores = JdbcStores.open(database.dataSource());
        template = BenchData.sites(1).get(0);
        stores.importSite(BenchData.renamed(template, "template"));
        rows = LogRows.select(database.dataSource(), "template");
        queryRows = QueryRows.select(database.dataSource(), "template", QueryRows.TABLES, "");
        entries = template.entries().stream()
                .filter(e -> e.kind() != EntryKind.CORRECTION)
                .toList();
        int before = LogRows.select(database.dataSource(), "template").size();
        stores.saveAll("template", saves(entries, "setup"));
        List<LogRows.Row> all = LogRows.select(database.dataSource(), "template");
        entryRows = all.subList(before, all.size());
        entryQueryRows = QueryRows.select(database.dataSource(), "template", List.of("duty_entry"), "setup-");
    }

    /** The month's entries as new saves under fresh ids ({@code prefix-id}); also used by {@link LogAppendInterleaved}. */
    static List<PendingSave> saves(List<LogEntry> entries, String prefix) {
        List<PendingSave> saves = new ArrayList<>(entries.size());
        for (LogEntry e : entries) {
            String id = prefix + "-" + e.id();
            LogEntry copy = new LogEntry(
                    id,
                    e.date(),
                    e.at(),
                    e.author(),
                    e.kind(),
                    e.text(),
                    e.important(),
                    e.closedAt(),
                    e.evidence(),
                    null);
            saves.add(new PendingSave(null, copy, new Change(id, ChangeType.ENTRY_APPENDED, e.at(), e.author())));
        }
        return saves;
    }

    @TearDown
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public void storeAppend() {
        stores.importSite(BenchData.renamed(template, "store-" + next++));
    }

    @Benchmark
    public void rawBatchedInsert() throws SQLException {
        LogRows.insertBatched(database.dataSource(), "raw-" + next++, rows);
    }

    @Benchmark
    public void rawBatchedInsertAll() throws SQLException {
        QueryRows.insertBatched(database.dataSource(), "all-" + next++, rows, queryRows);
    }

    @Benchmark
    public int storeSaveAll() {
        return stores.saveAll("template", saves(entries, "op" + next++));
    }

    @Benchmark
    public void rawBatchedEntries() throws SQLException {
        LogRows.insertBatched(database.dataSource(), "raw-" + next++, entryRows);
    }

    @Benchmark
    public void rawBatchedEntriesAll() throws SQLException {
        QueryRows.insertBatched(database.dataSource(), "all-" + next++, entryRows, entryQueryRows);
    }
}
