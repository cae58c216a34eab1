package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.check.ViolationSeverity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue as a compliance officer reads it ({@code duty rules list}, the console): every rule in
 * effect with its clause, severity, title and description in English and Chinese, whether it is a
 * default, changed or added rule, the parameters it reads with their effective values, and its
 * staff-evaluation weight; then every parameter with its value, default and origin. Read from a
 * {@link ProcedureModel} — the compiled rules, the parameters and the texts in effect — never from a
 * list of its own.
 *
 * @param rules one row per rule, in catalogue order
 * @param parameters every parameter of the procedure, then the per-rule weights and keys the company added
 * @param thresholds the incident threshold table in effect
 */
public record RuleListing(List<Row> rules, List<Setting> parameters, IncidentThresholdTable thresholds) {
    public RuleListing {
        rules = List.copyOf(rules);
        parameters = List.copyOf(parameters);
        Checks.required(thresholds, "thresholds");
    }

    /**
     * One rule.
     *
     * @param title the title in English, or the id when there is none
     * @param titleZh the title in Chinese, or the id when there is none
     * @param description the plain-language description in English, or "" when there is none
     * @param parameters the parameters the rule reads (a company's rule: none known), effective values
     * @param weight the staff-evaluation points a violation costs ({@code weight.RULE_ID}, else the severity's)
     * @param weightChanged true when the company gave the rule a weight of its own
     */
    public record Row(
            String id,
            String clause,
            ViolationSeverity severity,
            RuleEntry.Origin origin,
            String title,
            String titleZh,
            String description,
            String descriptionZh,
            List<Setting> parameters,
            List<String> thresholdColumns,
            List<String> arguments,
            int weight,
            boolean weightChanged) {
        public Row {
            parameters = List.copyOf(parameters);
            thresholdColumns = List.copyOf(thresholdColumns);
            arguments = List.copyOf(arguments);
        }

        /** The title in the locale's language. */
        public String title(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? titleZh : title;
        }

        /** The description in the locale's language ("" when there is none). */
        public String description(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? descriptionZh : description;
        }
    }

    /**
     * One parameter as in effect.
     *
     * @param value its effective value as written in the parameters file
     * @param defaultValue its default as written, or null for a key the company added
     * @param type the kind of value in English ({@code minutes}, {@code time of day}…), or "" for a company key
     * @param range the allowed range, e.g. {@code 0-1440}, or "" when the type has none
     */
    public record Setting(
            String key,
            String value,
            String defaultValue,
            ParameterValues.Origin origin,
            String clause,
            String type,
            String range,
            String description,
            String descriptionZh) {

        /** The description in the locale's language ("" when there is none). */
        public String description(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? descriptionZh : description;
        }
    }

    /** The listing of a model: its compiled rules, parameters, table and texts. */
    public static RuleListing of(ProcedureModel model) {
        ParameterValues values = model.parameters();
        ViolationMessages texts = model.messages();
        List<Row> rows = new ArrayList<>();
        for (RuleEntry rule : model.rules().entries()) {
            List<Setting> reads = new ArrayList<>();
            for (String key : rule.parameters()) {
                Parameters.find(key).ifPresent(p -> reads.add(setting(p, values)));
            }
            rows.add(new Row(
                    rule.id(),
                    rule.clause(),
                    rule.severity(),
                    rule.origin(),
                    texts.title(rule.id(), Locale.ENGLISH),
                    texts.title(rule.id(), Locale.SIMPLIFIED_CHINESE),
                    texts.description(rule.id(), Locale.ENGLISH).orElse(""),
                    texts.description(rule.id(), Locale.SIMPLIFIED_CHINESE).orElse(""),
                    reads,
                    rule.thresholdColumns(),
                    rule.arguments(),
                    values.weight(rule.id(), rule.severity()),
                    values.ruleWeights().containsKey(rule.id())));
        }
        return new RuleListing(rows, settings(values), model.thresholds());
    }

    /** Every parameter, then each per-rule weight and key the file adds, in effect. */
    public static List<Setting> settings(ParameterValues values) {
        List<Setting> settings = new ArrayList<>();
        for (Parameter<?> p : Parameters.ALL) {
            settings.add(setting(p, values));
        }
        values.ruleWeights().forEach((rule, weight) -> {
            Parameter<Integer> p = Parameters.ruleWeight(rule);
            settings.add(new Setting(
                    p.key(),
                    Integer.toString(weight),
                    null,
                    ParameterValues.Origin.CHANGED,
                    p.clause(),
                    p.type().name(),
                    p.min() + "-" + p.max(),
                    p.description(Locale.ENGLISH),
                    p.description(Locale.SIMPLIFIED_CHINESE)));
        });
        values.texts().forEach((key, text) -> {
            if (Parameters.find(key).isEmpty() && !Parameters.isRuleWeight(key)) {
                settings.add(new Setting(key, text, null, ParameterValues.Origin.ADDED, "", "", "", "", ""));
            }
        });
        return settings;
    }

    private static Setting setting(Parameter<?> p, ParameterValues values) {
        return new Setting(
                p.key(),
                Optional.ofNullable(values.text(p.key())).orElse(p.defaultText()),
                p.defaultText(),
                values.origin(p.key()),
                p.clause(),
                p.type().name(),
                p.type().hasRange() ? p.min() + "-" + p.max() : "",
                p.description(Locale.ENGLISH),
                p.description(Locale.SIMPLIFIED_CHINESE));
    }
}
