package io.dutykit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dutykit.core.DutyKitException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.dataset.DatasetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs rule scenarios (SPEC section 6): JSON files {@code {"name", "dataset" | "datasetFile", "from",
 * "to", "asOf", "expect": [{"rule", "subject"}]}} where {@code expect} is the exact set of
 * violations. Every {@code *.json} file of the folder (sub-folders included) that is not itself a
 * dataset (an object with {@code "format"}, or a list) is a scenario; {@code datasetFile} is relative
 * to the scenario's own file.
 */
public final class ScenarioRunner {
    private static final Set<String> FIELDS = Set.of("name", "dataset", "datasetFile", "from", "to", "asOf", "expect");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcedureRules rules;
    private final DatasetReader reader = new DatasetReader();

    public ScenarioRunner(ProcedureRules rules) {
        this.rules = rules;
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
            String relative = folder.relativize(file).toString().replace('\\', '/');
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (IOException e) {
                results.add(new ScenarioResult(
                        relative,
                        relative,
                        List.of(),
                        List.of(),
                        "not valid JSON: " + e.getMessage().lines().findFirst().orElse("")));
                continue;
            }
            if (root == null || root.isArray() || (root.isObject() && root.has("format"))) {
                continue; // a dataset used by scenarios, not a scenario
            }
            results.add(run(relative, file, root));
        }
        return results;
    }

    private ScenarioResult run(String relative, Path file, JsonNode root) {
        String name = root.path("name").isTextual() ? root.path("name").asText() : relative;
        try {
            if (!root.isObject()) {
                throw new ScenarioException("$", "a scenario is a JSON object");
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!FIELDS.contains(field)) {
                    throw new ScenarioException(
                            "$." + field,
                            "is not a scenario field; use name, dataset or datasetFile, from, to, asOf, expect");
                }
            }
            text(root, "name");
            SiteRecords records = dataset(file, root);
            LocalDate from = date(root, "from");
            LocalDate to = date(root, "to");
            Instant asOf = instant(root, "asOf");
            Set<String> expected = expected(root);
            Set<String> actual = new TreeSet<>();
            for (Violation v : rules.evaluate(records, new CheckPeriod(from, to), asOf)) {
                actual.add(v.rule() + " " + v.subject());
            }
            List<String> missing =
                    expected.stream().filter(e -> !actual.contains(e)).toList();
            List<String> extra =
                    actual.stream().filter(a -> !expected.contains(a)).toList();
            return new ScenarioResult(relative, name, missing, extra, null);
        } catch (ScenarioException e) {
            return new ScenarioResult(relative, name, List.of(), List.of(), e.getMessage());
        } catch (DutyKitException e) {
            return new ScenarioResult(relative, name, List.of(), List.of(), e.getMessage());
        }
    }

    private SiteRecords dataset(Path file, JsonNode root) {
        boolean inline = root.has("dataset");
        boolean external = root.has("datasetFile");
        if (inline == external) {
            throw new ScenarioException(
                    "$",
                    "give exactly one of \"dataset\" (the data itself) or \"datasetFile\" (a path relative to the scenario)");
        }
        if (inline) {
            return reader.read(root.get("dataset"), "$.dataset");
        }
        Path data = file.resolveSibling(text(root, "datasetFile")).normalize();
        if (!Files.isRegularFile(data)) {
            throw new ScenarioException("$.datasetFile", "names " + data + ", which does not exist");
        }
        return reader.read(data);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ScenarioException("$." + field, "is required and must be a non-empty text");
        }
        return node.asText();
    }

    private static LocalDate date(JsonNode root, String field) {
        String value = text(root, field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ScenarioException("$." + field, "\"" + value + "\" is not a date; write YYYY-MM-DD");
        }
    }

    private static Instant instant(JsonNode root, String field) {
        String value = text(root, field);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ScenarioException(
                    "$." + field, "\"" + value + "\" is not an instant with an offset, e.g. 2026-11-02T17:25:00+08:00");
        }
    }

    private static Set<String> expected(JsonNode root) {
        JsonNode expect = root.get("expect");
        if (expect == null || !expect.isArray()) {
            throw new ScenarioException("$.expect", "is required: the list of expected violations, [] for none");
        }
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < expect.size(); i++) {
            JsonNode item = expect.get(i);
            String path = "$.expect[" + i + "]";
            if (!item.isObject()
                    || !item.path("rule").isTextual()
                    || !item.path("subject").isTextual()) {
                throw new ScenarioException(path, "must be {\"rule\": \"…\", \"subject\": \"…\"}");
            }
            for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!field.equals("rule") && !field.equals("subject")) {
                    throw new ScenarioException(
                            path + "." + field, "is not an expectation field; use rule and subject");
                }
            }
            set.add(item.get("rule").asText() + " " + item.get("subject").asText());
        }
        return set;
    }

    /** A scenario file is malformed; the message names the JSON path. */
    static final class ScenarioException extends DutyKitException {
        private static final long serialVersionUID = 1L;

        ScenarioException(String path, String message) {
            super(path + " " + message);
        }
    }
}
