package io.dutykit.bench;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.dataset.generate.DatasetGenerator;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SPEC section 10, second round: {@code due} and the completion decision through the JDBC store, on H2
 * and on PostgreSQL, at 1, 12 and 36 months of history — p99 under 5 ms, and the 36-month figure at most
 * 1.5× the 1-month figure, all in one run (issue 13). One generated site per history length (the same
 * generator and seed as {@code duty generate}) is imported into one database; then, with the desk's
 * clock at the evening of the history's last day, each live call runs {@code samples} times after a
 * warm-up: {@code DutyDesk.due(site, 30 min)} and {@code DutyDesk.decideCompletion(site, handover)} of the
 * last handovers, which read the bounded slice of SPEC 8.1. For comparison, the same answers computed
 * from the site's whole history as the desk read it before issue 13 ("whole": every list of the site but
 * the log) run {@code samples / 10} times. The rules are the default Drools rules, as a host wires them.
 *
 * <pre>{@code
 * java -cp duty-bench/target/benchmarks.jar io.dutykit.bench.LiveCallsBench [h2,postgresql] [1,12,36] [SAMPLES]
 * }</pre>
 *
 * Prints one line per figure (p50, p99, mean in milliseconds), the 36/1 ratios, the load average before
 * each database and the bars. Not run by {@code ./mvnw verify} (LiveCallsBenchTest only runs a tiny one).
 */
public final class LiveCallsBench {
    static final Duration HORIZON = Duration.ofMinutes(30);

    private LiveCallsBench() {}

