package io.dutykit.console;

import io.dutykit.core.DutyKitException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationDiff;
import io.dutykit.core.staff.Staff;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleProblem;
import io.dutykit.rules.RuleSet;
import io.dutykit.rules.RulesValidator;
import io.dutykit.rules.ScenarioResult;
import io.dutykit.rules.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The folder as saved and as the draft would make it, read, checked and compiled once: the rules as
 * read (parameters, table, texts), every problem {@code duty rules validate} finds in each (with the
 * same data), and the compiled rules when there is no error. The preview and the scenarios are run
 * from these on first use. A new one is made when the folder on disk or the draft changes.
 */
final class Evaluation {
    final String fingerprint;
    final Draft draft;
    final Edits.Result edits;
    final RuleSet.Reading saved;
    final RuleSet.Reading edited;
    final List<RuleProblem> savedProblems;
    final List<RuleProblem> editedProblems;
    final DroolsProcedureRules savedRules;
    final DroolsProcedureRules editedRules;
    /** rule id → the company DRL file declaring it (relative path). */
    final Map<String, String> ruleFiles;

    private final List<SiteRecords> data;
    private final Function<SiteRecords, CheckPeriod> periodOf;
    private final Instant asOf;
    private final Path scenarios;
    private Preview preview;
    private Scenarios scenarioResults;

    private Evaluation(Builder b) {
        this.fingerprint = b.fingerprint;
        this.draft = b.draft;
        this.edits = b.edits;
        this.saved = b.saved;
        this.edited = b.edited;
        this.savedProblems = b.savedProblems;
        this.editedProblems = b.editedProblems;
        this.savedRules = b.savedRules;
        this.editedRules = b.editedRules;
        this.ruleFiles = b.ruleFiles;
        this.data = b.data;
        this.periodOf = b.periodOf;
        this.asOf = b.asOf;
        this.scenarios = b.scenarios;
    }

    private static final class Builder {
        String fingerprint;
        Draft draft;
        Edits.Result edits;
        RuleSet.Reading saved;
        RuleSet.Reading edited;
        List<RuleProblem> savedProblems;
        List<RuleProblem> editedProblems;
        DroolsProcedureRules savedRules;
        DroolsProcedureRules editedRules;
        Map<String, String> ruleFiles;
        List<SiteRecords> data;
        Function<SiteRecords, CheckPeriod> periodOf;
        Instant asOf;
        Path scenarios;
    }

    /**
     * Reads, checks and compiles the folder, and the draft applied to it. When {@code savedBefore} is of
     * the same folder (same fingerprint), its saved side is taken over rather than read again.
     */
    static Evaluation of(
            RulesFolder folder,
            Draft draft,
            Evaluation savedBefore,
            List<SiteRecords> data,
            Function<SiteRecords, CheckPeriod> periodOf,
            Instant asOf,
            Path scenarios,
            java.util.Locale locale) {
        Builder b = new Builder();
        b.fingerprint = folder.fingerprint();
        b.draft = draft;
        b.data = data;
        b.periodOf = periodOf;
        b.asOf = asOf;
        b.scenarios = scenarios;
        if (savedBefore != null && savedBefore.fingerprint.equals(b.fingerprint)) {
            b.saved = savedBefore.saved;
            b.savedProblems = savedBefore.savedProblems;
            b.savedRules = savedBefore.savedRules;
            b.ruleFiles = savedBefore.ruleFiles;
        } else {
            b.saved = RuleSet.read(folder.root());
            b.savedProblems = RulesValidator.validate(folder.root(), data);
            b.savedRules = compile(b.saved, b.savedProblems);
            b.ruleFiles =
                    b.saved.ruleSet() == null ? Map.of() : b.saved.ruleSet().companyRuleFiles();
        }
        b.edits = Edits.apply(folder, draft, b.ruleFiles, locale);
        if (b.edits.isEmpty()) {
            b.edited = b.saved;
            b.editedProblems = b.savedProblems;
            b.editedRules = b.savedRules;
        } else {
            Path staged = folder.stage(b.edits.files());
            b.edited = RuleSet.read(staged);
            b.editedProblems = RulesValidator.validate(staged, data);
            b.editedRules = compile(b.edited, b.editedProblems);
        }
        return new Evaluation(b);
    }

    private static DroolsProcedureRules compile(RuleSet.Reading reading, List<RuleProblem> problems) {
        if (reading.ruleSet() == null || !RulesValidator.isValid(problems)) {
            return null;
        }
        try {
            return DroolsProcedureRules.of(reading.ruleSet());
        } catch (DutyKitException e) {
            return null; // the validator's problems say why
        }
    }

    boolean hasDraft() {
        return !edits.isEmpty();
    }

    /** The errors of the edited folder (all of the saved one's, when nothing is edited). */
    List<RuleProblem> editedErrors() {
        return editedProblems.stream().filter(RuleProblem::isError).toList();
    }

    List<RuleProblem> savedErrors() {
        return savedProblems.stream().filter(RuleProblem::isError).toList();
    }

