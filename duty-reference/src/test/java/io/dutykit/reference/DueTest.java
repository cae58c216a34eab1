package io.dutykit.reference;

import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.test.data.TestTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueTest {
    private final World world = World.week();

    private List<DueItem> due(String asOf, Duration horizon) {
        return new ReferenceProcedureRules().due(world.records(), at(asOf), horizon);
    }

    private List<DueItem> due(String asOf, Duration horizon, DueKind kind) {
        return due(asOf, horizon).stream().filter(d -> d.kind() == kind).toList();
    }

    @Test
    void a_major_fire_is_due_to_reach_the_supervisor_the_plan_and_the_manager() {
        world.incidents.add(anIncident()
                .id("inc-1")
                .unresolved()
                .reportedBy("chen")
                .category("FIRE")
                .severity(IncidentSeverity.MAJOR)
                .openedAt(at("2026-11-02T20:00"))
                .build());

        assertThat(due("2026-11-02T20:02", Duration.ofMinutes(30)))
                .extracting(DueItem::kind, DueItem::rule, DueItem::subject, DueItem::deadline, DueItem::responsible)
                .containsExactly(
                        tuple(
                                DueKind.EMERGENCY_PLAN,
                                "EMERGENCY_PLAN_LATE",
                                "inc-1",
                                at("2026-11-02T20:05"),
                                List.of("chen")),
                        tuple(
                                DueKind.ESCALATION_TO_SUPERVISOR,
                                "ESCALATION_SUPERVISOR_LATE",
                                "inc-1",
                                at("2026-11-02T20:10"),
                                List.of("chen")),
                        tuple(
                                DueKind.ESCALATION_TO_MANAGER,
                                "ESCALATION_MANAGER_LATE",
                                "inc-1",
                                at("2026-11-02T20:30"),
                                List.of("chen")));
    }

    @Test
    void a_met_deadline_is_not_due_and_one_already_passed_is_not_due_any_more() {
        world.incidents.add(anIncident()
                .id("inc-1")
                .unresolved()
                .reportedBy("chen")
                .severity(IncidentSeverity.DIFFICULT)
                .openedAt(at("2026-11-02T20:00"))
                .escalatedTo("li", at("2026-11-02T20:05"), false)
                .build());

        assertThat(due("2026-11-02T20:06", Duration.ofHours(1), DueKind.ESCALATION_TO_SUPERVISOR))
                .isEmpty();
        assertThat(due("2026-11-02T20:04", Duration.ofHours(1), DueKind.ESCALATION_TO_SUPERVISOR))
                .hasSize(1);
        assertThat(due("2026-11-02T20:30:01", Duration.ofHours(1), DueKind.ESCALATION_TO_SUPERVISOR))
                .isEmpty();
    }

    @Test
    void the_window_includes_both_ends() {
        world.incidents.add(anIncident()
                .id("inc-1")
                .unresolved()
                .severity(IncidentSeverity.DIFFICULT)
                .openedAt(at("2026-11-02T20:00"))
                .build());

        assertThat(due("2026-11-02T20:30", Duration.ZERO, DueKind.ESCALATION_TO_SUPERVISOR))
                .hasSize(1);
        assertThat(due("2026-11-02T20:00", Duration.ofMinutes(30), DueKind.ESCALATION_TO_SUPERVISOR))
                .hasSize(1);
    }

    @Test
    void the_arrival_and_readiness_of_a_coming_handover() {
        Instant asOf = at("2026-11-03T17:00");

        assertThat(new ReferenceProcedureRules().due(world.records(), asOf, Duration.ofMinutes(30)))
                .extracting(DueItem::kind, DueItem::subject, DueItem::deadline, DueItem::responsible)
                .containsExactly(
                        tuple(DueKind.OUTGOING_READY, "ho-2026-11-03", at("2026-11-03T17:15"), List.of("liu")),
                        tuple(DueKind.INCOMING_ARRIVAL, "ho-2026-11-03", at("2026-11-03T17:25"), List.of("wang")));
    }

    @Test
    void the_arrival_at_a_rostered_shift_with_no_handover_yet() {
        world.handovers.remove(TestTime.date("2026-11-04"));

        assertThat(due("2026-11-04T17:00", Duration.ofMinutes(30), DueKind.INCOMING_ARRIVAL))
                .extracting(DueItem::subject, DueItem::deadline, DueItem::responsible)
                .containsExactly(tuple("2026-11-04", at("2026-11-04T17:25"), List.of("chen")));
    }

    @Test
    void the_duty_report_and_the_log_review_of_the_night() {
        world.dutyReports.removeIf(r -> r.date().equals(TestTime.date("2026-11-03")));
        world.reviews.removeIf(r -> r.date().equals(TestTime.date("2026-11-03")));

        assertThat(due("2026-11-04T08:00", Duration.ofHours(3)))
                .extracting(DueItem::kind, DueItem::subject, DueItem::deadline, DueItem::responsible)
                .containsExactly(
                        tuple(DueKind.DUTY_REPORT, "2026-11-03", at("2026-11-04T09:30"), List.of("wang")),
                        tuple(DueKind.LOG_REVIEW, "2026-11-03", at("2026-11-04T10:00"), List.of("li", "sun")));
    }

    @Test
    void next_months_roster_publication() {
        assertThat(due("2026-11-30T12:00", Duration.ofHours(12), DueKind.ROSTER_PUBLICATION))
                .extracting(DueItem::subject, DueItem::deadline, DueItem::responsible)
                .containsExactly(tuple("2026-12", at("2026-12-01T00:00"), List.of("li", "sun")));
    }
}
