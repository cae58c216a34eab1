package io.dutykit.bench;

import io.dutykit.storage.jdbc.JdbcStores;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Figure 5 in CPU time: the same plain SELECT, {@code verifyChain} and {@code verify} as {@link
 * ChainVerifyBenchmark}, each timed by the CPU time of the calling thread as well as by the clock. On a
 * shared machine under load the clock mostly measures waiting for a core; the thread's CPU time does
 * not (for H2 it is the whole cost; for PostgreSQL the client's share, the server's is not in it).
 *
 * <pre>java -cp duty-bench/target/benchmarks.jar io.dutykit.bench.ChainVerifyCpu [h2|postgresql] [rounds]</pre>
 */
public final class ChainVerifyCpu {
    /** One measured operation. */
    private interface Operation {
        void run() throws SQLException;
    }

    private ChainVerifyCpu() {}

    public static void main(String[] args) throws SQLException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String db = args.length > 0 ? args[0] : "h2";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        try (Databases database = Databases.start(db)) {
            JdbcStores stores = JdbcStores.open(database.dataSource());
            stores.importSite(BenchData.renamed(BenchData.sites(1).get(0), "site"));
            if (db.equals("h2")) {
                // as in ChainVerifyBenchmark: the SELECT must read rows, not copy H2's kept result
                try (Connection c = database.dataSource().getConnection();
                        Statement statement = c.createStatement()) {
                    statement.execute("SET OPTIMIZE_REUSE_RESULTS 0");
                }
            }
            out.println("ms per operation, CPU time of the thread / clock; the first rounds warm up");
            for (int round = 1; round <= rounds; round++) {
                long[] select = time(() -> LogRows.select(database.dataSource(), "site"));
                long[] chain = time(() -> stores.verifyChain("site", null));
                long[] verify = time(() -> stores.verify("site"));
                out.printf(
                        Locale.ROOT,
                        "%s round %d: select %.3f / %.3f | verifyChain %.3f / %.3f | verify %.3f / %.3f"
                                + " | SELECT/verifyChain %.2f, SELECT/verify %.2f (CPU)%n",
                        db,
                        round,
                        select[0] / 1e6,
                        select[1] / 1e6,
                        chain[0] / 1e6,
                        chain[1] / 1e6,
                        verify[0] / 1e6,
                        verify[1] / 1e6,
                        (double) select[0] / chain[0],
                        (double) select[0] / verify[0]);
            }
        }
    }

    /** CPU and clock nanoseconds per run, over 200 runs. */
    private static long[] time(Operation operation) throws SQLException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int runs = 200;
        long cpu = threads.getCurrentThreadCpuTime();
        long clock = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            operation.run();
        }
        return new long[] {(threads.getCurrentThreadCpuTime() - cpu) / runs, (System.nanoTime() - clock) / runs};
    }
}
