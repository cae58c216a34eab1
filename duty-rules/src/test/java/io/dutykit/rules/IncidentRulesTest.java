package io.dutykit.rules;

import static io.dutykit.rules.Given.anIncident;
import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.test.data.IncidentBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Incident rules (4.1.4, 4.1.5, 4.1.7, G3, G4) on incidents opened at 20:00 on Monday 2026-11-02. */
class IncidentRulesTest {
    private static final String DAY = "2026-11-02";
    private static final String LATER = "2026-11-20T00:00";
    private static final String OPENED = "2026-11-02T20:00";

    private static IncidentBuilder difficult() {
        return anIncident("inc-1", OPENED);
    }

    private static IncidentBuilder major() {
        return anIncident("inc-1", OPENED).severity(IncidentSeverity.MAJOR);
    }

    @Nested
    class SupervisorLate {
        @Test
        void a_difficult_incident_reported_to_the_supervisor_at_exactly_30_minutes_is_in_time() {
            assertThat(given().incident(difficult().escalatedTo("li", "2026-11-02T20:30", true))
                            .check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_second_later_is_late_and_the_reporter_s() {
            assertThat(given().incident(difficult().escalatedTo("li", "2026-11-02T20:30:01", true))
                            .check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, LATER))
                    .containsExactly("ESCALATION_SUPERVISOR_LATE inc-1 [wang]");
        }

        @Test
        void a_major_incident_has_10_minutes_and_an_escalation_before_opening_is_in_time() {
            assertThat(given().incident(major().escalatedTo("li", "2026-11-02T20:10", true))
                            .check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(major().escalatedTo("li", "2026-11-02T19:59", true))
                            .check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(major().escalatedTo("li", "2026-11-02T20:10:01", true))
                            .check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void an_escalation_to_someone_without_the_supervisor_role_does_not_count() {
            assertThat(given().incident(difficult().escalatedTo("zhao", "2026-11-02T20:05", true))
                            .check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void an_unreached_supervisor_still_counts_as_escalated() {
            assertThat(given().incident(difficult().escalatedTo("li", "2026-11-02T20:05", false))
                            .check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void routine_incidents_and_deadlines_after_as_of_are_silent() {
            assertThat(given().incident(difficult().severity(IncidentSeverity.ROUTINE))
                            .check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(difficult())
                            .check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, "2026-11-02T20:29:59"))
                    .isEmpty();
            assertThat(given().incident(difficult()).check("ESCALATION_SUPERVISOR_LATE", DAY, DAY, "2026-11-02T20:30"))
                    .hasSize(1);
        }
    }

    @Nested
    class ManagerLate {
        @Test
        void a_major_incident_reported_to_the_manager_at_exactly_30_minutes_is_in_time() {
            assertThat(given().incident(major().escalatedTo("li", "2026-11-02T20:05", true)
                                    .escalatedTo("zhao", "2026-11-02T20:30", true))
                            .check("ESCALATION_MANAGER_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void late_is_the_reporter_s_and_every_supervisor_reached_about_it() {
            assertThat(given().incident(major().escalatedTo("li", "2026-11-02T20:05", true)
                                    .escalatedTo("zhao", "2026-11-02T20:30:01", true))
                            .check("ESCALATION_MANAGER_LATE", DAY, DAY, LATER))
                    .containsExactly("ESCALATION_MANAGER_LATE inc-1 [wang, li]");
        }

        @Test
        void a_supervisor_not_reached_is_not_responsible() {
            assertThat(given().incident(major().escalatedTo("li", "2026-11-02T20:05", false))
                            .check("ESCALATION_MANAGER_LATE", DAY, DAY, LATER))
                    .containsExactly("ESCALATION_MANAGER_LATE inc-1 [wang]");
        }

        @Test
        void difficult_incidents_need_no_manager() {
            assertThat(given().incident(difficult()).check("ESCALATION_MANAGER_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class OnCallUnreachable {
        @Test
        void an_unreached_manager_level_person_after_hours_is_that_person_s() {
            assertThat(given().incident(difficult().escalatedTo("sun", "2026-11-02T20:05", false))
                            .check("ONCALL_UNREACHABLE", DAY, DAY, LATER))
                    .containsExactly("ONCALL_UNREACHABLE inc-1/sun [sun]");
        }

        @Test
        void in_office_hours_it_is_silent_but_on_a_holiday_daytime_is_after_hours() {
            assertThat(given().incident(anIncident("inc-1", "2026-11-02T10:00")
                                    .escalatedTo("ma", "2026-11-02T10:05", false))
                            .check("ONCALL_UNREACHABLE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(anIncident("inc-1", "2026-11-11T10:00")
                                    .escalatedTo("ma", "2026-11-11T10:05", false))
                            .check("ONCALL_UNREACHABLE", "2026-11-11", "2026-11-11", LATER))
                    .containsExactly("ONCALL_UNREACHABLE inc-1/ma [ma]");
        }

        @Test
        void office_hours_end_at_1730_exactly() {
            assertThat(given().incident(anIncident("inc-1", "2026-11-02T17:00")
                                    .escalatedTo("li", "2026-11-02T17:29:59", false))
                            .check("ONCALL_UNREACHABLE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(anIncident("inc-1", "2026-11-02T17:00")
                                    .escalatedTo("li", "2026-11-02T17:30", false))
                            .check("ONCALL_UNREACHABLE", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void a_reached_person_or_a_duty_officer_complies() {
            assertThat(given().incident(difficult()
                                    .escalatedTo("li", "2026-11-02T20:05", true)
                                    .escalatedTo("chen", "2026-11-02T20:06", false))
                            .check("ONCALL_UNREACHABLE", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class EmergencyPlanLate {
        @Test
        void a_major_fire_with_its_plan_started_at_exactly_5_minutes_complies() {
            assertThat(given().incident(major().category("FIRE").planActivatedAt("2026-11-02T20:05"))
                            .check("EMERGENCY_PLAN_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void started_a_second_later_is_the_reporter_s() {
            assertThat(given().incident(major().category("FIRE").planActivatedAt("2026-11-02T20:05:01"))
                            .check("EMERGENCY_PLAN_LATE", DAY, DAY, LATER))
                    .containsExactly("EMERGENCY_PLAN_LATE inc-1 [wang]");
        }

        @Test
        void a_category_without_a_plan_or_a_difficult_incident_is_silent() {
            assertThat(given().incident(major().category("WATER_LEAK")).check("EMERGENCY_PLAN_LATE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(difficult().category("FIRE")).check("EMERGENCY_PLAN_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class Unresolved {
        @Test
        void a_difficult_incident_resolved_at_exactly_72_hours_complies() {
            assertThat(given().incident(difficult().resolvedAt("2026-11-05T20:00"))
                            .check("INCIDENT_UNRESOLVED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void resolved_a_second_late_still_fires() {
            assertThat(given().incident(difficult().resolvedAt("2026-11-05T20:00:01"))
                            .check("INCIDENT_UNRESOLVED", DAY, DAY, LATER))
                    .containsExactly("INCIDENT_UNRESOLVED inc-1 [wang]");
        }

        @Test
        void an_open_incident_fires_only_once_its_deadline_has_passed() {
            Given g = given().incident(
                            difficult().severity(IncidentSeverity.ROUTINE).unresolved());
            assertThat(g.check("INCIDENT_UNRESOLVED", DAY, DAY, "2026-11-03T19:59:59"))
                    .isEmpty();
            assertThat(g.check("INCIDENT_UNRESOLVED", DAY, DAY, "2026-11-03T20:00"))
                    .hasSize(1);
        }
    }

    @Nested
    class MajorUndocumented {
        @Test
        void a_resolved_major_incident_without_its_result_is_the_reporter_s() {
            assertThat(given().incident(major().documented("pumped out", " "))
                            .check("MAJOR_INCIDENT_UNDOCUMENTED", DAY, DAY, LATER))
                    .containsExactly("MAJOR_INCIDENT_UNDOCUMENTED inc-1 [wang]");
        }

        @Test
        void a_documented_one_complies_and_an_unresolved_one_is_not_yet_judged() {
            assertThat(given().incident(major()).check("MAJOR_INCIDENT_UNDOCUMENTED", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(major().documented(null, null).unresolved())
                            .check("MAJOR_INCIDENT_UNDOCUMENTED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_resolution_after_as_of_reads_as_missing() {
            assertThat(given().incident(major().documented(null, null).resolvedAt("2026-11-02T22:00"))
                            .check("MAJOR_INCIDENT_UNDOCUMENTED", DAY, DAY, "2026-11-02T21:00"))
                    .isEmpty();
        }
    }
}
