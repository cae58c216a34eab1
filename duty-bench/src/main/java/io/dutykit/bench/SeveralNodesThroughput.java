package io.dutykit.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * SPEC section 10, second round: several application processes appending to one PostgreSQL — 4
 * processes on different sites reach at least 1.5× the throughput of one (issue 13). One embedded
 * PostgreSQL with {@code fsync} and {@code synchronous_commit} on (as {@link Databases} starts it); each
 * round runs 1 process, then 4 on sites of their own, then 4 on one shared site (for information),
 * each process a JVM of its own ({@link NodeAppender}) that first warms up ({@code warmup} appends, as a
 * node that has run for a while), then appends {@code count} entries one durable save at a time, all
 * started together. Throughput is all appends over the wall time from the start signal to the last
 * process done. Rounds alternate so every setting sees the same load.
 *
 * <pre>{@code
 * java -cp duty-bench/target/benchmarks.jar io.dutykit.bench.SeveralNodesThroughput [COUNT] [ROUNDS] [WARMUP]
 * }</pre>
 */
public final class SeveralNodesThroughput {
    private SeveralNodesThroughput() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : count;
        run(out, count, rounds, warmup, System.getProperty("java.class.path"));
    }

    /** The medians of the three settings, appends per second; the nodes run on {@code classpath}. */
    static double[] run(PrintStream out, int count, int rounds, int warmup, String classpath) throws Exception {
        Path folder = Files.createTempDirectory(Databases.tempRoot(), "nodes");
        out.printf(
                "# SeveralNodesThroughput on %d cores, %d appends per process after %d of warm-up, %d rounds; load"
                        + " average %s%n",
                Runtime.getRuntime().availableProcessors(), count, warmup, rounds, BenchSuite.loadAverage());
        List<Double> one = new ArrayList<>();
        List<Double> fourOwn = new ArrayList<>();
        List<Double> fourShared = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(folder.resolve("data"))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start()) {
            for (int r = 0; r < rounds; r++) {
                String database = "nodes_" + r;
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
                String url = postgres.getJdbcUrl("postgres", database);
                one.add(round(classpath, url, count, warmup, List.of("one-" + r)));
                fourOwn.add(round(classpath, url, count, warmup, List.of("a-" + r, "b-" + r, "c-" + r, "d-" + r)));
                String shared = "shared-" + r;
                fourShared.add(round(classpath, url, count, warmup, List.of(shared, shared, shared, shared)));
                out.printf(
                        Locale.ROOT,
                        "round %d: 1 process %.0f appends/s; 4 processes, own sites %.0f/s (%.2fx); 4 processes, one"
                                + " site %.0f/s (%.2fx); load %s%n",
                        r + 1,
                        one.get(r),
                        fourOwn.get(r),
                        fourOwn.get(r) / one.get(r),
                        fourShared.get(r),
                        fourShared.get(r) / one.get(r),
                        BenchSuite.loadAverage());
            }
        } finally {
            Databases.delete(folder);
        }
        double a = median(one);
        double b = median(fourOwn);
        double c = median(fourShared);
        out.printf(
                Locale.ROOT,
                "medians: 1 process %.0f appends/s; 4 processes on sites of their own %.0f/s: %.2fx (bar >= 1.5x: %s);"
                        + " 4 processes on one site %.0f/s: %.2fx%n",
                a,
                b,
                b / a,
                b / a >= 1.5 ? "yes" : "no",
                c,
                c / a);
        return new double[] {a, b, c};
    }

    /** Starts one process per site (a site named twice is shared), lets them go together; appends per second. */
    private static double round(String classpath, String url, int count, int warmup, List<String> sites)
            throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Process p = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            classpath,
                            NodeAppender.class.getName(),
                            url,
                            sites.get(i),
                            String.valueOf(count),
                            "p" + i,
                            String.valueOf(warmup))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            processes.add(p);
            outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        for (BufferedReader output : outputs) {
            String line = output.readLine();
            if (!"ready".equals(line)) {
                throw new IllegalStateException("a node did not start: " + line);
            }
        }
        long t0 = System.nanoTime();
        for (Process p : processes) {
            Writer go = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
            go.write("go\n");
            go.flush();
        }
        int appended = 0;
        for (BufferedReader output : outputs) {
            String line = output.readLine();
            if (line == null || !line.startsWith("done ")) {
                throw new IllegalStateException("a node failed: " + line);
            }
            appended += Integer.parseInt(line.split(" ")[1]);
        }
        long elapsed = System.nanoTime() - t0;
        for (Process p : processes) {
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("a node did not end cleanly");
            }
        }
        return appended / (elapsed / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
