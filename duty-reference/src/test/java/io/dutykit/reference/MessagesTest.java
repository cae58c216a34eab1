package io.dutykit.reference;

import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.TestTime.at;
import static io.dutykit.test.data.TestTime.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Training;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the reference engine's messages read as the Drools engine's do. Before, it filled other
 * arguments into 15 rules' messages: the two officers of a swap the wrong way round, a raw {1} in
 * TRAINING_OVERDUE, "within WATER_LEAK minutes" in ESCALATION_MANAGER_LATE. EnginesAgreeTest compares
 * every message of both engines; these pin the three cases the issue names.
 */
class MessagesTest {
    private static String english(Violation v) {
        return ViolationMessages.render(v, Locale.ENGLISH);
    }

    @Test
    void an_unapproved_swap_names_the_incoming_then_the_rostered_officer() {
        World world = World.week();
        world.handoverOn("2026-11-03").incoming("chen");

        Violation swap = world.check("UNAPPROVED_SWAP").get(0);

        assertThat(english(swap))
                .isEqualTo(
                        "chen took over the duty of wang without a leave approved by a supervisor before the shift.");
        assertThat(ViolationMessages.render(swap, Locale.CHINESE)).isEqualTo("chen 未经主管在值班开始前批准请假便替 wang 值班（私自换班）。");
    }

    @Test
    void a_training_overdue_names_the_officer_and_the_quarter() {
        World world = World.week();
        world.trainings.clear();
        world.trainings.add(new Training(date("2026-11-20"), "hotline", List.of("wang", "liu")));
        world.trainings.add(new Training(date("2026-09-30"), "fire drill", List.of("chen")));

        assertThat(english(world.check("TRAINING_OVERDUE").get(0)))
                .isEqualTo("Duty officer chen attended no training in 2026-Q4.");
    }

    @Test
    void a_late_manager_escalation_names_the_minutes() {
        World world = World.week();
        world.incidents.add(anIncident()
                .id("inc-1")
                .reportedBy("chen")
                .severity(IncidentSeverity.MAJOR)
                .category("WATER_LEAK")
                .openedAt(at("2026-11-02T20:00"))
                .resolvedAt(at("2026-11-03T08:00"))
                .escalatedTo("li", at("2026-11-02T20:05"), true)
                .build());

        assertThat(english(world.check("ESCALATION_MANAGER_LATE").get(0)))
                .isEqualTo("The major incident was not reported to the manager within 30 minutes.");
    }
}
