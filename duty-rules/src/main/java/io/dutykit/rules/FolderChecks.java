package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.DefaultCodes;
import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.NearMiss;
import io.dutykit.core.procedure.ParameterFile;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.ProcedureProblem;
import io.dutykit.core.procedure.RuleCatalogue;
import io.dutykit.core.procedure.RuleEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a company's rules folder that need its rules compiled (SPEC section 6.1): every rule of
 * the company has an {@code @id}, a {@code @clause} and a {@code @severity} of ERROR or WARNING; an
 * added file does not reuse the id of a default rule whose file is still in effect; a replaced default
 * file that leaves a default rule out is said (a warning); the company's messages name rules in effect
 * and fill only the arguments those rules give. Both the validator and the loading of rules for a
 * check run them, so a check refuses what the validator calls an error. And, for the validator only
 * (it alone is given the data), the codes ({@link #codes}): categories and items no data and no
 * default names.
 */
final class FolderChecks {
    private static final List<String> SEVERITIES =
            java.util.Arrays.stream(ViolationSeverity.values()).map(Enum::name).toList();

    private FolderChecks() {}

    /** Every problem of the compiled folder's rules and messages; empty for the defaults alone. */
    static List<RuleProblem> afterCompile(RuleSet rules, RuleCatalogue catalogue) {
        List<RuleProblem> problems = new ArrayList<>(declarations(rules));
        problems.addAll(messages(rules, catalogue));
        return problems;
    }

    /** The company's messages checked against the rules in effect. */
    static List<RuleProblem> messages(RuleSet rules, RuleCatalogue catalogue) {
        List<RuleProblem> problems = new ArrayList<>();
        if (rules.folder() == null) {
            return problems;
        }
        for (ProcedureProblem p : rules.messages().check(catalogue)) {
            problems.add(RuleProblem.of(p, p.source()));
        }
        return problems;
    }

    /** The labels and ids of the company's rules, read from their files (needs nothing compiled). */
    static List<RuleProblem> declarations(RuleSet rules) {
        List<RuleProblem> problems = new ArrayList<>();
        if (rules.folder() == null) {
            return problems;
        }
        Map<String, String> defaultFileOf = new LinkedHashMap<>();
        for (String name : RuleSet.DEFAULT_RULE_FILES) {
            RuleDeclarations d = RuleDeclarations.of(Resources.text(RuleSet.DEFAULT_LOCATION + name));
            d.rules().forEach(r -> defaultFileOf.putIfAbsent(r.reportedId(), name));
        }
        Set<String> companyIds = new LinkedHashSet<>();
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            RuleDeclarations declared = rules.declarations().get(file.name());
            if (!file.isCompanyFile() || declared == null) {
                continue;
            }
            String shown = rules.displayName(file);
            int[] rows = file.isDecisionTable() ? RuleSources.spreadsheetRows(RuleSources.drl(file)) : null;
            for (RuleDeclarations.Declaration rule : declared.rules()) {
                companyIds.add(rule.reportedId());
                labels(shown, rows, rule, problems);
                String defaultFile = defaultFileOf.get(rule.reportedId());
                if (defaultFile != null
                        && !defaultFile.equals(file.name())
                        && rules.ruleFile(defaultFile)
                                .map(f -> !f.isCompanyFile())
                                .orElse(false)) {
                    problems.add(RuleProblem.of(
                            RuleProblem.Level.ERROR,
                            shown,
                            row(rows, rule.line()),
                            rows == null ? rule.column() : 0,
                            "DEFAULT_ID_REUSED",
                            null,
                            rule.name(),
                            shown,
                            rule.reportedId(),
                            defaultFile));
                }
            }
        }
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            if (!file.isCompanyFile() || !RuleSet.DEFAULT_RULE_FILES.contains(file.name())) {
                continue;
            }
            defaultFileOf.forEach((id, defaultFile) -> {
                if (defaultFile.equals(file.name()) && !companyIds.contains(id)) {
                    problems.add(RuleProblem.of(
                            RuleProblem.Level.WARNING,
                            rules.displayName(file),
                            0,
                            0,
                            "DEFAULT_RULE_DROPPED",
                            null,
                            rules.displayName(file),
                            id));
                }
            });
        }
        return problems;
    }

    private static void labels(String file, int[] rows, RuleDeclarations.Declaration rule, List<RuleProblem> problems) {
        int line = row(rows, rule.line());
        int column = rows == null ? rule.column() : 0;
        if (rule.id() == null || rule.id().value().isBlank()) {
            problems.add(RuleProblem.of(
                    RuleProblem.Level.ERROR,
                    file,
                    line,
                    column,
                    "RULE_WITHOUT_ID",
                    null,
                    rule.name(),
                    suggestedId(rule)));
        }
        if (rule.clause() == null || rule.clause().value().isBlank()) {
            problems.add(RuleProblem.of(
                    RuleProblem.Level.ERROR, file, line, column, "RULE_WITHOUT_CLAUSE", null, rule.name()));
        }
        if (rule.severity() == null || rule.severity().value().isBlank()) {
            problems.add(RuleProblem.of(
                    RuleProblem.Level.ERROR, file, line, column, "RULE_WITHOUT_SEVERITY", null, rule.name()));
        } else if (!SEVERITIES.contains(rule.severity().value().toUpperCase(Locale.ROOT))) {
            RuleDeclarations.Label severity = rule.severity();
            problems.add(RuleProblem.of(
                    RuleProblem.Level.ERROR,
                    file,
                    row(rows, severity.line()),
                    rows == null ? severity.column() : 0,
                    "RULE_BAD_SEVERITY",
                    NearMiss.nearest(severity.value().toUpperCase(Locale.ROOT), SEVERITIES)
                            .map(s -> "@severity(" + s + ")")
                            .orElse(null),
                    rule.name(),
                    severity.value()));
        }
    }

    /** A rule's name as an id: upper case, other characters as {@code _}. */
    private static String suggestedId(RuleDeclarations.Declaration rule) {
        String id = rule.name()
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_|_$", "");
        return id.isEmpty() ? "MY_RULE" : id;
    }

    /** A DRL line as a person finds it: the spreadsheet row for a decision table, else the line itself. */
    private static int row(int[] rows, int line) {
        if (rows == null) {
            return line;
        }
        return line > 0 && line < rows.length ? rows[line] : 0;
    }

    /**
     * Warnings about codes that no data and no default name (SPEC section 6.1): the categories of the
     * threshold table and of {@code emergency.planCategories}, and the categories and items a company
     * rule compares with, each with the code probably meant.
     */
    static List<RuleProblem> codes(RuleSet rules, Collection<SiteRecords> data) {
        List<RuleProblem> problems = new ArrayList<>();
        if (rules.folder() == null) {
            return problems;
        }
        Set<String> categories = DefaultCodes.categories(data);
        Set<String> items = DefaultCodes.items(data);
        IncidentThresholdTable table = rules.thresholds();
        if (table.source() != null && !table.equals(IncidentThresholdTable.defaults())) {
            for (IncidentThresholdTable.Threshold row : table.rows()) {
                if (!row.category().equals(IncidentThresholdTable.ANY) && !categories.contains(row.category())) {
                    problems.add(unknown(
                            table.source(),
                            table.line(row.category(), row.severity()),
                            0,
                            "category",
                            row.category(),
                            categories));
                }
            }
        }
        var values = rules.parameters().parameterValues();
        values.entry(Parameters.PLAN_CATEGORIES.key()).ifPresent((ParameterFile.Entry entry) -> {
            for (String code : values.get(Parameters.PLAN_CATEGORIES)) {
                if (!categories.contains(code)) {
                    int at = entry.value().indexOf(code);
                    problems.add(unknown(
                            values.source(),
                            entry.line(),
                            at < 0 || entry.valueColumn() == 0 ? 0 : entry.valueColumn() + at,
                            Parameters.PLAN_CATEGORIES.key(),
                            code,
                            categories));
                }
            }
        });
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            RuleDeclarations declared = rules.declarations().get(file.name());
            if (!file.isCompanyFile() || declared == null || file.isDecisionTable()) {
                continue;
            }
            for (RuleDeclarations.Code code : declared.codes()) {
                Set<String> known = code.field().equals("item") ? items : categories;
                if (!known.contains(code.value())) {
                    problems.add(unknown(
                            rules.displayName(file), code.line(), code.column(), code.field(), code.value(), known));
                }
            }
        }
        return problems;
    }

    /**
     * A code no data and no default names: a warning (a company may name a category of its own), but an
     * error when it is a near miss of one that is named ({@code WATER_LEKA}): that is a typo that would
     * silently match nothing.
     */
    private static RuleProblem unknown(
            String file, int line, int column, String what, String code, Collection<String> known) {
        String meant = NearMiss.nearest(code, known).orElse(null);
        ProcedureProblem problem = meant != null
                ? ProcedureProblem.error(file, line, column, ProcedureProblem.Kind.UNKNOWN_CODE, meant, what, code)
                : ProcedureProblem.warning(file, line, column, ProcedureProblem.Kind.UNKNOWN_CODE, null, what, code);
        return RuleProblem.of(problem, file);
    }

    /** The ids of the default rules, for did-you-mean among them. */
    static List<String> defaultIds() {
        return DefaultRules.ALL.stream().map(RuleEntry::id).toList();
    }
}
