package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: scenarios stay small (a shared {@code base} and a JSON merge patch), may name a severity,
 * and what is wrong in them is bad input named with file, line and column, in English and Chinese.
 */
class ScenarioFormTest {
    private static final DroolsProcedureRules RULES = DroolsProcedureRules.defaults();
    private static final String PERIOD =
            "\"from\": \"2026-11-02\", \"to\": \"2026-11-02\", \"asOf\": \"2026-11-04T12:00:00+08:00\"";

    @TempDir
    Path dir;

    /** The compliant day of the shipped scenarios, their base dataset file. */
    private void base() throws IOException {
        Files.copy(Path.of("scenarios/base.json"), dir.resolve("base.json"));
    }

    private ScenarioResult only() {
        List<ScenarioResult> results = new ScenarioRunner(RULES).run(dir);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void a_patch_on_a_shared_base_changes_only_what_it_names() throws IOException {
        base();
        Files.writeString(dir.resolve("late.json"), """
                {"name": "HANDOVER_INCOMING_LATE: arrived at 17:26", "base": "base.json",
                 "patch": {"handovers": [{"id": "ho-1", "date": "2026-11-02", "scheduledAt": "2026-11-02T17:30:00+08:00",
                           "outgoing": "chen", "incoming": "wang", "incomingArrivedAt": "2026-11-02T17:26:00+08:00",
                           "outgoingReadyAt": "2026-11-02T17:15:00+08:00",
                           "signatures": [{"staff": "chen", "role": "OUTGOING", "at": "2026-11-02T17:31:00+08:00"},
                                          {"staff": "wang", "role": "INCOMING", "at": "2026-11-02T17:32:00+08:00"}],
                           "checks": [{"check": "LOG_READ", "by": "wang", "at": "2026-11-02T17:27:00+08:00"},
                                      {"check": "AREA_INSPECTED", "by": "wang", "at": "2026-11-02T17:28:00+08:00"},
                                      {"check": "SYSTEMS_RUNNING", "by": "wang", "at": "2026-11-02T17:29:00+08:00"},
                                      {"check": "COMMS_WORKING", "by": "wang", "at": "2026-11-02T17:30:00+08:00"}],
                           "completedAt": "2026-11-02T17:33:00+08:00"}],
                           "dutyReports": null},
                 %s,
                 "expect": [{"rule": "HANDOVER_INCOMING_LATE", "subject": "ho-1", "severity": "ERROR"},
                            {"rule": "DUTY_REPORT_LATE", "subject": "2026-11-02"}]}
                """.formatted(PERIOD));

        ScenarioResult result = only();

        assertThat(result.passed()).as(result.line()).isTrue();
        assertThat(result.actual()).containsExactly("DUTY_REPORT_LATE 2026-11-02", "HANDOVER_INCOMING_LATE ho-1");
    }

    @Test
    void a_severity_that_does_not_match_fails_naming_both() throws IOException {
        base();
        Files.writeString(dir.resolve("severity.json"), """
                {"name": "no duty report", "base": "base.json", "patch": {"dutyReports": []}, %s,
                 "expect": [{"rule": "DUTY_REPORT_LATE", "subject": "2026-11-02", "severity": "ERROR"}]}
                """.formatted(PERIOD));

        ScenarioResult result = only();

        assertThat(result.failed()).isTrue();
        assertThat(result.missing()).containsExactly("DUTY_REPORT_LATE 2026-11-02 (ERROR)");
        assertThat(result.extra()).containsExactly("DUTY_REPORT_LATE 2026-11-02 (WARNING)");
    }

    @Test
    void an_expectation_naming_a_rule_that_does_not_exist_is_an_error_not_a_failure() throws IOException {
        base();
        Files.writeString(dir.resolve("typo.json"), """
                {"name": "typo", "base": "base.json", %s,
                 "expect": [
                   {"rule": "HANDOVER_INCOMING_LTAE", "subject": "ho-1"}
                 ]}
                """.formatted(PERIOD));

        ScenarioResult result = only();

        assertThat(result.couldNotRun()).isTrue();
        assertThat(result.failed()).isFalse();
        assertThat(result.problem().kind()).isEqualTo("SCENARIO_UNKNOWN_RULE");
        assertThat(result.problem().suggestion()).isEqualTo("HANDOVER_INCOMING_LATE");
        assertThat(result.line())
                .isEqualTo("ERROR typo.json:3:5 — $.expect[0] names the rule HANDOVER_INCOMING_LTAE, which is not one"
                        + " of the rules in effect (duty rules list shows them); did you mean HANDOVER_INCOMING_LATE?");
        assertThat(result.line(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("无法运行 typo.json:3:5 — $.expect[0] 中的规则 HANDOVER_INCOMING_LTAE 不在当前生效的规则中"
                        + "（duty rules list 会列出所有规则）；是否应为 HANDOVER_INCOMING_LATE？");
    }

    @Test
    void a_misplaced_comma_is_named_with_line_and_column() throws IOException {
        Files.writeString(dir.resolve("comma.json"), """
                {"name": "comma",
                 "from": "2026-11-02",,
                 "to": "2026-11-02"}
                """);

        ScenarioResult result = only();

        assertThat(result.line())
                .isEqualTo("ERROR comma.json:2:23 — the file is not valid JSON: an extra comma before \",\": remove it;"
                        + " a comma goes only between two entries");
        assertThat(result.line(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("无法运行 comma.json:2:23 — 文件不是有效的 JSON：“,”前多了一个逗号：请删除；逗号只能放在两项之间");
    }

    @Test
    void a_trailing_comma_and_a_full_width_comma_are_said_readably_in_both_languages() throws IOException {
        Files.writeString(dir.resolve("a-trailing.json"), "{\"name\": \"x\",\n \"expect\": [],\n}\n");
        Files.writeString(dir.resolve("b-full-width.json"), "{\"name\": \"x\"\uFF0C\n \"expect\": []}\n");

        List<ScenarioResult> results = new ScenarioRunner(RULES).run(dir);

        assertThat(results)
                .extracting(ScenarioResult::line)
                .containsExactly(
                        "ERROR a-trailing.json:3:1 — the file is not valid JSON: an extra comma before \"}\": remove it;"
                                + " a comma goes only between two entries",
                        "ERROR b-full-width.json:1:13 — the file is not valid JSON: a full-width \"\uFF0C\" (U+FF0C,"
                                + " typed with a Chinese input method) where JSON needs the ASCII ,");
        assertThat(results.get(1).line(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(
                        "无法运行 b-full-width.json:1:13 — 文件不是有效的 JSON：此处是全角的“\uFF0C”（U+FF0C，中文输入法输入），" + "JSON 需要半角的 ,");
    }

    @Test
    void a_dataset_error_names_the_file_and_line_it_is_in_the_patch_or_the_base() throws IOException {
        base();
        Files.writeString(dir.resolve("in-patch.json"), """
                {"name": "bad time in the patch", "base": "base.json",
                 "patch": {"dutyReports": [{"date": "2026-11-02", "author": "wang",
                                            "submittedAt": "2026-11-03 09:00"}]},
                 %s, "expect": []}
                """.formatted(PERIOD));

        ScenarioResult result = only();

        assertThat(result.problem().file()).isEqualTo("in-patch.json");
        assertThat(result.problem().line()).isEqualTo(3);
        assertThat(result.error()).startsWith("$.dutyReports[0].submittedAt");

        Files.delete(dir.resolve("in-patch.json"));
        Files.writeString(
                dir.resolve("base.json"),
                Files.readString(dir.resolve("base.json")).replace("\"MANAGER\"", "\"BOSS\""));
        Files.writeString(dir.resolve("in-base.json"), """
                {"name": "the base is wrong", "base": "base.json", %s, "expect": []}
                """.formatted(PERIOD));

        ScenarioResult inBase = only();

        assertThat(inBase.problem().file()).isEqualTo("base.json");
        assertThat(inBase.problem().line()).isGreaterThan(1);
        assertThat(inBase.line()).startsWith("ERROR base.json:").endsWith("(scenario in-base.json)");
    }

    @Test
    void coverage_lists_per_rule_the_scenarios_that_make_it_fire_and_keep_it_silent() {
        List<ScenarioResult> results = new ScenarioRunner(RULES).run(Path.of("scenarios"));

        ScenarioCoverage coverage = ScenarioCoverage.of(results, RULES.catalogue());

        assertThat(coverage.rules())
                .filteredOn(r -> r.id().equals("HANDOVER_INCOMING_LATE"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.fires()).contains("handover-incoming-late-violated.json");
                    assertThat(r.silent()).contains("handover-incoming-late-boundary.json");
                });
        assertThat(coverage.withoutFiring()).isEmpty();
        assertThat(coverage.withoutSilent()).isEmpty();
        assertThat(coverage.rules()).extracting(ScenarioCoverage.Rule::id).doesNotContain("LOG_CHAIN_BROKEN");
    }
}
