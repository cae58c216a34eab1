package io.dutykit.bench;

import io.dutykit.storage.jdbc.JdbcStores;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the in-process figures of SPEC section 10 one benchmark class after another (noting the load
 * average before each, the machine being shared) and prints every figure and the ratios, all measured
 * in this run. {@code java -jar duty-bench/target/benchmarks.jar [CLASS-REGEX...]}; the plain JMH
 * runner stays available as {@code java -cp duty-bench/target/benchmarks.jar org.openjdk.jmh.Main}.
 */
public final class BenchSuite {
    private static final List<Class<?>> ALL = List.of(
            RuleEvaluationBenchmark.class,
            LiveDecisionBenchmark.class,
            ColdStartBenchmark.class,
            FsyncBenchmark.class,
            DurableCommitBenchmark.class,
            LogAppendBenchmark.class,
            ChainVerifyBenchmark.class);

    private final PrintStream out;
    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();

    private BenchSuite(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws RunnerException, IOException, SQLException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        new BenchSuite(out).run(args);
    }

    private void run(String[] args) throws RunnerException, IOException, SQLException {
        Path results = Paths.get("target", "jmh");
        Files.createDirectories(results);
        for (Class<?> type : ALL) {
            if (args.length > 0
                    && java.util.Arrays.stream(args).noneMatch(a -> Pattern.compile(a)
                            .matcher(type.getSimpleName())
                            .find())) {
                continue;
            }
            String load = loadAverage();
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include("^" + Pattern.quote(type.getName()) + "\\.")
                    .shouldFailOnError(false)
                    .result(results.resolve(type.getSimpleName() + ".json").toString())
                    .resultFormat(ResultFormatType.JSON);
            // a benchmark that fails (e.g. a rule base that does not build) is reported, the rest still run
            Collection<RunResult> found = new Runner(options.build()).run();
            for (RunResult r : found) {
                record(type.getSimpleName(), r, load);
            }
            if (found.isEmpty()) {
                lines.add(String.format(
                        "%-62s FAILED (see the JMH output above)  (load %s)", type.getSimpleName(), load));
            }
        }
        out.println();
        out.println("== DutyKit SPEC section 10 figures (one run; load average = 1/5/15 min before each class) ==");
        lines.forEach(out::println);
        out.println();
        out.println("== ratios measured in this run ==");
        ratios(logRowsPerSiteMonth());
    }

    private void record(String type, RunResult r, String load) {
        String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
        String param = String.join(
                ",",
                r.getParams().getParamsKeys().stream()
                        .map(r.getParams()::getParam)
                        .toList());
        String key = type + "." + method + (param.isEmpty() ? "" : "[" + param + "]");
        Result<?> primary = r.getPrimaryResult();
        scores.put(key, primary.getScore());
        String extra = "";
        if (r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime) {
            double p50 = primary.getStatistics().getPercentile(50.0);
            double p99 = primary.getStatistics().getPercentile(99.0);
            scores.put(key + ".p50", p50);
            scores.put(key + ".p99", p99);
            extra = String.format("  p50 %.1f  p99 %.1f %s", p50, p99, primary.getScoreUnit());
        }
        lines.add(String.format(
                "%-62s %12.3f ± %-10.3f %-8s%s  (load %s)",
                key, primary.getScore(), primary.getScoreError(), primary.getScoreUnit(), extra, load));
    }

