package io.dutykit.rules;

import static io.dutykit.rules.Given.aHandover;
import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.check.ViolationSeverity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ViolationMessagesTest {
    @Test
    void every_default_rule_has_an_english_and_a_chinese_message() {
        for (String rule : DefaultRuleIds.ALL) {
            assertThat(ViolationMessages.template(rule, Locale.ENGLISH))
                    .as(rule)
                    .isPresent();
            assertThat(ViolationMessages.template(rule, Locale.CHINESE))
                    .as(rule)
                    .isPresent();
            assertThat(ViolationMessages.template(rule, Locale.CHINESE))
                    .isNotEqualTo(ViolationMessages.template(rule, Locale.ENGLISH));
        }
    }

    @Test
    void a_violation_renders_with_its_arguments_in_site_local_time() {
        Violation v = given()
                .handover(
                        aHandover("ho-1", "2026-11-02T17:30", "chen", "wang").incomingArrivedAt("2026-11-02T17:26:30"))
                .check("2026-11-02", "2026-11-02", "2026-11-20T00:00")
                .stream()
                .filter(x -> x.rule().equals("HANDOVER_INCOMING_LATE"))
                .findFirst()
                .orElseThrow();
        assertThat(ViolationMessages.render(v, Locale.ENGLISH))
                .isEqualTo(
                        "The incoming officer wang arrived at 2026-11-02 17:26:30 for the handover at 2026-11-02 17:30, not early enough.");
        assertThat(ViolationMessages.render(v, Locale.SIMPLIFIED_CHINESE))
                .startsWith("接班人员 wang 于 2026-11-02 17:26:30 到岗");
    }

    @Test
    void a_company_rule_without_a_message_renders_as_its_id() {
        Violation v = new Violation(
                "s",
                "NIGHT_PATROL_TOO_FEW",
                "G2",
                ViolationSeverity.WARNING,
                "2026-11-02",
                List.of(),
                null,
                null,
                null,
                List.of());
        assertThat(ViolationMessages.render(v, Locale.ENGLISH)).isEqualTo("NIGHT_PATROL_TOO_FEW");
    }
}
