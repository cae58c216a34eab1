package io.dutykit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ViolationTextTest {
    private static Violation incomingLate(List<String> arguments) {
        return new Violation(
                Fixtures.SITE,
                "HANDOVER_INCOMING_LATE",
                "4.2.1",
                ViolationSeverity.ERROR,
                "ho-1",
                List.of("wang"),
                Fixtures.D,
                null,
                null,
                arguments);
    }

    @Test
    void a_violation_with_its_arguments_reads_as_the_cores_sentence() {
        var records = Fixtures.gardenCourt();
        var violation = incomingLate(List.of("wang", "17:29", "17:30"));

        String en = ViolationText.message(Messages.of(Locale.ENGLISH, records), violation);
        String zh = ViolationText.message(Messages.of(Locale.SIMPLIFIED_CHINESE, records), violation);

        assertThat(en).contains("wang", "17:29", "17:30").doesNotContain("{");
        assertThat(zh).contains("wang", "17:29").doesNotContain("{").isNotEqualTo(en);
    }

    @Test
    void a_violation_without_arguments_reads_as_rule_title_and_subject() {
        var records = Fixtures.gardenCourt();

        String en = ViolationText.message(Messages.of(Locale.ENGLISH, records), incomingLate(List.of()));

        assertThat(en).isEqualTo("Incoming officer late (ho-1)");
    }
}