    /** The rules to show: the edited ones, or the saved ones when the draft does not compile. */
    DroolsProcedureRules shownRules() {
        return editedRules != null ? editedRules : savedRules;
    }

    /** The rule set to show (parameters, table, texts): the edited one, read best-effort. */
    RuleSet shownRuleSet() {
        return edited.ruleSet() != null ? edited.ruleSet() : RuleSet.defaults();
    }

    /** The violations of the data under the saved and the edited rules; null without data. */
    synchronized Preview preview() {
        if (preview == null && !data.isEmpty()) {
            preview = Preview.of(data, savedRules, editedRules, periodOf, asOf);
        }
        return preview;
    }

    /** The scenarios run with the saved and the edited rules; null when the folder has none. */
    synchronized Scenarios scenarios() {
        if (scenarioResults == null && scenarios != null && Files.isDirectory(scenarios)) {
            scenarioResults = Scenarios.run(scenarios, savedRules, hasDraft() ? editedRules : savedRules);
        }
        return scenarioResults;
    }

    /** The violations under both rule sets, compared. */
    record Preview(
            List<Violation> before,
            List<Violation> after,
            ViolationDiff diff,
            Map<String, Map<String, Staff>> staff,
            Map<String, CheckPeriod> periods,
            Instant asOf,
            String problem) {

        static Preview of(
                List<SiteRecords> data,
                DroolsProcedureRules saved,
                DroolsProcedureRules edited,
                Function<SiteRecords, CheckPeriod> periodOf,
                Instant asOf) {
            Map<String, Map<String, Staff>> staff = new LinkedHashMap<>();
            Map<String, CheckPeriod> periods = new LinkedHashMap<>();
            if (saved == null || edited == null) {
                return new Preview(
                        List.of(),
                        List.of(),
                        ViolationDiff.of(List.of(), List.of(), Map.of()),
                        staff,
                        periods,
                        asOf,
                        saved == null ? "saved" : "edited");
            }
            List<Violation> before = new ArrayList<>();
            List<Violation> after = new ArrayList<>();
            try {
                for (SiteRecords site : data) {
                    CheckPeriod period = periodOf.apply(site);
                    periods.put(site.site().id(), period);
                    staff.put(site.site().id(), site.staffById());
                    before.addAll(saved.evaluate(site, period, asOf));
                    after.addAll(edited.evaluate(site, period, asOf));
                }
            } catch (DutyKitException e) {
                return new Preview(
                        List.of(),
                        List.of(),
                        ViolationDiff.of(List.of(), List.of(), Map.of()),
                        staff,
                        periods,
                        asOf,
                        e.getMessage());
            }
            before.sort(Violation.REPORT_ORDER);
            after.sort(Violation.REPORT_ORDER);
            return new Preview(before, after, ViolationDiff.of(before, after, staff), staff, periods, asOf, null);
        }

        /** Per rule id, how many violations each side finds, in rule id order. */
        Map<String, int[]> countsByRule() {
            Map<String, int[]> counts = new java.util.TreeMap<>();
            before.forEach(v -> counts.computeIfAbsent(v.rule(), r -> new int[2])[0]++);
            after.forEach(v -> counts.computeIfAbsent(v.rule(), r -> new int[2])[1]++);
            return counts;
        }

        /** Per site and person responsible, how many violations each side finds. */
        Map<List<String>, int[]> countsByPerson() {
            Map<List<String>, int[]> counts = new java.util.TreeMap<>(
                    java.util.Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
            count(before, counts, 0);
            count(after, counts, 1);
            return counts;
        }

        private static void count(List<Violation> violations, Map<List<String>, int[]> counts, int side) {
            for (Violation v : violations) {
                for (String person : v.responsible().isEmpty() ? List.of("") : v.responsible()) {
                    counts.computeIfAbsent(List.of(v.site(), person), k -> new int[2])[side]++;
                }
            }
        }
    }

    /** Every scenario's result with the saved and with the edited rules (the same list when nothing is edited). */
    record Scenarios(List<ScenarioResult> saved, List<ScenarioResult> edited, String problem) {
        static Scenarios run(Path folder, DroolsProcedureRules saved, DroolsProcedureRules edited) {
            try {
                List<ScenarioResult> before = saved == null ? List.of() : new ScenarioRunner(saved).run(folder);
                List<ScenarioResult> after =
                        edited == null ? List.of() : edited == saved ? before : new ScenarioRunner(edited).run(folder);
                return new Scenarios(before, after, null);
            } catch (DutyKitException e) {
                return new Scenarios(List.of(), List.of(), e.getMessage());
            }
        }

        /** The scenario files of either run, in order. */
        List<String> files() {
            Set<String> files = new java.util.TreeSet<>();
            saved.forEach(r -> files.add(r.file()));
            edited.forEach(r -> files.add(r.file()));
            return List.copyOf(files);
        }

        static Map<String, ScenarioResult> byFile(List<ScenarioResult> results) {
            return results.stream()
                    .collect(Collectors.toMap(ScenarioResult::file, r -> r, (a, b) -> a, LinkedHashMap::new));
        }
    }
}
