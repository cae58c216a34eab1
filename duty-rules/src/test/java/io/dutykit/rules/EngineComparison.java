package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.dataset.generate.DatasetGenerator;
import io.dutykit.reference.ReferenceProcedureRules;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the Drools rules with the plain-Java reference engine on generated data: prints the
 * differences and both evaluation times. Not a unit test; run it in its own JVM.
 */
final class EngineComparison {
    private EngineComparison() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        DroolsProcedureRules drools = DroolsProcedureRules.defaults();
        ReferenceProcedureRules reference = new ReferenceProcedureRules();
        YearMonth month = YearMonth.of(2026, 11);
        DatasetGenerator generator = new DatasetGenerator(7);
        List<SiteRecords> data = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            data.add(generator.site(i, month.minusMonths(1), 2));
        }
        CheckPeriod period = CheckPeriod.of(month);
        Instant asOf = month.plusMonths(1)
                .atDay(20)
                .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                .toInstant();
        int differences = 0;
        for (SiteRecords site : data) {
            Set<String> a = lines(drools.evaluate(site, period, asOf));
            Set<String> b = lines(reference.evaluate(site, period, asOf));
            for (String s : a) {
                if (!b.contains(s)) {
                    out.println("only drools:    " + s);
                    differences++;
                }
            }
            for (String s : b) {
                if (!a.contains(s)) {
                    out.println("only reference: " + s);
                    differences++;
                }
            }
        }
        Runnable runDrools = () -> data.forEach(s -> drools.evaluate(s, period, asOf));
        Runnable runReference = () -> data.forEach(s -> reference.evaluate(s, period, asOf));
        time(runDrools, 3000);
        time(runReference, 3000);
        // interleaved, so a change in the machine's load hits both alike
        long td = 0;
        long tr = 0;
        for (int i = 0; i < 6; i++) {
            td += time(runDrools, 1500);
            tr += time(runReference, 1500);
        }
        out.printf(
                "differences=%d droolsMs=%.1f referenceMs=%.1f ratio=%.1f%n",
                differences, td / 6e6, tr / 6e6, (double) td / tr);
    }

    /** Mean time of one run, over at least {@code millis} milliseconds. */
    private static long time(Runnable run, long millis) {
        long t0 = System.nanoTime();
        int rounds = 0;
        while (System.nanoTime() - t0 < millis * 1_000_000L) {
            run.run();
            rounds++;
        }
        return (System.nanoTime() - t0) / rounds;
    }

    private static Set<String> lines(List<Violation> violations) {
        Set<String> set = new TreeSet<>();
        for (Violation v : violations) {
            set.add(v.site() + " " + v.rule() + " " + v.subject() + " " + v.responsible() + " " + v.date() + " "
                    + v.at());
        }
        return set;
    }
}
