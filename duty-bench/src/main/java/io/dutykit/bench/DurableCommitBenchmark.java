package io.dutykit.bench;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.record.LogEntry;
import io.dutykit.storage.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.SQLException;
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
 * SPEC section 10, figure 4b: the durable one-entry-per-commit rate, one thread. {@code storeSaveEntry}
 * appends one duty-log entry through the entry store (lock the head, check the id, chain, write the
 * log row and the query row, commit); {@code rawInsertCommit} inserts one {@code duty_log} row and
 * commits, through the same driver. Compare both with {@link FsyncBenchmark}: every commit waits for
 * the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DurableCommitBenchmark {
    @Param({"h2", "postgresql"})
    public String db;

    private Databases database;
    private JdbcStores stores;
    private LogEntry entry;
    private LogRows.Row row;
    private Connection raw;
    private long next;

    @Setup
    public void setUp() throws SQLException {
        database = Databases.start(db);
        stores = JdbcStores.open(database.dataSource());
        SiteRecords template = BenchData.sites(1).get(0);
        stores.importSite(BenchData.renamed(template, "site"));
        entry = template.entries().get(0);
        List<LogRows.Row> rows = LogRows.select(database.dataSource(), "site");
        row = rows.stream()
                .filter(r -> r.type().equals(ChangeType.ENTRY_APPENDED.name()))
                .findFirst()
                .orElseThrow();
        raw = database.dataSource().getConnection();
        raw.setAutoCommit(false);
    }

    @TearDown
    public void tearDown() throws SQLException {
        raw.close();
        database.close();
    }

    @Benchmark
    public void storeSaveEntry() {
        String id = "bench-" + next++;
        LogEntry appended = new LogEntry(
                id,
                entry.date(),
                entry.at(),
                entry.author(),
                entry.kind(),
                entry.text(),
                entry.important(),
                entry.closedAt(),
                entry.evidence(),
                null);
        stores.stores()
                .entries()
                .save("site", null, appended, new Change(id, ChangeType.ENTRY_APPENDED, entry.at(), entry.author()));
    }

    @Benchmark
    public void rawInsertCommit() throws SQLException {
        long seq = next++;
        LogRows.insertOne(
                raw,
                "raw",
                new LogRows.Row(
                        seq, "raw-" + seq, row.type(), row.at(), row.actor(), row.data(), row.prevHash(), row.hash()));
    }
}
