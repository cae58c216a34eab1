package io.dutykit.reference;

import static io.dutykit.reference.V.v;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.record.EntryKind;
import io.dutykit.test.data.IncidentBuilder;
import io.dutykit.test.data.TestTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentRulesTest {

    /** A DIFFICULT incident chen reports at 20:00 on Monday 2 November, resolved the next morning. */
    private static IncidentBuilder difficult() {
        return anIncident()
                .id("inc-1")
                .reportedBy("chen")
                .severity(IncidentSeverity.DIFFICULT)
                .openedAt(at("2026-11-02T20:00"))
                .resolvedAt(at("2026-11-03T08:00"));
    }

    /** A MAJOR incident chen reports at 20:00 on Monday 2 November, told to li and zhao in time. */
    private static IncidentBuilder major(String category) {
        return anIncident()
                .id("inc-1")
                .reportedBy("chen")
                .severity(IncidentSeverity.MAJOR)
                .category(category)
                .openedAt(at("2026-11-02T20:00"))
                .resolvedAt(at("2026-11-03T08:00"))
                .planActivatedAt(at("2026-11-02T20:01"));
    }

    @Test
    void ESCALATION_SUPERVISOR_LATE_exactly_at_the_threshold_is_in_time() {
        World world = World.week();
        world.incidents.add(
                difficult().escalatedTo("li", at("2026-11-02T20:30"), true).build());

        assertThat(world.found()).isEmpty();
    }

    @Test
    void ESCALATION_SUPERVISOR_LATE_one_second_after_the_threshold_is_late() {
        World world = World.week();
        world.incidents.add(
                difficult().escalatedTo("li", at("2026-11-02T20:30:01"), true).build());

        assertThat(world.found())
                .containsExactly(v(
                        "ESCALATION_SUPERVISOR_LATE", "inc-1", List.of("chen"), "2026-11-02", at("2026-11-02T20:30")));
    }

    @Test
    void ESCALATION_SUPERVISOR_LATE_needs_a_supervisor_and_counts_before_opened_and_unreached() {
        World toManager = World.week();
        toManager.incidents.add(
                difficult().escalatedTo("zhao", at("2026-11-02T20:05"), true).build());
        World early = World.week();
        early.incidents.add(
                difficult().escalatedTo("li", at("2026-11-02T19:59"), true).build());
        World unreached = World.week();
        unreached.incidents.add(
                difficult().escalatedTo("li", at("2026-11-02T20:10"), false).build());

        assertThat(toManager.found("ESCALATION_SUPERVISOR_LATE")).hasSize(1);
        assertThat(early.found()).isEmpty();
        assertThat(unreached.found("ESCALATION_SUPERVISOR_LATE")).isEmpty();
    }

    @Test
    void ESCALATION_SUPERVISOR_LATE_a_major_incident_has_ten_minutes_and_waits_for_its_deadline() {
        World world = World.week();
        world.incidents.add(major("WATER_LEAK")
                .escalatedTo("li", at("2026-11-02T20:10:01"), true)
                .escalatedTo("zhao", at("2026-11-02T20:20"), true)
                .build());

        assertThat(world.found("ESCALATION_SUPERVISOR_LATE", at("2026-11-02T20:09:59")))
                .isEmpty();
        assertThat(world.found("ESCALATION_SUPERVISOR_LATE", at("2026-11-02T20:10")))
                .containsExactly(v(
                        "ESCALATION_SUPERVISOR_LATE", "inc-1", List.of("chen"), "2026-11-02", at("2026-11-02T20:10")));
    }

    @Test
    void ESCALATION_SUPERVISOR_LATE_uses_the_category_row_of_an_edited_table() {
        // a table of exactly these rows (a company file would also need the * rows of ROUTINE and MAJOR)
        var table = IncidentThresholdTable.of(List.of(
                new IncidentThresholdTable.Threshold(
                        "WATER_LEAK",
                        IncidentSeverity.DIFFICULT,
                        java.time.Duration.ofMinutes(60),
                        null,
                        java.time.Duration.ofMinutes(4320)),
                new IncidentThresholdTable.Threshold(
                        "*",
                        IncidentSeverity.DIFFICULT,
                        java.time.Duration.ofMinutes(30),
                        null,
                        java.time.Duration.ofMinutes(4320))));
        var rules = new ReferenceProcedureRules(ParameterValues.defaults(), table);
        World world = World.week();
        world.incidents.add(
                difficult().escalatedTo("li", at("2026-11-02T21:00"), true).build());
        world.incidents.add(anIncident()
                .id("inc-2")
                .reportedBy("chen")
                .category("LIFT_FAULT")
                .severity(IncidentSeverity.DIFFICULT)
                .openedAt(at("2026-11-02T20:00"))
                .resolvedAt(at("2026-11-03T08:00"))
                .escalatedTo("li", at("2026-11-02T21:00"), true)
                .build());

        var found = rules.evaluate(world.records(), new CheckPeriod(world.from, world.to), at("2027-02-01T00:00"));

        assertThat(V.of(found))
                .containsExactly(v(
                        "ESCALATION_SUPERVISOR_LATE", "inc-2", List.of("chen"), "2026-11-02", at("2026-11-02T20:30")));
    }

    @Test
    void ESCALATION_MANAGER_LATE_names_the_reporter_and_every_supervisor_reached() {
        World world = World.week();
        world.incidents.add(major("WATER_LEAK")
                .escalatedTo("sun", at("2026-11-02T20:05"), true)
                .escalatedTo("li", at("2026-11-02T20:06"), true)
                .escalatedTo("li", at("2026-11-02T20:07"), true)
                .escalatedTo("zhao", at("2026-11-02T20:30:01"), true)
                .build());

        assertThat(world.found())
                .containsExactly(v(
                        "ESCALATION_MANAGER_LATE",
                        "inc-1",
                        List.of("chen", "li", "sun"),
                        "2026-11-02",
                        at("2026-11-02T20:30")));
    }

    @Test
    void ESCALATION_MANAGER_LATE_exactly_thirty_minutes_is_in_time_and_unreached_supervisors_are_not_named() {
        World inTime = World.week();
        inTime.incidents.add(major("WATER_LEAK")
                .escalatedTo("li", at("2026-11-02T20:05"), true)
                .escalatedTo("zhao", at("2026-11-02T20:30"), true)
                .build());
        World late = World.week();
        late.incidents.add(major("WATER_LEAK")
                .escalatedTo("li", at("2026-11-02T20:05"), false)
                .escalatedTo("sun", at("2026-11-02T20:06"), true)
                .build());

        assertThat(inTime.found()).isEmpty();
        assertThat(late.found("ESCALATION_MANAGER_LATE"))
                .containsExactly(v(
                        "ESCALATION_MANAGER_LATE",
                        "inc-1",
                        List.of("chen", "sun"),
                        "2026-11-02",
                        at("2026-11-02T20:30")));
    }

    @Test
    void ONCALL_UNREACHABLE_an_unreached_manager_level_person_after_hours() {
        World world = World.week();
        world.incidents.add(difficult()
                .escalatedTo("li", at("2026-11-02T20:05"), true)
                .escalatedTo("zhou", at("2026-11-02T22:00"), false)
                .escalatedTo("zhou", at("2026-11-02T21:00"), false)
                .escalatedTo("ma", at("2026-11-02T22:00"), true)
                .escalatedTo("wang", at("2026-11-02T22:00"), false)
                .build());

        assertThat(world.found())
                .containsExactly(
                        v("ONCALL_UNREACHABLE", "inc-1/zhou", List.of("zhou"), "2026-11-02", at("2026-11-02T21:00")));
    }

    @Test
    void ONCALL_UNREACHABLE_office_hours_are_half_open_on_working_days_only() {
        World world = World.week();
        world.incidents.add(anIncident()
                .id("inc-1")
                .openedAt(at("2026-11-03T08:29"))
                .date(TestTime.date("2026-11-03"))
                .resolvedAt(at("2026-11-03T09:00"))
                .escalatedTo("zhao", at("2026-11-03T08:29:59"), false)
                .escalatedTo("li", at("2026-11-03T08:30"), false)
                .escalatedTo("sun", at("2026-11-03T17:29:59"), false)
                .escalatedTo("ma", at("2026-11-03T17:30"), false)
                .build());
        world.incidents.add(anIncident()
                .id("inc-2")
                .openedAt(at("2026-11-07T10:00"))
                .resolvedAt(at("2026-11-07T11:00"))
                .escalatedTo("zhao", at("2026-11-07T10:00"), false)
                .build());

        assertThat(world.found())
                .containsExactly(
                        v("ONCALL_UNREACHABLE", "inc-1/ma", List.of("ma"), "2026-11-03", at("2026-11-03T17:30")),
                        v("ONCALL_UNREACHABLE", "inc-1/zhao", List.of("zhao"), "2026-11-03", at("2026-11-03T08:29:59")),
                        v("ONCALL_UNREACHABLE", "inc-2/zhao", List.of("zhao"), "2026-11-07", at("2026-11-07T10:00")));
    }

    @Test
    void EMERGENCY_PLAN_LATE_a_plan_started_exactly_five_minutes_after_opening_is_in_time() {
        World inTime = World.week();
        inTime.incidents.add(major("FIRE")
                .escalatedTo("li", at("2026-11-02T20:01"), true)
                .escalatedTo("zhao", at("2026-11-02T20:02"), true)
                .planActivatedAt(at("2026-11-02T20:05"))
                .build());
        World late = World.week();
        late.incidents.add(major("FIRE")
                .escalatedTo("li", at("2026-11-02T20:01"), true)
                .escalatedTo("zhao", at("2026-11-02T20:02"), true)
                .planActivatedAt(at("2026-11-02T20:05:01"))
                .build());

        assertThat(inTime.found()).isEmpty();
        assertThat(late.found())
                .containsExactly(
                        v("EMERGENCY_PLAN_LATE", "inc-1", List.of("chen"), "2026-11-02", at("2026-11-02T20:05")));
    }

    @Test
    void EMERGENCY_PLAN_LATE_only_for_categories_with_a_plan() {
        World world = World.week();
        world.incidents.add(major("WATER_LEAK")
                .escalatedTo("li", at("2026-11-02T20:01"), true)
                .escalatedTo("zhao", at("2026-11-02T20:02"), true)
                .planNotActivated()
                .build());

        assertThat(world.found()).isEmpty();
    }

    @Test
    void INCIDENT_UNRESOLVED_a_routine_incident_resolved_exactly_after_24_hours_is_in_time() {
        World inTime = World.week();
        inTime.incidents.add(anIncident()
                .id("inc-1")
                .openedAt(at("2026-11-02T20:00"))
                .resolvedAt(at("2026-11-03T20:00"))
                .build());
        World late = World.week();
        late.incidents.add(anIncident()
                .id("inc-1")
                .openedAt(at("2026-11-02T20:00"))
                .resolvedAt(at("2026-11-03T20:00:01"))
                .build());

        assertThat(inTime.found()).isEmpty();
        assertThat(late.found())
                .containsExactly(
                        v("INCIDENT_UNRESOLVED", "inc-1", List.of("wang"), "2026-11-02", at("2026-11-03T20:00")));
    }

    @Test
    void INCIDENT_UNRESOLVED_an_open_incident_fires_once_its_deadline_has_passed() {
        World world = World.week();
        world.incidents.add(difficult()
                .unresolved()
                .escalatedTo("li", at("2026-11-02T20:10"), true)
                .build());

        assertThat(world.found("INCIDENT_UNRESOLVED", at("2026-11-05T19:59:59")))
                .isEmpty();
        assertThat(world.found("INCIDENT_UNRESOLVED", at("2026-11-05T20:00")))
                .containsExactly(
                        v("INCIDENT_UNRESOLVED", "inc-1", List.of("chen"), "2026-11-02", at("2026-11-05T20:00")));
    }

    @Test
    void MAJOR_INCIDENT_UNDOCUMENTED_a_resolved_major_incident_with_a_blank_process_or_result() {
        World world = World.week();
        world.incidents.add(major("WATER_LEAK")
                .escalatedTo("li", at("2026-11-02T20:01"), true)
                .escalatedTo("zhao", at("2026-11-02T20:02"), true)
                .process("  ")
                .build());

        assertThat(world.found())
                .containsExactly(v(
                        "MAJOR_INCIDENT_UNDOCUMENTED", "inc-1", List.of("chen"), "2026-11-02", at("2026-11-03T08:00")));
        assertThat(world.found("MAJOR_INCIDENT_UNDOCUMENTED", at("2026-11-03T07:59:59")))
                .isEmpty();
    }

    @Test
    void incidents_are_in_scope_by_their_date_yet_an_out_of_scope_one_is_still_read_at_a_handover() {
        World world = World.week();
        world.incidents.add(anIncident()
                .id("inc-1")
                .unresolved()
                .openedAt(at("2026-11-02T20:00"))
                .date(TestTime.date("2026-11-09"))
                .build());

        // wang hands over on Sunday the 8th with the incident still open and not carried over
        assertThat(world.found())
                .containsExactly(v(
                        "HANDOVER_ITEM_NOT_CARRIED",
                        "ho-2026-11-08/inc-1",
                        List.of("chen"),
                        "2026-11-08",
                        at("2026-11-08T08:32")));
    }

    // the second round (SPEC section 4.1)

    private static Escalation reached(String to, String at) {
        return Escalation.of(to, at(at), true);
    }

    @Test
    void ESCALATION_DECISION_MISSING_no_decision_within_30_minutes_of_reaching_the_supervisor() {
        World world = World.week();
        world.incidents.add(difficult()
                .escalation(reached("li", "2026-11-02T20:05").withDecision("pump it out", at("2026-11-02T20:35:01")))
                .escalation(reached("sun", "2026-11-02T20:20"))
                .build());

        assertThat(world.found())
                .containsExactly(v(
                        "ESCALATION_DECISION_MISSING",
                        "inc-1",
                        List.of("li", "sun"),
                        "2026-11-02",
                        at("2026-11-02T20:35")));
        assertThat(world.check("ESCALATION_DECISION_MISSING").get(0).arguments())
                .containsExactly("DIFFICULT", "li, sun", "2026-11-02 20:05", "30");
    }

    @Test
    void ESCALATION_DECISION_MISSING_a_decision_exactly_at_the_deadline_on_any_supervisor_s_escalation_complies() {
        World world = World.week();
        world.incidents.add(difficult()
                .escalation(reached("li", "2026-11-02T20:05"))
                .escalation(reached("sun", "2026-11-02T20:20").withDecision("pump it out", at("2026-11-02T20:35")))
                .build());
        assertThat(world.found()).isEmpty();

        World withoutTime = World.week();
        withoutTime.incidents.add(difficult()
                .escalation(new Escalation("li", at("2026-11-02T20:05"), true, "pump it out", null))
                .build());
        assertThat(withoutTime.found("ESCALATION_DECISION_MISSING")).hasSize(1);
        assertThat(withoutTime.found("ESCALATION_DECISION_MISSING", at("2026-11-02T20:34:59")))
                .isEmpty();
    }

    @Test
    void ONCALL_NOT_ON_SITE_a_manager_reached_after_hours_back_60_minutes_and_a_second_later() {
        World world = World.week();
        world.incidents.add(major("WATER_LEAK")
                .escalation(reached("li", "2026-11-02T20:05")
                        .withDecision("evacuate", at("2026-11-02T20:10"))
                        .withOnSite(at("2026-11-02T21:05")))
                .escalation(reached("zhao", "2026-11-02T20:20").withOnSite(at("2026-11-02T21:20:01")))
                .build());

        assertThat(world.found())
                .containsExactly(
                        v("ONCALL_NOT_ON_SITE", "inc-1/zhao", List.of("zhao"), "2026-11-02", at("2026-11-02T21:20")));
        assertThat(world.check("ONCALL_NOT_ON_SITE").get(0).arguments())
                .containsExactly("zhao", "2026-11-02 20:20", "60");
    }

    @Test
    void ONCALL_NOT_ON_SITE_back_exactly_in_time_or_resolved_by_then_complies() {
        World world = World.week();
        world.incidents.add(major("WATER_LEAK")
                .escalation(reached("li", "2026-11-02T20:05")
                        .withDecision("evacuate", at("2026-11-02T20:10"))
                        .withOnSite(at("2026-11-02T21:05")))
                .escalation(reached("zhao", "2026-11-02T20:20").withOnSite(at("2026-11-02T21:20")))
                .build());
        assertThat(world.found()).isEmpty();

        World resolved = World.week();
        resolved.incidents.add(major("WATER_LEAK")
                .escalation(reached("li", "2026-11-02T20:05").withDecision("evacuate", at("2026-11-02T20:10")))
                .escalation(reached("zhao", "2026-11-02T20:20"))
                .resolvedAt(at("2026-11-02T21:05"))
                .build());
        assertThat(resolved.found()).isEmpty();
    }

    @Test
    void MAJOR_INCIDENT_WITHOUT_EVIDENCE_evidence_on_an_entry_does_not_count() {
        World world = World.week();
        world.incidents.add(major("WATER_LEAK")
                .escalatedTo("li", "2026-11-02T20:05", true)
                .escalatedTo("zhao", "2026-11-02T20:20", true)
                .withoutEvidence()
                .build());
        world.entries.add(anEntry()
                .id("e-1")
                .at(at("2026-11-02T20:10"))
                .author("chen")
                .kind(EntryKind.PROTECTIVE_MEASURE)
                .closedAt(at("2026-11-02T20:20"))
                .evidence("photo:corridor.jpg")
                .build());

        assertThat(world.found())
                .containsExactly(v(
                        "MAJOR_INCIDENT_WITHOUT_EVIDENCE",
                        "inc-1",
                        List.of("chen"),
                        "2026-11-02",
                        at("2026-11-03T08:00")));
        assertThat(world.check("MAJOR_INCIDENT_WITHOUT_EVIDENCE").get(0).arguments())
                .containsExactly("inc-1", "WATER_LEAK");
        assertThat(world.found("MAJOR_INCIDENT_WITHOUT_EVIDENCE", at("2026-11-03T07:59:59")))
                .isEmpty();
    }
}
