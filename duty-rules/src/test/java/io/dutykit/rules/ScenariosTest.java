package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.dataset.DatasetReader;
import io.dutykit.reference.ReferenceProcedureRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default scenarios shipped in duty-rules/scenarios pass, cover every rule both ways, and the
 * reference engine reports exactly what Drools reports on each of them.
 */
class ScenariosTest {
    private static final Path SCENARIOS = Path.of("scenarios");

    @Test
    void every_shipped_scenario_passes() {
        List<ScenarioResult> results = new ScenarioRunner(DroolsProcedureRules.defaults()).run(SCENARIOS);
        // the 54 of the first catalogue and the 29 of the second round (issue 14)
        assertThat(results).hasSize(83);
        assertThat(results)
                .filteredOn(r -> !r.passed())
                .extracting(ScenarioResult::line)
                .isEmpty();
    }

    @Test
    void every_rule_has_a_violating_and_a_boundary_scenario() throws IOException {
        Set<String> files = new TreeSet<>();
        try (var list = Files.list(SCENARIOS)) {
            list.forEach(p -> files.add(p.getFileName().toString()));
        }
        for (String rule : DefaultRuleIds.ALL) {
            String stem = rule.toLowerCase().replace('_', '-');
            assertThat(files).as(rule).contains(stem + "-violated.json", stem + "-boundary.json");
        }
    }

    @Test
    void the_reference_engine_reports_the_same_violations_and_arguments_on_every_scenario() throws IOException {
        ReferenceProcedureRules reference = new ReferenceProcedureRules();
        DatasetReader reader = new DatasetReader();
        ObjectMapper json = new ObjectMapper();
        JsonNode base = json.readTree(SCENARIOS.resolve("base.json").toFile());
        int compared = 0;
        try (var list = Files.list(SCENARIOS)) {
            for (Path file :
                    list.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode scenario = json.readTree(file.toFile());
                if (!scenario.has("base")) {
                    continue;
                }
                SiteRecords records =
                        reader.read(ScenarioRunner.mergePatch(base.deepCopy(), scenario.get("patch")), "$");
                CheckPeriod period = new CheckPeriod(
                        LocalDate.parse(scenario.get("from").asText()),
                        LocalDate.parse(scenario.get("to").asText()));
                Instant asOf =
                        OffsetDateTime.parse(scenario.get("asOf").asText()).toInstant();
                assertThat(sorted(reference.evaluate(records, period, asOf)))
                        .as(file.getFileName().toString())
                        .isEqualTo(sorted(DroolsProcedureRules.defaults().evaluate(records, period, asOf)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(83);
    }

    private static List<String> sorted(List<Violation> violations) {
        return violations.stream().map(Violation::toString).sorted().toList();
    }

    @Test
    void a_failing_scenario_reports_what_is_missing_and_extra(@TempDir Path dir) throws IOException {
        String scenario = Files.readString(SCENARIOS.resolve("call-missed-violated.json"))
                .replace("\"rule\": \"CALL_MISSED\"", "\"rule\": \"CALL_ANSWERED_LATE\"");
        Files.copy(SCENARIOS.resolve("base.json"), dir.resolve("base.json"));
        Files.writeString(dir.resolve("wrong.json"), scenario);
        ScenarioResult result =
                new ScenarioRunner(DroolsProcedureRules.defaults()).run(dir).get(0);
        assertThat(result.passed()).isFalse();
        assertThat(result.missing()).containsExactly("CALL_ANSWERED_LATE c-1");
        assertThat(result.extra()).containsExactly("CALL_MISSED c-1");
        assertThat(result.line()).startsWith("FAIL wrong.json");
    }

    @Test
    void a_scenario_may_name_a_dataset_file_and_datasets_are_not_run_as_scenarios(@TempDir Path dir)
            throws IOException {
        // the shipped scenario's whole dataset (its base with its patch applied) in a file of its own
        ObjectMapper json = new ObjectMapper();
        ObjectNode scenario = (ObjectNode)
                json.readTree(SCENARIOS.resolve("call-missed-violated.json").toFile());
        JsonNode dataset = ScenarioRunner.mergePatch(
                json.readTree(SCENARIOS.resolve("base.json").toFile()), scenario.get("patch"));
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/site.json"), json.writeValueAsString(dataset));
        scenario.remove("base");
        scenario.remove("patch");
        scenario.put("datasetFile", "data/site.json");
        Files.writeString(dir.resolve("by-file.json"), json.writeValueAsString(scenario));
        List<ScenarioResult> results = new ScenarioRunner(DroolsProcedureRules.defaults()).run(dir);
        assertThat(results)
                .extracting(ScenarioResult::line)
                .containsExactly("PASS by-file.json — " + results.get(0).name());
    }

    @Test
    void a_malformed_scenario_fails_with_the_json_path(@TempDir Path dir) throws IOException {
        String site = "{\"format\": \"dutykit/1\", \"site\": {\"id\": \"s\", \"zone\": \"Asia/Shanghai\"}}";
        String fields = "\"name\": \"x\", \"to\": \"2026-11-02\", \"asOf\": \"2026-11-04T12:00:00+08:00\"";
        Files.writeString(
                dir.resolve("a-dataset.json"),
                "{" + fields + ", \"from\": \"2026-11-02\", \"dataset\": {}, \"expect\": []}");
        Files.writeString(
                dir.resolve("b-from.json"),
                "{" + fields + ", \"from\": \"2 Nov\", \"dataset\": " + site + ", \"expect\": []}");
        Files.writeString(
                dir.resolve("c-expect.json"),
                "{" + fields + ", \"from\": \"2026-11-02\", \"dataset\": " + site
                        + ", \"expect\": [{\"rule\": \"X\", \"subject\": \"y\"}, {\"rule\": \"X\"}]}");

        List<ScenarioResult> results = new ScenarioRunner(DroolsProcedureRules.defaults()).run(dir);

        assertThat(results).noneMatch(ScenarioResult::passed);
        assertThat(results)
                .extracting(ScenarioResult::error)
                .containsExactly(
                        "$.dataset.format: missing; expected exactly \"dutykit/1\" (a required field)",
                        "$.from \"2 Nov\" is not a date; write YYYY-MM-DD",
                        "$.expect[1] must be {\"rule\": \"…\", \"subject\": \"…\"} (and optionally \"severity\")");
        assertThat(results)
                .extracting(r -> r.problem().line() + ":" + r.problem().column())
                .containsExactly("1:94", "1:72", "1:218");
    }
}
