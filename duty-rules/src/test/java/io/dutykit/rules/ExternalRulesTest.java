package io.dutykit.rules;

import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A company's rules folder overrides and extends the defaults, with no Java change (SPEC section 6). */
class ExternalRulesTest {
    private static final String DAY = "2026-11-02";

    @TempDir
    Path folder;

    private void copyCompanyRule() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/company/night-patrol.drl")) {
            Files.write(folder.resolve("night-patrol.drl"), in.readAllBytes());
        }
    }

    private static List<Violation> check(DroolsProcedureRules rules, Given given) {
        return rules.evaluate(
                given.records(), new CheckPeriod(Given.d(DAY), Given.d(DAY)), Given.t("2026-11-20T00:00"));
    }

    @Test
    void a_new_drl_file_adds_a_company_rule_with_its_own_id() throws IOException {
        copyCompanyRule();
        DroolsProcedureRules rules = DroolsProcedureRules.of(RuleSet.withFolder(folder));
        Given onePatrolAtNight = given().roster("2026-11", "2026-10-28T16:00", "2026-11-02=wang")
                .patrol("p-1", "2026-11-03T01:00")
                .patrol("p-2", "2026-11-03T07:00");

        List<Violation> found = check(rules, onePatrolAtNight).stream()
                .filter(v -> v.rule().equals("NIGHT_PATROL_TOO_FEW"))
                .toList();

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.subject()).isEqualTo(DAY);
            assertThat(v.clause()).isEqualTo("G2");
            assertThat(v.severity()).isEqualTo(ViolationSeverity.WARNING);
            assertThat(v.responsible()).containsExactly("wang");
        });
        assertThat(check(rules, onePatrolAtNight.patrol("p-3", "2026-11-03T05:59")))
                .noneMatch(v -> v.rule().equals("NIGHT_PATROL_TOO_FEW"));
        assertThat(check(DroolsProcedureRules.defaults(), onePatrolAtNight))
                .noneMatch(v -> v.rule().equals("NIGHT_PATROL_TOO_FEW"));
    }

    @Test
    void a_rules_folder_may_be_a_classpath_location() {
        RuleSet ruleSet = RuleSet.withLocation("classpath:company");
        assertThat(ruleSet.ruleFileNames()).endsWith("night-patrol.drl");
        assertThat(RuleSet.withLocation(folder.toString()).ruleFileNames()).isEqualTo(RuleSet.DEFAULT_RULE_FILES);
    }

    @Test
    void a_file_with_a_default_name_replaces_the_default() throws IOException {
        Files.writeString(
                folder.resolve("calls.drl"), "package io.dutykit.rules;\n// the company drops the call rules\n");
        DroolsProcedureRules rules = DroolsProcedureRules.of(RuleSet.withFolder(folder));
        Given missed = given().call("c-1", "2026-11-02T20:00", CallLine.HOTLINE, CallDirection.INBOUND, 9, false, null);

        assertThat(check(rules, missed)).noneMatch(v -> v.rule().startsWith("CALL_"));
        assertThat(check(DroolsProcedureRules.defaults(), missed))
                .anyMatch(v -> v.rule().equals("CALL_MISSED"));
    }

    @Test
    void procedure_properties_in_the_folder_override_only_the_keys_it_names() throws IOException {
        Files.writeString(folder.resolve("procedure.properties"), "# 电话\nphone.maxRings=5\n");
        RuleSet ruleSet = RuleSet.withFolder(folder);
        assertThat(ruleSet.parameters().maxRings()).isEqualTo(5);
        assertThat(ruleSet.parameters().incomingLead().toMinutes()).isEqualTo(5);

        Given fourRings =
                given().call("c-1", "2026-11-02T20:00", CallLine.HOTLINE, CallDirection.INBOUND, 4, true, "wang");
        assertThat(check(DroolsProcedureRules.of(ruleSet), fourRings))
                .noneMatch(v -> v.rule().equals("CALL_ANSWERED_LATE"));
        assertThat(check(DroolsProcedureRules.defaults(), fourRings))
                .anyMatch(v -> v.rule().equals("CALL_ANSWERED_LATE"));
    }

    @Test
    void a_threshold_table_in_the_folder_replaces_the_default_one() throws IOException {
        Files.writeString(
                folder.resolve("incident-thresholds.csv"),
                "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n"
                        + "*,ROUTINE,,,1440\n*,DIFFICULT,30,,4320\n*,MAJOR,10,30,1440\nWATER_LEAK,DIFFICULT,15,,4320\n");
        Given escalatedAt20 = given().incident(
                        Given.anIncident("inc-1", "2026-11-02T20:00").escalatedTo("li", "2026-11-02T20:20", true));

        assertThat(check(DroolsProcedureRules.of(RuleSet.withFolder(folder)), escalatedAt20))
                .anyMatch(v -> v.rule().equals("ESCALATION_SUPERVISOR_LATE"));
        assertThat(check(DroolsProcedureRules.defaults(), escalatedAt20))
                .noneMatch(v -> v.rule().equals("ESCALATION_SUPERVISOR_LATE"));
    }
}
