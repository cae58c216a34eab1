package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.reports.ReportFormat;
import io.dutykit.reports.ReportKind;
import io.dutykit.reports.ReportRequest;
import io.dutykit.reports.Reports;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleSet;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code duty report}: the daily duty report, handover sheet, monthly review or staff evaluation. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a report: daily (值班报告) and handover (交接班记录) for duty date --date;",
            "monthly (月度复审) and staff (4.4 evaluation basis) for the period --from/--to."
        })
final class ReportCommand implements Callable<Integer> {
    enum Kind {
        daily,
        handover,
        monthly,
        staff
    }

    enum Format {
        html,
        md,
        csv,
        json
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "daily, handover, monthly or staff")
    Kind kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DATASET", description = "a dutykit/1 JSON file or folder")
    Path dataset;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "read the site from this database instead")
    String db;

    @Option(names = "--site", paramLabel = "ID", description = "the site of a multi-site dataset")
    String siteId;

    @Option(names = "--date", paramLabel = "D", description = "the duty date of a daily report or handover sheet")
    String date;

    @Option(names = "--staff", paramLabel = "ID", description = "narrow the staff evaluation to one officer")
    String staff;

    @Option(names = "--rules", paramLabel = "DIR", description = "a company rules folder (thresholds, weights, rules)")
    Path rulesDir;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "html, md, csv or json")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write (a folder for csv)")
    Path out;

    @Mixin
    PeriodOptions period;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        ReportKind reportKind = ReportKind.valueOf(kind.name().toUpperCase(java.util.Locale.ROOT));
        LocalDate day = PeriodOptions.date("--date", date);
        if (reportKind.isForOneDate() && day == null) {
            throw UserError.of("duty report %s needs --date D, the duty date to report on", kind);
        }
        SiteRecords site = site();
        Instant asOf = period.asOf();
        CheckPeriod checked = reportKind.isForOneDate() ? new CheckPeriod(day, day) : period.periodFor(site);
        RuleSet ruleSet = rulesDir == null ? RuleSet.defaults() : RuleSet.withFolder(rulesDir);
        DroolsProcedureRules rules =
                rulesDir == null ? DroolsProcedureRules.defaults() : DroolsProcedureRules.of(ruleSet);
        List<Violation> violations = rules.evaluate(site, checked, asOf);
        ReportRequest request = (reportKind.isForOneDate()
                        ? ReportRequest.forDate(site, violations, day, asOf, language.locale())
                        : ReportRequest.forPeriod(site, violations, checked, asOf, language.locale()))
                .withModel(rules.model())
                .withStaff(staff);
        List<Path> written = Reports.render(
                reportKind, ReportFormat.valueOf(format.name().toUpperCase(java.util.Locale.ROOT)), request, out);
        for (Path file : written) {
            spec.commandLine().getOut().println("wrote " + Terminal.safe(file.toString()));
        }
        return ExitCode.OK;
    }

    private SiteRecords site() {
        DatasetInput input = new DatasetInput();
        input.dataset = dataset;
        input.db = db;
        input.maxInputMb = 1024;
        input.requireOne();
        List<SiteRecords> found = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        input.forEachSite("report on", s -> {
            ids.add(s.site().id());
            if (siteId == null || siteId.equals(s.site().id())) {
                found.add(s);
            }
        });
        if (found.isEmpty()) {
            throw UserError.of(
                    "no site %s in %s; its sites are %s",
                    Terminal.safe(siteId), Terminal.safe(input.describe()), Terminal.safe(ids.toString()));
        }
        if (found.size() > 1) {
            throw UserError.of(
                    "%s holds %d sites %s; pick one with --site ID",
                    Terminal.safe(input.describe()), found.size(), Terminal.safe(ids.toString()));
        }
        return found.get(0);
    }
}
