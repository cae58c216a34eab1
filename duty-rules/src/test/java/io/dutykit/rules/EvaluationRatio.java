package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.dataset.generate.DatasetGenerator;
import io.dutykit.reference.ReferenceProcedureRules;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The ratio {@code RuleEvaluationBenchmark} measures, on its data (20 generated site-months, seed 7,
 * October 2026, one month of records, as-of 2026-11-20), as thread CPU time — steadier than JMH's
 * wall time on the shared machine — in interleaved rounds of Drools, the reference and the fact
 * preparation alone. Not a unit test; run it in its own JVM: {@code EvaluationRatio [rounds]}.
 */
final class EvaluationRatio {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EvaluationRatio() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        YearMonth month = YearMonth.of(2026, 10);
        DatasetGenerator generator = new DatasetGenerator(7);
        List<SiteRecords> data = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            data.add(generator.site(i, month, 1));
        }
        CheckPeriod period = CheckPeriod.of(month);
        Instant asOf = OffsetDateTime.parse("2026-11-20T00:00:00+08:00").toInstant();
        DroolsProcedureRules drools = DroolsProcedureRules.defaults();
        ProcedureRules reference = new ReferenceProcedureRules();
        RuleSet rules = drools.ruleSet();
        int[] facts = {0};
        Runnable runDrools = () -> data.forEach(s -> drools.evaluate(s, period, asOf));
        Runnable runReference = () -> data.forEach(s -> reference.evaluate(s, period, asOf));
        Runnable runFacts =
                () -> data.forEach(s -> facts[0] += new Facts(s, period, asOf, rules.parameters(), rules.thresholds())
                        .all()
                        .size());
        int violations = 0;
        for (SiteRecords s : data) {
            violations += drools.evaluate(s, period, asOf).size();
        }
        facts[0] = 0;
        runFacts.run();
        out.printf("violations=%d facts=%d per 20 sites%n", violations, facts[0]);
        cpuMillis(runDrools, 4000);
        cpuMillis(runReference, 3000);
        cpuMillis(runFacts, 2000);
        double d = 0;
        double r = 0;
        double f = 0;
        double dMin = Double.MAX_VALUE;
        double rMin = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            double di = cpuMillis(runDrools, 1000);
            double ri = cpuMillis(runReference, 1000);
            double fi = cpuMillis(runFacts, 300);
            out.printf(
                    "round %d: drools %.2f ms, reference %.2f ms, facts %.2f ms, ratio %.1f%n", i, di, ri, fi, di / ri);
            dMin = Math.min(dMin, di);
            rMin = Math.min(rMin, ri);
            d += di;
            r += ri;
            f += fi;
        }
        out.printf(
                "mean: drools %.2f ms, reference %.2f ms, facts %.2f ms CPU per 20 site-months, ratio %.2f%n",
                d / rounds, r / rounds, f / rounds, d / r);
        out.printf("fastest round: drools %.2f ms, reference %.2f ms, ratio %.2f%n", dMin, rMin, dMin / rMin);
    }

    private static double cpuMillis(Runnable round, long cpuMillis) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        int n = 0;
        while (THREADS.getCurrentThreadCpuTime() - t0 < cpuMillis * 1_000_000L) {
            round.run();
            n++;
        }
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e6 / n;
    }
}
