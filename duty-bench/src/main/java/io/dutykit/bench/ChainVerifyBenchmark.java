package io.dutykit.bench;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.storage.jdbc.JdbcStores;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * SPEC section 10, figure 5: verifying a site-month's chain from the database ({@link
 * JdbcStores#verify}: read the log, re-hash every record, rebuild the lists and compare them with the
 * query tables) and {@link JdbcStores#verifyChain} (the chain and the head row only) against a plain
 * SELECT of the same log rows through the same driver (every column of every row read, as the verifier
 * reads them), and raw SHA-256 over the bytes of those rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChainVerifyBenchmark {
    @Param({"h2", "postgresql"})
    public String db;

    /**
     * H2 answers a statement it has just run, with the same parameters and no write since, from the
     * result it kept (OPTIMIZE_REUSE_RESULTS, on by default): a benchmark that repeats one SELECT then
     * measures a copy of a cached result, not reading rows, which no verification of a real site ever
     * gets. Off by default here, for every benchmark alike; {@code -p h2ResultReuse=on} measures H2 as it
     * ships. Ignored for PostgreSQL.
     */
    @Param({"off"})
    public String h2ResultReuse;

    private Databases database;
    private JdbcStores stores;
    private List<byte[]> bytes;

    @Setup
    public void setUp() throws SQLException {
        database = Databases.start(db);
        if (db.equals("h2") && h2ResultReuse.equals("off")) {
            try (Connection c = database.dataSource().getConnection();
                    Statement statement = c.createStatement()) {
                statement.execute("SET OPTIMIZE_REUSE_RESULTS 0");
            }
        }
        stores = JdbcStores.open(database.dataSource());
        stores.importSite(BenchData.renamed(BenchData.sites(1).get(0), "site"));
        bytes = LogRows.bytes(LogRows.select(database.dataSource(), "site"));
    }

    @TearDown
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public ChainVerification verify() {
        ChainVerification verification = stores.verify("site");
        if (!verification.isIntact()) {
            throw new IllegalStateException("the benchmark's chain does not verify: " + verification.firstBreak());
        }
        return verification;
    }

    /** The quick check: the chain and the head row only, hashing the stored texts. */
    @Benchmark
    public ChainVerification verifyChain() {
        ChainVerification verification = stores.verifyChain("site", null);
        if (!verification.isIntact()) {
            throw new IllegalStateException("the benchmark's chain does not verify: " + verification.firstBreak());
        }
        return verification;
    }

    @Benchmark
    public List<LogRows.Row> plainSelect() throws SQLException {
        return LogRows.select(database.dataSource(), "site");
    }

    @Benchmark
    public void sha256(Blackhole blackhole) {
        MessageDigest digest = LogRows.sha256();
        for (byte[] row : bytes) {
            digest.update(row);
            blackhole.consume(digest.digest());
        }
    }
}
