package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.reports.ReportFormat;
import io.dutykit.reports.ReportKind;
import io.dutykit.reports.ReportRequest;
import io.dutykit.reports.Reports;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duty demo}: the main job on the embedded default. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "The main job on the embedded default: creates an H2 database under ./dutykit-demo/, records a",
            "simulated month at a demo site through the live use cases, checks it against the procedure,",
            "verifies the hash chain and writes the monthly review as HTML. Prints where everything is."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "dutykit-demo",
            description = "where to put it all (default ./${DEFAULT-VALUE})")
    Path dir;

    @Option(
            names = "--month",
            paramLabel = "YYYY-MM",
            defaultValue = "2026-10",
            description = "the month to simulate (default ${DEFAULT-VALUE}, with the National Day holiday)")
    YearMonth month;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "2026",
            description = "the random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(dir);
        // a demo starts from a clean database each run; nothing else in the folder is touched
        for (String file : List.of("dutykit.mv.db", "dutykit.trace.db")) {
            Files.deleteIfExists(dir.resolve(file));
        }
        String url = JdbcStores.h2Url(dir);
        out.println("DutyKit demo");
        out.println("  database      " + Terminal.safe(url));
        SiteRecords plan = SimulateCommand.plan(seed, 0, month, month.lengthOfMonth());
        String siteId = plan.site().id();
        AtomicLong committed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        DroolsProcedureRules rules = DroolsProcedureRules.defaults();
        try (Databases database = Databases.open(url)) {
            Simulation simulation = new Simulation(
                    database.stores(),
                    rules,
                    (site, id) -> committed.incrementAndGet(),
                    (site, message) -> refused.incrementAndGet());
            Instant end = simulation.run(plan);
            out.printf(
                    "  simulated     %s (%s), %s: %d log records committed through the live use cases,%n",
                    siteId, plan.site().name(), month, committed.get());
            out.printf("                %d steps refused live by the procedure (as at the desk)%n", refused.get());

            SiteRecords stored = database.stores().load(siteId);
            out.println("  live steps    " + secondRound(stored));
            CheckPeriod period = CheckPeriod.of(month);
            Instant asOf = end;
            List<Violation> violations = rules.evaluate(stored, period, asOf);
            Map<ViolationSeverity, Integer> counts = ViolationOutput.summary(violations);
            Map<String, Integer> byRule = new TreeMap<>();
            violations.forEach(v -> byRule.merge(v.rule(), 1, Integer::sum));
            out.printf(
                    "  checked       %s to %s as of %s: %d errors, %d warnings%n",
                    period.from(),
                    period.to(),
                    asOf,
                    counts.get(ViolationSeverity.ERROR),
                    counts.get(ViolationSeverity.WARNING));
            byRule.forEach((rule, n) -> out.printf("                  %3d  %s%n", n, rule));

            ChainVerification verification = database.jdbc().verify(siteId);
            out.println("  verified      " + verification.describe());

            Path report = dir.resolve("monthly-review.html");
            Path reportZh = dir.resolve("monthly-review.zh.html");
            ReportRequest request = ReportRequest.forPeriod(stored, violations, period, asOf, Locale.ENGLISH);
            Reports.render(ReportKind.MONTHLY, ReportFormat.HTML, request, report);
            Reports.render(
                    ReportKind.MONTHLY, ReportFormat.HTML, request.withLocale(Locale.SIMPLIFIED_CHINESE), reportZh);
            out.println(
                    "  report        " + Terminal.safe(report.toAbsolutePath().toString()));
            out.println(
                    "                " + Terminal.safe(reportZh.toAbsolutePath().toString()));
            out.println();
            out.println("Next: java -jar duty-cli/target/duty.jar export --db '" + Terminal.safe(url)
                    + "' --out demo.json");
            out.println("      java -jar duty-cli/target/duty.jar check demo.json --as-of " + asOf);
            return verification.isIntact() ? ExitCode.OK : ExitCode.INTEGRITY;
        }
    }

    /**
     * The second round's live steps recorded (issue 14): the incoming's checks, supervisors' decisions,
     * returns on site, duty report reviews, evidence attached and calls linked to their entries.
     */
    static String secondRound(SiteRecords stored) {
        long checks =
                stored.handovers().stream().mapToLong(h -> h.checks().size()).sum();
        long decisions = stored.incidents().stream()
                .flatMap(i -> i.escalations().stream())
                .filter(e -> e.decidedAt() != null)
                .count();
        long onSite = stored.incidents().stream()
                .flatMap(i -> i.escalations().stream())
                .filter(e -> e.onSiteAt() != null)
                .count();
        long reviews = stored.dutyReports().stream()
                .filter(r -> r.reviewedAt() != null)
                .count();
        long evidence =
                stored.entries().stream().filter(e -> !e.evidence().isEmpty()).count()
                        + stored.incidents().stream()
                                .filter(i -> !i.evidence().isEmpty())
                                .count();
        long linked = stored.calls().stream().filter(c -> c.entry() != null).count();
        return String.format(
                "%d checks, %d decisions, %d returns on site, %d report reviews, %d with evidence, %d calls linked",
                checks, decisions, onSite, reviews, evidence, linked);
    }
}
