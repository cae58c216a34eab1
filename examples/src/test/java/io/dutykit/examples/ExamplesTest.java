package io.dutykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.Violation;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExamplesTest {

    @Test
    void the_night_shift_handover_is_refused_while_the_lift_entrapment_is_open_then_completes() {
        NightShift.Story story = NightShift.run();

        assertThat(story.refusedWhileOpen()).isTrue();
        assertThat(story.blocking()).containsExactly("e-1");
        assertThat(story.completedAfterClosing()).isTrue();
        assertThat(story.lines()).anyMatch(line -> line.contains("clause 4.2.2"));
        // the second round's live steps: the incoming's checks, the supervisor's decision, the review
        assertThat(story.lines()).anyMatch(line -> line.contains("4 checks recorded"));
        assertThat(story.lines())
                .anyMatch(line -> line.contains("li, reached about a burst pipe (inc-1), records the decision"));
        assertThat(story.lines()).anyMatch(line -> line.contains("li reviews wang's duty report"));
    }

    @Test
    void the_company_folder_validates_and_its_rule_and_threshold_take_effect() {
        CompanyRules.Outcome outcome = CompanyRules.check(
                Path.of("company-rules"), Path.of("data/garden-court.json"), Instant.parse("2026-11-30T15:00:00Z"));

        assertThat(outcome.problems()).as(outcome.problems().toString()).isEmpty();
        assertThat(outcome.violations()).extracting(Violation::rule).contains("LATE_NIGHT_PATROLS_TOO_FEW");
    }
}