    /** The figures of one call: sorted samples in nanoseconds. */
    record Figure(String db, int months, String call, long[] nanos) {
        double p(double quantile) {
            int i = (int) Math.ceil(quantile * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
        }

        double mean() {
            return Arrays.stream(nanos).average().orElse(0) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        List<String> dbs = List.of((args.length > 0 ? args[0] : "h2,postgresql").split(","));
        List<Integer> months = Arrays.stream((args.length > 1 ? args[1] : "1,12,36").split(","))
                .map(Integer::parseInt)
                .toList();
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        run(out, dbs, months, samples);
    }

    static List<Figure> run(PrintStream out, List<String> dbs, List<Integer> months, int samples) throws Exception {
        ProcedureRules rules = DroolsProcedureRules.defaults();
        List<Figure> figures = new ArrayList<>();
        out.printf(
                "# LiveCallsBench on %d cores, %s, samples %d (whole-history: %d)%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                samples,
                Math.max(1, samples / 10));
        for (String db : dbs) {
            out.printf("# %s: load average %s (1/5/15 min)%n", db, BenchSuite.loadAverage());
            try (Databases database = Databases.start(db)) {
                JdbcStores storage = JdbcStores.open(database.dataSource());
                Map<Integer, SiteRecords> sites = new LinkedHashMap<>();
                for (int m : months) {
                    SiteRecords site = BenchData.renamed(
                            new DatasetGenerator(BenchData.SEED).site(0, BenchData.MONTH, m), "history-" + m + "m");
                    long t0 = System.nanoTime();
                    storage.importSite(site);
                    out.printf(
                            "# %s: imported %d months (%d log rows) in %.1f s%n",
                            db,
                            m,
                            storage.stores().log().records(site.site().id()).size(),
                            (System.nanoTime() - t0) / 1e9);
                    sites.put(m, site);
                }
                List<Calls> calls = new ArrayList<>();
                for (int m : months) {
                    calls.add(calls(db, m, storage.stores(), rules, sites.get(m)));
                }
                figures.addAll(measure(out, calls, samples));
            }
        }
        summary(out, figures, months);
        return figures;
    }

    /** The live calls of one history length, and the same answers from the whole history (before). */
    private record Calls(
            String db,
            int months,
            String about,
            Supplier<Object> due,
            Supplier<Object> completion,
            Supplier<Object> dueWhole,
            Supplier<Object> completionWhole) {}

    /** At the evening of the history's last day: the due list, and the decisions of the last handovers. */
    private static Calls calls(String db, int months, DutyStores stores, ProcedureRules rules, SiteRecords site) {
        String siteId = site.site().id();
        List<Handover> handovers = new ArrayList<>(site.handovers());
        handovers.sort(Comparator.comparing(Handover::scheduledAt));
        Handover last = handovers.get(handovers.size() - 1);
        Instant at = last.scheduledAt().minus(Duration.ofMinutes(20));
        List<Handover> recent = handovers.subList(Math.max(0, handovers.size() - 6), handovers.size());
        DutyDesk desk = new DutyDesk(stores, rules, Clock.fixed(at, ZoneOffset.UTC));
        int[] turn = {0, 0};
        HandoverDecision decision = desk.decideCompletion(siteId, last.id());
        String about = String.format(
                "site %s as of %s: %d due, the last handover %s",
                siteId,
                at.atZone(site.site().zone()).toLocalDateTime(),
                desk.due(siteId, HORIZON).size(),
                decision.allowed() ? "may complete" : "is refused: " + decision.blockingIds());
        return new Calls(
                db,
                months,
                about,
                () -> desk.due(siteId, HORIZON),
                () -> desk.decideCompletion(
                        siteId, recent.get(turn[0]++ % recent.size()).id()),
                // as the desk read it before issue 13: every list of the site but the log, for each question
                () -> rules.due(whole(stores, siteId), at, HORIZON),
                () -> rules.decideCompletion(whole(stores, siteId), recent.get(turn[1]++ % recent.size()), at));
    }

    /**
     * Warms every call up, then measures in rounds that take each history length in turn, so that the
     * machine's load and the JIT weigh on all of them alike (the bar is their ratio).
     */
    private static List<Figure> measure(PrintStream out, List<Calls> all, int samples) {
        int warmup = Math.max(20, samples / 2);
        for (int i = 0; i < warmup; i++) {
            for (Calls c : all) {
                c.due().get();
                c.completion().get();
            }
        }
        for (int i = 0; i < Math.max(2, warmup / 20); i++) {
            for (Calls c : all) {
                c.dueWhole().get();
                c.completionWhole().get();
            }
        }
        int fewer = Math.max(1, samples / 10);
        long[][] due = new long[all.size()][samples];
        long[][] completion = new long[all.size()][samples];
        long[][] dueWhole = new long[all.size()][fewer];
        long[][] completionWhole = new long[all.size()][fewer];
        for (int r = 0; r < samples; r++) {
            for (int k = 0; k < all.size(); k++) {
                due[k][r] = time(all.get(k).due());
                completion[k][r] = time(all.get(k).completion());
            }
        }
        for (int r = 0; r < fewer; r++) {
            for (int k = 0; k < all.size(); k++) {
                dueWhole[k][r] = time(all.get(k).dueWhole());
                completionWhole[k][r] = time(all.get(k).completionWhole());
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            Calls c = all.get(k);
            List<Figure> these = List.of(
                    figure(c, "due", due[k]),
                    figure(c, "completion", completion[k]),
                    figure(c, "due (whole history, before)", dueWhole[k]),
                    figure(c, "completion (whole history, before)", completionWhole[k]));
            for (Figure f : these) {
                out.printf(
                        Locale.ROOT,
                        "%-10s %2d months  %-36s p50 %8.3f ms  p99 %8.3f ms  mean %8.3f ms  (%d samples)%n",
                        f.db(),
                        f.months(),
                        f.call(),
                        f.p(0.50),
                        f.p(0.99),
                        f.mean(),
                        f.nanos().length);
            }
            out.println("#   (" + c.about() + ")");
            figures.addAll(these);
        }
        return figures;
    }

    private static Figure figure(Calls c, String call, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Figure(c.db(), c.months(), call, sorted);
    }

    private static long time(Supplier<Object> call) {
        long t0 = System.nanoTime();
        Object answer = call.get();
        long t1 = System.nanoTime();
        if (answer == null) {
            throw new IllegalStateException("a live call answered nothing");
        }
        return t1 - t0;
    }

    private static SiteRecords whole(DutyStores stores, String siteId) {
        return stores.load(siteId).toBuilder().log(List.of()).build();
    }

    private static void summary(PrintStream out, List<Figure> figures, List<Integer> months) {
        int first = months.get(0);
        int last = months.get(months.size() - 1);
        out.println("# summary (bars: p99 < 5 ms; p99 at " + last + " months <= 1.5 x p99 at " + first + " month(s))");
        for (Figure f : figures) {
            if (f.months() != last || f.call().contains("whole")) {
                continue;
            }
            Figure base = figures.stream()
                    .filter(g -> g.db().equals(f.db()) && g.call().equals(f.call()) && g.months() == first)
                    .findFirst()
                    .orElseThrow();
            double worst = figures.stream()
                    .filter(g -> g.db().equals(f.db()) && g.call().equals(f.call()))
                    .mapToDouble(g -> g.p(0.99))
                    .max()
                    .orElse(0);
            out.printf(
                    Locale.ROOT,
                    "%-10s %-11s p99 %d months %.3f ms, %d months %.3f ms: ratio %.2f (<= 1.5: %s); worst p99 %.3f ms"
                            + " (< 5 ms: %s); mean ratio %.2f%n",
                    f.db(),
                    f.call(),
                    first,
                    base.p(0.99),
                    last,
                    f.p(0.99),
                    f.p(0.99) / base.p(0.99),
                    f.p(0.99) / base.p(0.99) <= 1.5 ? "yes" : "no",
                    worst,
                    worst < 5 ? "yes" : "no",
                    f.mean() / base.mean());
        }
    }
}
