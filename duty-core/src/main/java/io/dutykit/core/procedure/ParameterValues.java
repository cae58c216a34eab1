package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.check.ViolationSeverity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The effective parameters of the procedure: every {@link Parameters} definition at its default,
 * overridden by the keys a company's parameters file gives (SPEC section 6). A key that is no
 * parameter is an error (SPEC section 6.1: a misspelt key would silently keep the default), with the
 * key probably meant — unless a rule of the company's folder reads it ({@code $p.text("my.key")}):
 * such a key is kept as text, origin {@link Origin#ADDED}. A {@code weight.RULE_ID} must name a rule.
 * Immutable.
 */
public final class ParameterValues {
    /** Whether a key keeps its default, was changed by the company, or is a key of the company's own. */
    public enum Origin {
        DEFAULT,
        CHANGED,
        ADDED
    }

    private static final ParameterValues DEFAULTS = defaultValues();

    private final Map<String, Object> typed;
    private final Map<String, Integer> ruleWeights;
    private final Map<String, String> texts;
    private final Map<String, ParameterFile.Entry> given;
    private final String source;
    private final List<ProcedureProblem> warnings;

    private ParameterValues(
            Map<String, Object> typed,
            Map<String, Integer> ruleWeights,
            Map<String, String> texts,
            Map<String, ParameterFile.Entry> given,
            String source,
            List<ProcedureProblem> warnings) {
        this.typed = Collections.unmodifiableMap(typed);
        this.ruleWeights = Collections.unmodifiableMap(ruleWeights);
        this.texts = Collections.unmodifiableMap(texts);
        this.given = Collections.unmodifiableMap(given);
        this.source = source;
        this.warnings = List.copyOf(warnings);
    }

    private static ParameterValues defaultValues() {
        Map<String, Object> typed = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Parameter<?> p : Parameters.ALL) {
            typed.put(p.key(), p.defaultValue());
            texts.put(p.key(), p.defaultText());
        }
        return new ParameterValues(typed, new TreeMap<>(), texts, new LinkedHashMap<>(), null, List.of());
    }

    /** Every parameter at its default. */
    public static ParameterValues defaults() {
        return DEFAULTS;
    }

    /** The values read, or none when the file has errors, and every problem found (errors and warnings). */
    public record Reading(ParameterValues values, List<ProcedureProblem> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return values != null;
        }

        public List<ProcedureProblem> errors() {
            return problems.stream().filter(ProcedureProblem::isError).toList();
        }

        /** The values, or an {@link InvalidValueException} naming every error with its file and line. */
        public ParameterValues orThrow() {
            if (values == null) {
                throw new InvalidValueException(
                        errors().stream().map(ProcedureProblem::toString).collect(Collectors.joining("\n")));
            }
            return values;
        }
    }

    /**
     * These values overridden by the keys the file gives, collecting every problem: a value of the wrong
     * type or out of range, a key that is no parameter, a weight of a rule that is not one of the default
     * rules are errors; a key given twice is a warning. For a company's folder, whose rules may read keys
     * of their own and add rules, see {@link #read(ParameterFile, Collection, Collection)}.
     */
    public Reading read(ParameterFile file) {
        return read(
                file, List.of(), DefaultRules.ALL.stream().map(RuleEntry::id).toList());
    }

    /**
     * These values overridden by the keys the file gives, collecting every problem.
     *
     * @param companyKeys keys that are no parameter but that a rule of the company reads (kept as text)
     * @param ruleIds the ids of the rules in effect, which {@code weight.RULE_ID} may name
     */
    public Reading read(ParameterFile file, Collection<String> companyKeys, Collection<String> ruleIds) {
        Checks.required(file, "file");
        Set<String> ownKeys = new LinkedHashSet<>(companyKeys);
        Set<String> rules = new LinkedHashSet<>(ruleIds);
        List<ProcedureProblem> problems = new ArrayList<>(file.problems());
        Map<String, Object> typed = new LinkedHashMap<>(this.typed);
        Map<String, Integer> weights = new TreeMap<>(this.ruleWeights);
        Map<String, String> texts = new LinkedHashMap<>(this.texts);
        Map<String, ParameterFile.Entry> given = new LinkedHashMap<>(this.given);
        for (ParameterFile.Entry entry : file.entries()) {
            String key = entry.key();
            Optional<Parameter<?>> definition = Parameters.find(key);
            if (definition.isPresent()) {
                Object value = read(definition.get(), entry, file.source(), problems);
                if (value != null) {
                    typed.put(key, value);
                }
            } else if (Parameters.isRuleWeight(key)
                    && !rules.contains(key.substring(Parameters.RULE_WEIGHT_PREFIX.length()))) {
                String rule = key.substring(Parameters.RULE_WEIGHT_PREFIX.length());
                problems.add(ProcedureProblem.error(
                        file.source(),
                        entry.line(),
                        0,
                        ProcedureProblem.Kind.UNKNOWN_RULE_WEIGHT,
                        NearMiss.nearest(rule, rules)
                                .map(r -> Parameters.RULE_WEIGHT_PREFIX + r)
                                .orElse(null),
                        key,
                        rule));
            } else if (Parameters.isRuleWeight(key)) {
                Integer value = read(
                        Parameters.ruleWeight(key.substring(Parameters.RULE_WEIGHT_PREFIX.length())),
                        entry,
                        file.source(),
                        problems);
                if (value != null) {
                    weights.put(key.substring(Parameters.RULE_WEIGHT_PREFIX.length()), value);
                }
            } else if (!ownKeys.contains(key)) {
                problems.add(ProcedureProblem.error(
                        file.source(),
                        entry.line(),
                        0,
                        ProcedureProblem.Kind.UNKNOWN_KEY,
                        NearMiss.nearest(key, knownKeys(ownKeys, rules)).orElse(null),
                        key));
            }
            texts.put(key, entry.value());
            given.put(key, entry);
        }
        if (problems.stream().anyMatch(ProcedureProblem::isError)) {
            return new Reading(null, problems);
        }
        List<ProcedureProblem> kept = new ArrayList<>(warnings);
        kept.addAll(problems);
        return new Reading(new ParameterValues(typed, weights, texts, given, file.source(), kept), problems);
    }

    /** Every key a file may give: the parameters, the company's own keys, a weight per rule. */
    private static List<String> knownKeys(Set<String> ownKeys, Set<String> rules) {
        List<String> keys = new ArrayList<>();
        Parameters.ALL.forEach(p -> keys.add(p.key()));
        keys.addAll(ownKeys);
        rules.forEach(r -> keys.add(Parameters.RULE_WEIGHT_PREFIX + r));
        return keys;
    }

    private static <T> T read(
            Parameter<T> parameter, ParameterFile.Entry entry, String source, List<ProcedureProblem> problems) {
        Parameter.Reading<T> reading = parameter.read(entry.value());
        if (reading.value() == null) {
            problems.add(parameter.problem(reading, entry.value(), source, entry.line(), entry.valueColumn()));
        }
        return reading.value();
    }

    /**
     * These values overridden by the file's keys.
     *
     * @throws InvalidValueException naming every error of the file with its line, key and value
     */
    public ParameterValues with(ParameterFile file) {
        return read(file).orThrow();
    }

    /**
     * These values overridden by keys given in code (a host that configures the procedure without a
     * file); checked like the file's.
     *
     * @throws InvalidValueException naming every key whose value is wrong
     */
    public ParameterValues with(Map<String, String> values, String source) {
        return with(ParameterFile.fromEntries(new TreeMap<>(values), source));
    }

    /** The effective value of a parameter. */
    @SuppressWarnings("unchecked")
    public <T> T get(Parameter<T> parameter) {
        Object value = typed.get(parameter.key());
        if (value == null) {
            throw new IllegalArgumentException(parameter.key() + " is not a parameter of " + Parameters.class);
        }
        return (T) value;
    }

    /** The effective value of a defined key (typed as {@link Parameter#type()} says), if it is one. */
    public Optional<Object> value(String key) {
        return Optional.ofNullable(typed.get(key));
    }

    /** The text of any key, as written in the file or the default; null when absent. */
    public String text(String key) {
        return texts.get(key);
    }

    /** Every key and its text: the parameters, the per-rule weights and a company's own keys. */
    public Map<String, String> texts() {
        return texts;
    }

    /** Whether the key keeps its default, was changed, or is no parameter of the procedure. */
    public Origin origin(String key) {
        Optional<Parameter<?>> definition = Parameters.find(key);
        if (definition.isPresent()) {
            return Objects.equals(typed.get(key), definition.get().defaultValue()) ? Origin.DEFAULT : Origin.CHANGED;
        }
        if (Parameters.isRuleWeight(key)
                && ruleWeights.containsKey(key.substring(Parameters.RULE_WEIGHT_PREFIX.length()))) {
            return Origin.CHANGED;
        }
        return Origin.ADDED;
    }

    /** Where the key was given (file line), when a file gave it. */
    public Optional<ParameterFile.Entry> entry(String key) {
        return Optional.ofNullable(given.get(key));
    }

    /** The file the values were read from, or null for the defaults alone. */
    public String source() {
        return source;
    }

    /** The staff-evaluation weight of a violation of the rule: {@code weight.RULE_ID}, else its severity's (4.4). */
    public int weight(String ruleId, ViolationSeverity severity) {
        Integer own = ruleWeights.get(ruleId);
        return own != null ? own : severityWeight(severity);
    }

    /** The staff-evaluation weight of a severity: {@code weight.ERROR} or {@code weight.WARNING} (4.4). */
    public int severityWeight(ViolationSeverity severity) {
        return severity == ViolationSeverity.ERROR ? get(Parameters.WEIGHT_ERROR) : get(Parameters.WEIGHT_WARNING);
    }

    /** The rules given their own weight, by rule id. */
    public Map<String, Integer> ruleWeights() {
        return ruleWeights;
    }

    /** What the file holds that is not wrong but looks it: keys given twice. */
    public List<ProcedureProblem> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterValues v
                && v.typed.equals(typed)
                && v.ruleWeights.equals(ruleWeights)
                && v.texts.equals(texts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typed, ruleWeights, texts);
    }

    @Override
    public String toString() {
        return "ParameterValues" + texts;
    }
}
