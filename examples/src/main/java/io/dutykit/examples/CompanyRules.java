package io.dutykit.examples;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.dataset.DatasetReader;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleProblem;
import io.dutykit.rules.RuleSet;
import io.dutykit.rules.RulesValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Loading a company's rules from a folder: a {@code .drl} file adds the company's own rule (here:
 * three patrols between midnight and six), and the folder's parameters file ({@link
 * io.dutykit.core.procedure.ParameterFile#NAME}) changes a threshold (here: the phone within two rings). Same-named files replace the defaults; nothing in Java changes.
 * Validate the folder first, as a company's CI does with {@code duty rules validate}.
 *
 * <p>Run it: {@code java -cp … io.dutykit.examples.CompanyRules examples/company-rules
 * examples/data/garden-court.json}.
 */
public final class CompanyRules {
    private CompanyRules() {}

    /** The problems found in the folder, and the violations of the dataset under the company's rules. */
    public record Outcome(List<RuleProblem> problems, List<Violation> violations) {}

    public static void main(String[] args) {
        Outcome outcome = check(Path.of(args[0]), Path.of(args[1]), Instant.now());
        outcome.problems().forEach(System.out::println); // examples print for people
        outcome.violations().forEach(v -> System.out.println(v.date() + " " + v.rule() + " " + v.subject()));
    }

    public static Outcome check(Path rulesFolder, Path dataset, Instant asOf) {
        List<RuleProblem> problems = RulesValidator.validate(rulesFolder);
        if (!RulesValidator.isValid(problems)) {
            return new Outcome(problems, List.of());
        }
        DroolsProcedureRules rules = DroolsProcedureRules.of(RuleSet.withFolder(rulesFolder));
        SiteRecords site = new DatasetReader().read(dataset);
        LocalDate first = site.rosters().get(0).month().atDay(1);
        CheckPeriod period =
                new CheckPeriod(first, site.rosters().get(0).month().atEndOfMonth());
        return new Outcome(problems, rules.evaluate(site, period, asOf));
    }
}
