package io.dutykit.bench;

import io.dutykit.core.SiteRecords;
import io.dutykit.storage.jdbc.JdbcStores;
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
 * SPEC section 10, figure 4a: appending a site-month's duty log in bulk. {@code storeAppend} stores it
 * through {@link JdbcStores#importSite} (chains every record, writes the log rows, the query tables and
 * the head, one transaction); {@code rawBatchedInsert} writes the very same {@code duty_log} rows with
 * a plain batched INSERT through the same driver, one transaction. One operation = one site-month
 * (the row count is printed by {@link BenchSuite}).
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
    private int next;

    @Setup
    public void setUp() throws SQLException {
        database = Databases.start(db);
        stores = JdbcStores.open(database.dataSource());
        template = BenchData.sites(1).get(0);
        stores.importSite(BenchData.renamed(template, "template"));
        rows = LogRows.select(database.dataSource(), "template");
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
}
