package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.dataset.generate.DatasetGenerator;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * How many times the default rules evaluate 20 generated sites (two months of records, a one-month
 * period) in a given number of seconds. Not a unit test; compare {@code -Ddutykit.rules.sequential=true}
 * and {@code false} in alternating runs (docs/rules-engine.md).
 */
final class EngineThroughput {
    private EngineThroughput() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        YearMonth month = YearMonth.of(2026, 11);
        DatasetGenerator generator = new DatasetGenerator(7);
        List<SiteRecords> data = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            data.add(generator.site(i, month.minusMonths(1), 2));
        }
        CheckPeriod period = CheckPeriod.of(month);
        Instant asOf = month.plusMonths(1)
                .atDay(20)
                .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                .toInstant();
        DroolsProcedureRules rules = DroolsProcedureRules.defaults();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int rounds = 0;
        while (System.nanoTime() < end) {
            for (SiteRecords site : data) {
                rules.evaluate(site, period, asOf);
            }
            rounds++;
        }
        out.printf(
                "sequential=%s rounds=%d in %ds (%.1f ms per 20 sites)%n",
                RuleCompiler.SEQUENTIAL, rounds, seconds, seconds * 1000.0 / rounds);
    }
}
