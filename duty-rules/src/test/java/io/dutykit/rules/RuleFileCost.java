package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.dataset.generate.DatasetGenerator;
import io.dutykit.reference.ReferenceProcedureRules;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the evaluation time goes: the thread CPU time of evaluating 20 generated site-months
 * (seed 7, November 2026, two months of records) with the default rule files one at a time ("none":
 * no rules, i.e. fact preparation, insertion and session set-up alone; "all": every file) and of
 * the reference engine. Thread CPU time is steadier than wall time on the shared machine. Not a
 * unit test; run it in its own JVM with the names to measure, e.g. {@code all none handover.drl
 * reference}.
 */
final class RuleFileCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RuleFileCost() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
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
        List<String> names = new ArrayList<>(args.length > 0 ? List.of(args) : RuleSet.DEFAULT_RULE_FILES);
        for (String name : names) {
            io.dutykit.core.check.ProcedureRules rules;
            if (name.equals("reference")) {
                rules = new ReferenceProcedureRules();
            } else if (name.equals("all")) {
                rules = DroolsProcedureRules.defaults();
            } else {
                // a company folder that empties every other default file
                Path folder = Files.createTempDirectory("rule-file-cost");
                for (String file : RuleSet.DEFAULT_RULE_FILES) {
                    if (!file.equals(name)) {
                        Files.writeString(folder.resolve(file), "package io.dutykit.rules;\n");
                    }
                }
                rules = DroolsProcedureRules.of(RuleSet.withFolder(folder));
            }
            io.dutykit.core.check.ProcedureRules chosen = rules;
            Runnable round = () -> data.forEach(site -> chosen.evaluate(site, period, asOf));
            cpuMillisPerRound(round, 3000); // warm-up
            out.printf("%-16s %.2f ms CPU per 20 site-months%n", name, cpuMillisPerRound(round, 3000));
        }
    }

    private static double cpuMillisPerRound(Runnable round, long cpuMillis) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        int rounds = 0;
        while (THREADS.getCurrentThreadCpuTime() - t0 < cpuMillis * 1_000_000L) {
            round.run();
            rounds++;
        }
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e6 / rounds;
    }
}
