package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @TempDir
    Path dir;

    @Test
    void the_default_scenarios_all_pass_and_the_closing_line_counts_them() {
        Cli cli = Cli.run("rules", "test", "../duty-rules/scenarios", "--lang", "en");

        assertThat(cli.exit()).as(cli.toString()).isZero();
        assertThat(cli.out()).containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void a_failing_scenario_names_what_was_missing_and_exits_1() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("../examples/data/garden-court.json"), dir.resolve("data/garden-court.json"));
        Files.writeString(dir.resolve("wrong.json"), """
                {"name": "expects a violation that is not there", "datasetFile": "data/garden-court.json",
                 "from": "2026-11-01", "to": "2026-11-01", "asOf": "2026-11-01T12:00:00+08:00",
                 "expect": [{"rule": "ROSTER_LATE", "subject": "2026-11"}]}
                """);

        Cli cli = Cli.run("rules", "test", dir.toString(), "--lang", "en");

        assertThat(cli.exit()).as(cli.toString()).isEqualTo(1);
        assertThat(cli.out()).contains("FAIL").contains("ROSTER_LATE").containsPattern("(?m)^0 passed, 1 failed$");
    }

    @Test
    void validate_accepts_a_company_rule_and_reports_a_broken_one_with_file_and_line() throws IOException {
        Path good = Files.createDirectories(dir.resolve("good"));
        Files.writeString(good.resolve("company.drl"), """
                package io.dutykit.rules.company

                import io.dutykit.rules.fact.CheckContext;

                // a company rule that never fires, just to show a folder compiles
                rule "COMPANY_NOTHING" @id(COMPANY_NOTHING) @clause("G2") @severity(WARNING)
                when
                    CheckContext( false )
                then
                end
                """);
        Files.writeString(
                good.resolve("messages.properties"), "COMPANY_NOTHING.title=Nothing\nCOMPANY_NOTHING=never\n");
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("broken.drl"), """
                package io.dutykit.rules.company

                rule "BROKEN"
                when
                    ThisFactDoesNotExist( )
                then
                end
                """);

        Cli ok = Cli.run("rules", "validate", good.toString());
        Cli broken = Cli.run("rules", "validate", bad.toString());

        assertThat(ok.exit()).as(ok.toString()).isZero();
        assertThat(broken.exit()).as(broken.toString()).isEqualTo(2);
        assertThat(broken.out()).contains("broken.drl").contains("ERROR");
    }

    @Test
    void a_missing_folder_is_bad_input() {
        assertThat(Cli.run("rules", "validate", dir.resolve("nope").toString()).exit())
                .isEqualTo(2);
        assertThat(Cli.run("rules", "test", dir.resolve("nope").toString()).exit())
                .isEqualTo(2);
    }

    @Test
    void init_refuses_a_folder_that_is_not_empty_and_writes_nothing() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(folder.resolve("notes.md"), "ours");

        Cli init = Cli.run("rules", "init", folder.toString(), "--lang", "en");

        assertThat(init.exit()).as(init.toString()).isEqualTo(2);
        assertThat(init.err()).startsWith("duty: ").contains("is not empty");
        try (var files = Files.list(folder)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void the_language_of_the_rules_commands_follows_the_locale_unless_lang_says() {
        Path folder = dir.resolve("lang");
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
            Cli chinese = Cli.run("rules", "init", folder.toString());
            Cli english = Cli.run("rules", "validate", folder.toString(), "--lang", "en");
            assertThat(chinese.out()).contains("已写入");
            assertThat(english.out()).contains("0 error(s), 0 warning(s)");
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertThat(Cli.run("rules", "validate", folder.toString()).out()).contains("0 error(s)");
    }

    @Test
    void list_shows_each_rule_with_its_origin_and_the_values_in_effect() throws IOException {
        Path folder = dir.resolve("list");
        Cli.run("rules", "init", folder.toString(), "--lang", "en");
        Path parameters = folder.resolve("procedure.properties");
        Files.writeString(parameters, Files.readString(parameters).replace("phone.maxRings=3", "phone.maxRings=4"));

        Cli json = Cli.run("rules", "list", "--rules", folder.toString(), "--format", "json");
        Cli text = Cli.run("rules", "list", "--rules", folder.toString(), "--lang", "zh");

        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(json.out())
                .contains("\"format\" : \"dutykit-rules/1\"")
                .contains("\"origin\" : \"ADDED\"")
                .contains("\"zh\" : \"夜间巡查次数不足\"");
        assertThat(text.out())
                .contains("NIGHT_PATROL_TOO_FEW  条款 G2  WARNING  新增  扣分 2")
                .contains("读取：phone.maxRings=4（已修改，默认 3）")
                .containsPattern("phone\\.maxRings=4 +已修改，默认 3");
    }

    @Test
    void test_exits_2_when_a_scenario_names_a_rule_that_does_not_exist() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("../examples/data/garden-court.json"), dir.resolve("data/garden-court.json"));
        Files.writeString(dir.resolve("typo.json"), """
                {"name": "a typo", "datasetFile": "data/garden-court.json",
                 "from": "2026-11-01", "to": "2026-11-01", "asOf": "2026-11-01T12:00:00+08:00",
                 "expect": [{"rule": "ROSTER_LTAE", "subject": "2026-11"}]}
                """);

        Cli cli = Cli.run("rules", "test", dir.toString(), "--lang", "en");

        assertThat(cli.exit()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.out())
                .contains("ERROR typo.json:3:14 — $.expect[0] names the rule ROSTER_LTAE")
                .contains("did you mean ROSTER_LATE?")
                .containsPattern("(?m)^0 passed, 0 failed, 1 could not run$");
    }

    @Test
    void diff_counts_what_a_change_adds_and_removes_by_rule_and_by_person() throws IOException {
        Path folder = dir.resolve("diff");
        Cli.run("rules", "init", folder.toString(), "--lang", "en");
        Path parameters = folder.resolve("procedure.properties");
        Files.writeString(parameters, Files.readString(parameters).replace("phone.maxRings=3", "phone.maxRings=4"));
        Path month = dir.resolve("month.json");
        Cli.run("generate", "--sites", "1", "--months", "1", "--seed", "7", "--out", month.toString());

        Cli cli = Cli.run(
                "rules",
                "diff",
                "--rules",
                folder.toString(),
                month.toString(),
                "--as-of",
                "2026-12-15T00:00:00+08:00",
                "--format",
                "json",
                "--lang",
                "en");

        assertThat(cli.exit()).as(cli.toString()).isZero();
        com.fasterxml.jackson.databind.JsonNode root =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.out());
        assertThat(root.get("format").asText()).isEqualTo("dutykit-rules-diff/1");
        int added = root.get("summary").get("added").asInt();
        int removed = root.get("summary").get("removed").asInt();
        assertThat(added).isPositive();
        assertThat(removed).isPositive();
        assertThat(root.get("added")).hasSize(added);
        assertThat(root.get("removed")).hasSize(removed);
        int byRuleAdded = 0;
        int byRuleRemoved = 0;
        for (var rule : root.get("byRule")) {
            byRuleAdded += rule.get("added").asInt();
            byRuleRemoved += rule.get("removed").asInt();
            if (rule.get("rule").asText().equals("NIGHT_PATROL_TOO_FEW")) {
                assertThat(rule.get("title").asText()).isEqualTo("Too few night patrols");
                assertThat(rule.get("removed").asInt()).isZero();
            }
            if (rule.get("rule").asText().equals("CALL_ANSWERED_LATE")) {
                assertThat(rule.get("added").asInt()).isZero();
            }
        }
        assertThat(byRuleAdded).isEqualTo(added);
        assertThat(byRuleRemoved).isEqualTo(removed);
        assertThat(root.get("byPerson")).allSatisfy(p -> {
            assertThat(p.get("name").asText()).isNotBlank();
            assertThat(p.get("added").asInt() + p.get("removed").asInt()).isPositive();
        });
        for (var removedOne : root.get("removed")) {
            assertThat(removedOne.get("rule").asText()).isEqualTo("CALL_ANSWERED_LATE");
            assertThat(removedOne.get("message").asText()).contains("after 4 rings");
        }
    }
}