    private void ratios(long logRows) {
        ratio(
                "rule evaluation, drools / reference (goal <= 5)",
                "RuleEvaluationBenchmark.evaluate[drools]",
                "RuleEvaluationBenchmark.evaluate[reference]");
        for (String engine : List.of("reference", "drools")) {
            Double p99 = scores.get("LiveDecisionBenchmark.decideCompletion[" + engine + "].p99");
            if (p99 != null) {
                out.printf(
                        "live decideCompletion [%s]: p50 %.1f us, p99 %.1f us (goal p99 < 1000 us)%n",
                        engine, scores.get("LiveDecisionBenchmark.decideCompletion[" + engine + "].p50"), p99);
            }
        }
        for (String engine : List.of("PREBUILT", "MVEL", "EXECUTABLE_MODEL", "EXECUTABLE_MODEL_JAVA")) {
            Double ms = scores.get("ColdStartBenchmark.buildRuleBase[" + engine + "]");
            if (ms != null) {
                out.printf("cold start, rule base build [%s]: %.0f ms (goal < 3000 ms)%n", engine, ms);
            } else if (scores.keySet().stream().anyMatch(k -> k.startsWith("ColdStartBenchmark"))) {
                out.printf("cold start, rule base build [%s]: FAILED, see the JMH output%n", engine);
            }
        }
        Double fsync = scores.get("FsyncBenchmark.appendAndForce");
        Double walFsync = scores.get("FsyncBenchmark.overwriteAndForce");
        for (String db : List.of("h2", "postgresql")) {
            Double store = scores.get("LogAppendBenchmark.storeAppend[" + db + "]");
            Double raw = scores.get("LogAppendBenchmark.rawBatchedInsert[" + db + "]");
            if (store != null && raw != null) {
                out.printf(
                        "log append [%s], store throughput / raw batched INSERT = %.2f (goal >= 0.8): store %.0f rows/s,"
                                + " raw %.0f rows/s (%d log rows per site-month)%n",
                        db, raw / store, logRows * 1000 / store, logRows * 1000 / raw, logRows);
            }
            Double saveAll = scores.get("LogAppendBenchmark.storeSaveAll[" + db + "]");
            Double rawEntries = scores.get("LogAppendBenchmark.rawBatchedEntries[" + db + "]");
            if (saveAll != null && rawEntries != null) {
                out.printf(
                        "log append [%s], store saveAll / raw batched INSERT of the same rows = %.2f (goal >= 0.8)%n",
                        db, rawEntries / saveAll);
            }
            Double rawAll = scores.get("LogAppendBenchmark.rawBatchedInsertAll[" + db + "]");
            Double rawEntriesAll = scores.get("LogAppendBenchmark.rawBatchedEntriesAll[" + db + "]");
            if (store != null && rawAll != null && saveAll != null && rawEntriesAll != null) {
                out.printf(
                        "log append [%s], against raw INSERTs of every row the store writes (log, query tables, head):"
                                + " import %.2f, saveAll %.2f (for information)%n",
                        db, rawAll / store, rawEntriesAll / saveAll);
            }
            Double saved = scores.get("DurableCommitBenchmark.storeSaveEntry[" + db + "]");
            Double inserted = scores.get("DurableCommitBenchmark.rawInsertCommit[" + db + "]");
            if (saved != null && inserted != null) {
                out.printf(
                        "durable one entry per commit [%s]: store %.0f/s, raw INSERT+COMMIT %.0f/s; disk fsync %s/s"
                                + " appending, %s/s overwriting a preallocated file%n",
                        db, saved, inserted, rate(fsync), rate(walFsync));
            }
            Double verify = withParams(scores, "ChainVerifyBenchmark.verify", db);
            Double select = withParams(scores, "ChainVerifyBenchmark.plainSelect", db);
            Double sha = withParams(scores, "ChainVerifyBenchmark.sha256", db);
            Double chainOnly = withParams(scores, "ChainVerifyBenchmark.verifyChain", db);
            if (chainOnly != null && select != null) {
                out.printf(
                        "verify chain only [%s], verifyChain throughput / plain SELECT = %.2f: verifyChain %.2f ms%n",
                        db, select / chainOnly, chainOnly);
            }
            if (verify != null && select != null) {
                out.printf(
                        "verify chain [%s], verify throughput / plain SELECT = %.2f (goal >= 0.7): verify %.1f ms,"
                                + " SELECT %.1f ms, SHA-256 of the same bytes %.2f ms%n",
                        db, select / verify, verify, select, sha == null ? Double.NaN : sha);
            }
        }
    }

    /** The score of {@code benchmark} for {@code db}, whatever the benchmark's further parameters are. */
    private static Double withParams(Map<String, Double> scores, String benchmark, String db) {
        String exact = benchmark + "[" + db + "]";
        String prefix = benchmark + "[" + db + ",";
        return scores.entrySet().stream()
                .filter(e -> e.getKey().equals(exact) || e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String rate(Double perSecond) {
        return perSecond == null ? "-" : String.format("%.0f", perSecond);
    }

    private void ratio(String what, String numerator, String denominator) {
        Double a = scores.get(numerator);
        Double b = scores.get(denominator);
        if (a != null && b != null) {
            out.printf("%s: %.2f (%.1f vs %.1f)%n", what, a / b, a, b);
        }
    }

    /** How many log rows one generated site-month makes once stored (an in-memory H2 import). */
    private static long logRowsPerSiteMonth() throws SQLException {
        JdbcStores stores = JdbcStores.open(JdbcStores.dataSource("jdbc:h2:mem:rows;DB_CLOSE_DELAY=-1"));
        stores.importSite(BenchData.renamed(BenchData.sites(1).get(0), "count"));
        return stores.export("count").log().size();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Paths.get("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
