package io.dutykit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.DutyKitException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.NearMiss;
import io.dutykit.core.procedure.RuleCatalogue;
import io.dutykit.core.procedure.RuleEntry;
import io.dutykit.dataset.DatasetException;
import io.dutykit.dataset.DatasetReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs rule scenarios (SPEC sections 6 and 6.1): JSON files {@code {"name", "dataset" | "datasetFile" |
 * "base" (+ "patch"), "from", "to", "asOf", "expect": [{"rule", "subject", "severity"?}]}} where {@code
 * expect} is the exact set of violations. {@code base} names a shared dataset file and {@code patch} is
 * a JSON merge patch (RFC 7386) on it, so a scenario holds only what it changes. Every {@code *.json}
 * file of the folder (sub-folders included) that is not itself a dataset (an object with {@code
 * "format"}, or a list) is a scenario; file paths are relative to the scenario's own file.
 *
 * <p>A scenario that cannot run — malformed JSON, an invalid dataset, an expectation naming a rule that
 * is not in effect — is not a failure but bad input: its {@link ScenarioResult#problem} names the file,
 * line and column, in English and Chinese.
 */
public final class ScenarioRunner {
    private static final Set<String> FIELDS =
            Set.of("name", "dataset", "datasetFile", "base", "patch", "from", "to", "asOf", "expect");
    private static final Set<String> EXPECT_FIELDS = Set.of("rule", "subject", "severity");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcedureRules rules;
    private final RuleCatalogue catalogue;
    private final DatasetReader reader = new DatasetReader();

    /** Scenarios run against these rules; expectations may name the rules of their catalogue. */
    public ScenarioRunner(ProcedureRules rules) {
        this(rules, rules instanceof DroolsProcedureRules drools ? drools.catalogue() : RuleCatalogue.defaults());
    }

    /** Scenarios run against these rules; expectations may name the rules of {@code catalogue}. */
    public ScenarioRunner(ProcedureRules rules, RuleCatalogue catalogue) {
        this.rules = rules;
        this.catalogue = catalogue;
    }

    /**
     * Runs every scenario of the folder, in file-name order.
     *
     * @throws RulesException when the folder cannot be read
     */
    public List<ScenarioResult> run(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new RulesException("the scenario folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (Path file : files) {
            String relative = relative(folder, file);
            String text;
            JsonNode root;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
                root = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                results.add(couldNot(relative, relative, JsonLocations.syntaxError(relative, e)));
                continue;
            } catch (IOException e) {
                results.add(couldNot(relative, relative, problem(relative, 0, 0, "FILE_REFUSED", e.getMessage())));
                continue;
            }
            if (root == null || root.isArray() || (root.isObject() && root.has("format"))) {
                continue; // a dataset used by scenarios, not a scenario
            }
            results.add(run(folder, relative, file, root, JsonLocations.of(text)));
        }
        return results;
    }

    private ScenarioResult run(Path folder, String relative, Path file, JsonNode root, JsonLocations places) {
        String name = root.path("name").isTextual() ? root.path("name").asText() : relative;
        try {
            if (!root.isObject()) {
                throw new ScenarioException("$", "SCENARIO_NOT_OBJECT");
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!FIELDS.contains(field)) {
                    throw new ScenarioException("$." + field, "SCENARIO_UNKNOWN_FIELD", "$." + field)
                            .suggesting(NearMiss.nearest(field, FIELDS).orElse(null));
                }
            }
            text(root, "name");
            SiteRecords records = dataset(folder, relative, file, root, places);
            LocalDate from = date(root, "from");
            LocalDate to = date(root, "to");
            Instant asOf = instant(root, "asOf");
            Map<String, ViolationSeverity> expected = expected(root);
            Map<String, ViolationSeverity> found = new TreeMap<>();
            List<String> actual = new ArrayList<>();
            for (Violation v : rules.evaluate(records, new CheckPeriod(from, to), asOf)) {
                String key = v.rule() + " " + v.subject();
                found.putIfAbsent(key, v.severity());
                actual.add(key);
            }
            List<String> missing = new ArrayList<>();
            expected.forEach((key, severity) -> {
                ViolationSeverity was = found.get(key);
                if (was == null) {
                    missing.add(severity == null ? key : key + " (" + severity + ")");
                } else if (severity != null && severity != was) {
                    missing.add(key + " (" + severity + ")");
                }
            });
            List<String> extra = new ArrayList<>();
            found.forEach((key, severity) -> {
                ViolationSeverity meant = expected.get(key);
                if (!expected.containsKey(key)) {
                    extra.add(key);
                } else if (meant != null && meant != severity) {
                    extra.add(key + " (" + severity + ")");
                }
            });
            return new ScenarioResult(relative, name, missing, extra, null, actual);
        } catch (ScenarioException e) {
            int[] at = places.find(e.path);
            return couldNot(
                    relative,
                    name,
                    RuleProblem.of(RuleProblem.Level.ERROR, relative, at[0], at[1], e.kind, e.suggestion, e.arguments));
        } catch (LocatedProblem e) {
            return couldNot(relative, name, e.problem);
        } catch (DutyKitException e) {
            return couldNot(relative, name, problem(relative, 0, 0, "SCENARIO_DATASET", e.getMessage()));
        }
    }

    private static ScenarioResult couldNot(String file, String name, RuleProblem problem) {
        return new ScenarioResult(file, name, List.of(), List.of(), problem, List.of());
    }

    private static RuleProblem problem(String file, int line, int column, String kind, Object... arguments) {
        return RuleProblem.of(RuleProblem.Level.ERROR, file, line, column, kind, null, arguments);
    }

    private SiteRecords dataset(Path folder, String relative, Path file, JsonNode root, JsonLocations places) {
        int given = (root.has("dataset") ? 1 : 0) + (root.has("datasetFile") ? 1 : 0) + (root.has("base") ? 1 : 0);
        if (given != 1) {
            throw new ScenarioException(
                    root.has("patch") && given == 0 ? "$.patch" : "$",
                    root.has("patch") && given == 0 ? "SCENARIO_PATCH_WITHOUT_BASE" : "SCENARIO_ONE_DATASET");
        }
        if (root.has("patch") && !root.has("base")) {
            throw new ScenarioException("$.patch", "SCENARIO_PATCH_WITHOUT_BASE");
        }
        if (root.has("dataset")) {
            try {
                return reader.read(root.get("dataset"), "$.dataset");
            } catch (DatasetException e) {
                throw located(relative, places, e.path(), e.getMessage());
            }
        }
        String field = root.has("base") ? "base" : "datasetFile";
        Path data = file.resolveSibling(text(root, field)).normalize();
        if (!Files.isRegularFile(data)) {
            throw new ScenarioException("$." + field, "SCENARIO_FILE_MISSING", "$." + field, text(root, field));
        }
        String dataName = relative(folder, data);
        String dataText;
        try {
            dataText = Files.readString(data, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocatedProblem(problem(dataName, 0, 0, "FILE_REFUSED", e.getMessage()));
        }
        JsonLocations dataPlaces = JsonLocations.of(dataText);
        if (field.equals("datasetFile")) {
            try {
                return reader.read(data);
            } catch (DatasetException e) {
                int[] at = dataPlaces.find(e.path());
                throw new LocatedProblem(problem(dataName, at[0], at[1], "SCENARIO_DATASET", e.getMessage()));
            }
        }
        JsonNode base;
        try {
            base = JSON.readTree(dataText);
        } catch (JsonProcessingException e) {
            throw new LocatedProblem(JsonLocations.syntaxError(dataName, e));
        }
        JsonNode patch = root.get("patch");
        JsonNode merged = patch == null ? base : mergePatch(base.deepCopy(), patch);
        try {
            return reader.read(merged, "$");
        } catch (DatasetException e) {
            // the error is in the patch when the patch gives that value, else in the base file
            String inPatch = "$.patch" + e.path().substring(1);
            if (patch != null && places.has(inPatch)) {
                throw located(relative, places, inPatch, e.getMessage());
            }
            int[] at = dataPlaces.find(e.path());
            throw new LocatedProblem(problem(dataName, at[0], at[1], "SCENARIO_DATASET", e.getMessage()));
        }
    }

    private static LocatedProblem located(String file, JsonLocations places, String path, String message) {
        int[] at = places.find(path);
        return new LocatedProblem(problem(file, at[0], at[1], "SCENARIO_DATASET", message));
    }

    /**
     * RFC 7386 JSON merge patch: an object patch sets each of its members on the target (a {@code null}
     * member removes it; an object member merges into the target's); any other patch replaces the target.
     */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result =
                target != null && target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ScenarioException("$." + field, "SCENARIO_REQUIRED_TEXT", "$." + field);
        }
        return node.asText();
    }

    private static LocalDate date(JsonNode root, String field) {
        String value = text(root, field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ScenarioException("$." + field, "SCENARIO_DATE", "$." + field, value);
        }
    }

    private static Instant instant(JsonNode root, String field) {
        String value = text(root, field);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ScenarioException("$." + field, "SCENARIO_INSTANT", "$." + field, value);
        }
    }

    /** The expectations as {@code RULE subject} with the severity named (or null); structure first, then rule ids. */
    private Map<String, ViolationSeverity> expected(JsonNode root) {
        JsonNode expect = root.get("expect");
        if (expect == null || !expect.isArray()) {
            throw new ScenarioException("$.expect", "SCENARIO_EXPECT_LIST");
        }
        Map<String, ViolationSeverity> map = new LinkedHashMap<>();
        for (int i = 0; i < expect.size(); i++) {
            JsonNode item = expect.get(i);
            String path = "$.expect[" + i + "]";
            if (!item.isObject()
                    || !item.path("rule").isTextual()
                    || !item.path("subject").isTextual()) {
                throw new ScenarioException(path, "SCENARIO_EXPECT_ITEM", path);
            }
            for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!EXPECT_FIELDS.contains(field)) {
                    throw new ScenarioException(path + "." + field, "SCENARIO_EXPECT_FIELD", path + "." + field)
                            .suggesting(NearMiss.nearest(field, EXPECT_FIELDS).orElse(null));
                }
            }
            ViolationSeverity severity = null;
            if (item.has("severity")) {
                String text = item.get("severity").asText("");
                try {
                    severity = ViolationSeverity.valueOf(text.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new ScenarioException(
                                    path + ".severity", "SCENARIO_EXPECT_SEVERITY", path + ".severity", text)
                            .suggesting(NearMiss.nearest(
                                            text.toUpperCase(Locale.ROOT),
                                            List.of(ViolationSeverity.ERROR.name(), ViolationSeverity.WARNING.name()))
                                    .orElse(null));
                }
            }
            map.put(item.get("rule").asText() + " " + item.get("subject").asText(), severity);
        }
        List<String> ids = catalogue.entries().stream().map(RuleEntry::id).toList();
        for (int i = 0; i < expect.size(); i++) {
            String rule = expect.get(i).get("rule").asText();
            if (!catalogue.contains(rule)) {
                String path = "$.expect[" + i + "].rule";
                throw new ScenarioException(path, "SCENARIO_UNKNOWN_RULE", "$.expect[" + i + "]", rule)
                        .suggesting(NearMiss.nearest(rule, ids).orElse(null));
            }
        }
        return map;
    }

    /** A scenario file is malformed at a JSON path: a kind of the bundles and its arguments. */
    static final class ScenarioException extends DutyKitException {
        private static final long serialVersionUID = 1L;
        final String path;
        final String kind;
        final transient Object[] arguments;
        String suggestion;

        ScenarioException(String path, String kind, Object... arguments) {
            super(path + " " + kind);
            this.path = path;
            this.kind = kind;
            this.arguments = arguments;
        }

        ScenarioException suggesting(String value) {
            this.suggestion = value;
            return this;
        }
    }

    /** A problem already placed in a file (a dataset's, a base file's). */
    private static final class LocatedProblem extends DutyKitException {
        private static final long serialVersionUID = 1L;
        final transient RuleProblem problem;

        LocatedProblem(RuleProblem problem) {
            super(problem.message());
            this.problem = problem;
        }
    }
}
