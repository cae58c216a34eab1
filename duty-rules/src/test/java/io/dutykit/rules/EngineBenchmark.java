package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.dataset.generate.DatasetGenerator;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures rule-base build time and evaluation time of the two Drools build paths on the same
 * generated data (docs/rules-engine.md). Not a unit test: run it in its own JVM with
 * {@code java -cp ... io.dutykit.rules.EngineBenchmark [MVEL|EXECUTABLE_MODEL] [sites]}.
 */
final class EngineBenchmark {
    private EngineBenchmark() {}

    public static void main(String[] args) {
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        RuleCompiler.Engine engine = RuleCompiler.Engine.valueOf(args.length > 0 ? args[0] : "MVEL");
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 20;

        long t0 = System.nanoTime();
        DroolsProcedureRules rules = DroolsProcedureRules.of(RuleSet.defaults(), engine);
        long firstBuild = System.nanoTime() - t0;
        t0 = System.nanoTime();
        DroolsProcedureRules.of(RuleSet.defaults(), engine);
        long secondBuild = System.nanoTime() - t0;

        YearMonth month = YearMonth.of(2026, 11);
        DatasetGenerator generator = new DatasetGenerator(42);
        List<SiteRecords> data = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            data.add(generator.site(i, month, 1));
        }
        CheckPeriod period = CheckPeriod.of(month);
        Instant asOf = month.plusMonths(1)
                .atDay(20)
                .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                .toInstant();

        int violations = run(rules, data, period, asOf); // warm-up
        for (int i = 0; i < 4; i++) {
            run(rules, data, period, asOf);
        }
        int rounds = 5;
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            run(rules, data, period, asOf);
        }
        long perRound = (System.nanoTime() - t0) / rounds;
        long records = data.stream()
                .mapToLong(s -> s.entries().size()
                        + s.handovers().size()
                        + s.incidents().size()
                        + s.calls().size())
                .sum();
        out.printf(
                "engine=%s firstBuildMs=%d secondBuildMs=%d sites=%d records=%d violations=%d evalMsPerRun=%.1f evalMsPerSite=%.2f%n",
                engine,
                firstBuild / 1_000_000,
                secondBuild / 1_000_000,
                sites,
                records,
                violations,
                perRound / 1e6,
                perRound / 1e6 / sites);
    }

    private static int run(ProcedureRules rules, List<SiteRecords> data, CheckPeriod period, Instant asOf) {
        int n = 0;
        for (SiteRecords site : data) {
            n += rules.evaluate(site, period, asOf).size();
        }
        return n;
    }
}
