package io.dutykit.reports;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How much each violation costs an officer in the staff evaluation basis (4.4): a weight per
 * severity (default ERROR 5, WARNING 2) and optional overrides per rule id. Read from the keys
 * {@code weight.ERROR}, {@code weight.WARNING} and {@code weight.<RULE_ID>} of
 * {@code procedure.properties}.
 *
 * @param perSeverity the weight of a violation of each severity
 * @param perRule weights that replace the severity's weight for one rule id
 */
public record EvaluationWeights(Map<ViolationSeverity, Integer> perSeverity, Map<String, Integer> perRule) {
    /** The key prefix of weights in {@code procedure.properties}. */
    public static final String PREFIX = "weight.";

    private static final int DEFAULT_ERROR = 5;
    private static final int DEFAULT_WARNING = 2;

    public EvaluationWeights {
        Map<ViolationSeverity, Integer> severities = new EnumMap<>(ViolationSeverity.class);
        severities.put(ViolationSeverity.ERROR, DEFAULT_ERROR);
        severities.put(ViolationSeverity.WARNING, DEFAULT_WARNING);
        if (perSeverity != null) {
            perSeverity.forEach((severity, weight) ->
                    severities.put(Checks.required(severity, "severity"), notNegative(weight, PREFIX + severity)));
        }
        perSeverity = Map.copyOf(severities);
        Map<String, Integer> rules = new TreeMap<>();
        if (perRule != null) {
            perRule.forEach(
                    (rule, weight) -> rules.put(Checks.requiredText(rule, "rule"), notNegative(weight, PREFIX + rule)));
        }
        perRule = Map.copyOf(rules);
    }

    /** ERROR 5, WARNING 2, no overrides (SPEC section 9). */
    public static EvaluationWeights defaults() {
        return new EvaluationWeights(Map.of(), Map.of());
    }

    /**
     * Weights from the {@code weight.*} keys of a parameters map; other keys are ignored, missing
     * ones keep their defaults.
     *
     * @throws InvalidValueException when a weight is not a whole number of at least 0
     */
    public static EvaluationWeights fromProperties(Map<String, String> properties) {
        Map<ViolationSeverity, Integer> severities = new EnumMap<>(ViolationSeverity.class);
        Map<String, Integer> rules = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key == null || !key.startsWith(PREFIX)) {
                return;
            }
            String name = key.substring(PREFIX.length()).trim();
            int weight = parse(key, value);
            switch (name) {
                case "ERROR" -> severities.put(ViolationSeverity.ERROR, weight);
                case "WARNING" -> severities.put(ViolationSeverity.WARNING, weight);
                default -> rules.put(name, weight);
            }
        });
        return new EvaluationWeights(severities, rules);
    }

    /** Weights from a loaded {@code procedure.properties}. */
    public static EvaluationWeights fromProperties(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return fromProperties(map);
    }

    /** The weight of one violation of the rule at the severity: the rule's override, else the severity's. */
    public int weightOf(String rule, ViolationSeverity severity) {
        Integer override = perRule.get(rule);
        return override != null ? override : perSeverity.get(severity);
    }

    public int weightOf(Violation violation) {
        return weightOf(violation.rule(), violation.severity());
    }

    private static int parse(String key, String value) {
        try {
            return notNegative(Integer.parseInt(value == null ? "" : value.trim()), key);
        } catch (NumberFormatException e) {
            throw InvalidValueException.of("%s (%s) must be a whole number of at least 0, e.g. %s=5", key, value, key);
        }
    }

    private static int notNegative(Integer weight, String key) {
        if (weight == null || weight < 0) {
            throw InvalidValueException.of("%s (%s) must be a whole number of at least 0", key, weight);
        }
        return weight;
    }
}
