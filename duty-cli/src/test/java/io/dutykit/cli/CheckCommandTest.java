package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dutykit.core.procedure.RuleCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    static final Path EXAMPLE = Path.of("../examples/data/garden-court.json");
    static final String AS_OF = "2026-11-30T23:00:00+08:00";

    @TempDir
    static Path dir;

    static Path generated;

    @BeforeAll
    static void generate() {
        generated = dir.resolve("three-sites.json");
        Cli cli = Cli.run("generate", "--sites", "3", "--months", "1", "--seed", "7", "--out", generated.toString());
        assertThat(cli.exit()).as(cli.toString()).isZero();
    }

    @Test
    void a_clean_check_of_the_example_lists_violations_by_date_and_fails_on_errors() {
        Cli cli = Cli.run("check", EXAMPLE.toString(), "--as-of", AS_OF);

        assertThat(cli.out()).contains("site garden-court").contains("clause");
        assertThat(cli.err()).isEmpty();
        boolean hasErrors = cli.out().contains(" ERROR ");
        assertThat(cli.exit()).isEqualTo(hasErrors ? 1 : 0);
    }

    @Test
    void json_output_follows_the_dutykit_violations_format() throws IOException {
        Cli cli = Cli.run("check", EXAMPLE.toString(), "--as-of", AS_OF, "--format", "json", "--fail-on", "WARNING");

        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("format").asText()).isEqualTo("dutykit-violations/1");
        assertThat(json.get("site").asText()).isEqualTo("garden-court");
        assertThat(json.get("period").get("from").asText()).isEqualTo("2026-11-01");
        assertThat(json.get("period").get("to").asText()).isEqualTo("2026-11-30");
        int errors = json.get("summary").get("ERROR").asInt();
        int warnings = json.get("summary").get("WARNING").asInt();
        assertThat(json.get("violations")).hasSize(errors + warnings);
        for (JsonNode v : json.get("violations")) {
            assertThat(v.fieldNames())
                    .toIterable()
                    .contains("site", "rule", "clause", "severity", "subject", "staff", "date", "at", "message");
        }
        assertThat(cli.exit()).isEqualTo(errors + warnings > 0 ? 1 : 0);
    }

    @Test
    void both_engines_agree_on_a_generated_multi_site_dataset() throws IOException {
        Cli drools = Cli.run("check", generated.toString(), "--as-of", AS_OF, "--format", "json");
        Cli reference =
                Cli.run("check", generated.toString(), "--as-of", AS_OF, "--format", "json", "--engine", "reference");

        JsonNode a = new ObjectMapper().readTree(drools.out());
        JsonNode b = new ObjectMapper().readTree(reference.out());
        assertThat(a.has("site")).as("several sites: no top-level site").isFalse();
        assertThat(a.get("violations").size()).isPositive();
        assertThat(keys(a)).isEqualTo(keys(b));
        assertThat(drools.exit()).isEqualTo(reference.exit()).isEqualTo(1);
    }

    private static java.util.List<String> keys(JsonNode json) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        json.get("violations")
                .forEach(v -> keys.add(v.get("site").asText() + " "
                        + v.get("rule").asText() + " " + v.get("subject").asText() + " " + v.get("staff") + " "
                        + v.get("date").asText() + " " + v.get("at").asText()));
        return keys;
    }

    @Test
    void junit_output_has_one_test_case_per_rule_that_fired() {
        Cli cli = Cli.run("check", generated.toString(), "--as-of", AS_OF, "--format", "junit");

        assertThat(cli.out())
                .startsWith("<?xml")
                .contains("<testsuites")
                .contains("<testcase classname=\"dutykit.")
                .contains("<failure type=\"ERROR\"");
    }

    @Test
    void sarif_output_is_sarif_2_1_0_with_rules_and_results() throws IOException {
        Cli cli = Cli.run("check", generated.toString(), "--as-of", AS_OF, "--format", "sarif", "--lang", "zh");

        JsonNode sarif = new ObjectMapper().readTree(cli.out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("DutyKit");
        assertThat(run.get("results").size()).isPositive();
        JsonNode first = run.get("results").get(0);
        assertThat(first.get("level").asText()).isIn("error", "warning");
        assertThat(run.get("tool")
                        .get("driver")
                        .get("rules")
                        .get(first.get("ruleIndex").asInt())
                        .get("id")
                        .asText())
                .isEqualTo(first.get("ruleId").asText());
    }

    @Test
    void chinese_text_output_names_the_clause_in_chinese() {
        Cli cli = Cli.run("check", generated.toString(), "--as-of", AS_OF, "--lang", "zh");

        assertThat(cli.out()).contains("条款").contains("站点");
    }

    @Test
    void a_folder_of_site_files_is_read_like_an_array() {
        Path folder = dir.resolve("sites");
        assertThat(Cli.run("generate", "--sites", "3", "--months", "1", "--seed", "7", "--out", folder + "/")
                        .exit())
                .isZero();

        Cli fromFolder = Cli.run("check", folder.toString(), "--as-of", AS_OF, "--format", "json");
        Cli fromArray = Cli.run("check", generated.toString(), "--as-of", AS_OF, "--format", "json");

        assertThat(fromFolder.out()).isEqualTo(fromArray.out());
    }

    @Test
    void generate_is_deterministic() throws IOException {
        Path again = dir.resolve("again.json");
        assertThat(Cli.run("generate", "--sites", "3", "--months", "1", "--seed", "7", "--out", again.toString())
                        .exit())
                .isZero();

        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(generated));
    }

    /**
     * {@code generate --lapse-rate 0.25} makes data on which every rule of the catalogue that a dataset
     * can break fires (all but LOG_CHAIN_BROKEN, which needs an exported log), on both engines. Eight
     * sites: the monthly and quarterly rules have one chance a month (ROSTER_LATE, SPOT_CHECKS_TOO_FEW,
     * PROCESS_REVIEW_MISSING), so four sites over two months leave one of them silent now and then.
     */
    @Test
    void data_generated_full_of_lapses_breaks_every_rule_a_dataset_can_break() throws IOException {
        Path lapses = dir.resolve("lapses.json");
        Cli generate = Cli.run(
                "generate",
                "--sites",
                "8",
                "--months",
                "2",
                "--seed",
                "99",
                "--lapse-rate",
                "0.25",
                "--out",
                lapses.toString());
        assertThat(generate.exit()).as(generate.toString()).isZero();
        assertThat(generate.out()).contains("lapse rate 0.25");
        Set<String> catalogue = new TreeSet<>();
        RuleCatalogue.defaults().entries().forEach(rule -> catalogue.add(rule.id()));
        catalogue.remove("LOG_CHAIN_BROKEN");
        assertThat(catalogue)
                .as("the 27 first-round rules and the eleven of SPEC 4.1")
                .hasSize(38);

        for (String engine : new String[] {"drools", "reference"}) {
            Cli check = Cli.run(
                    "check",
                    lapses.toString(),
                    "--as-of",
                    "2027-01-20T09:00:00+08:00",
                    "--format",
                    "json",
                    "--engine",
                    engine);
            Set<String> fired = new TreeSet<>();
            new ObjectMapper()
                    .readTree(check.out())
                    .get("violations")
                    .forEach(v -> fired.add(v.get("rule").asText()));

            assertThat(fired).as(engine).isEqualTo(catalogue);
        }
    }

    @Test
    void malformed_json_is_bad_input_with_one_clear_line_and_no_stack_trace() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"dutykit/1\", \"site\": {", StandardCharsets.UTF_8);

        Cli cli = Cli.run("check", bad.toString());

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("duty: ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void an_unknown_field_is_refused_naming_its_json_path() throws IOException {
        String json = Files.readString(EXAMPLE).replaceFirst("\"zone\"", "\"timezone\": \"x\", \"zone\"");
        Path bad = dir.resolve("unknown-field.json");
        Files.writeString(bad, json);

        Cli cli = Cli.run("check", bad.toString());

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("$.site.timezone");
    }

    @Test
    void bad_options_are_usage_errors() {
        assertThat(Cli.run("check", EXAMPLE.toString(), "--format", "xml").exit())
                .isEqualTo(2);
        assertThat(Cli.run("check", EXAMPLE.toString(), "--from", "2026-13-01").err())
                .contains("--from 2026-13-01");
        assertThat(Cli.run("check", EXAMPLE.toString(), "--as-of", "yesterday").err())
                .contains("--as-of yesterday");
        assertThat(Cli.run("check").err()).contains("exactly one");
        assertThat(Cli.run("check", "no-such-file.json").exit()).isEqualTo(2);
        assertThat(Cli.run("check", EXAMPLE.toString(), "--max-input-mb", "0").exit())
                .isEqualTo(2);
    }

    @Test
    void every_command_has_help() {
        for (String command :
                new String[] {"check", "verify", "report", "import", "export", "generate", "simulate", "demo", "rules"
                }) {
            Cli cli = Cli.run(command, "--help");
            assertThat(cli.exit()).as(command).isZero();
            assertThat(cli.out()).as(command).contains("Usage: duty " + command);
        }
        assertThat(Cli.run("--help").out()).contains("check").contains("demo");
    }
}
