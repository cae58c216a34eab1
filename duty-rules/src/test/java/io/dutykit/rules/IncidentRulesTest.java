package io.dutykit.rules;

import static io.dutykit.rules.Given.anIncident;
import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.test.data.EntryBuilder;
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

    private static java.util.List<String> arguments(Given g, String rule) {
        return g.check(DAY, DAY, LATER).stream()
                .filter(v -> v.rule().equals(rule))
                .findFirst()
                .orElseThrow()
                .arguments();
    }

    /** A second supervisor. */
    private static final Staff GAO = Staff.of("gao", "高峰", Role.SUPERVISOR);

    private static Escalation decided(String to, String at, boolean reached, String decidedAt) {
        Escalation e = Escalation.of(to, Given.t(at), reached);
        return decidedAt == null ? e : e.withDecision("send the maintenance team", Given.t(decidedAt));
    }

    @Nested
    class DecisionMissing {
        @Test
        void a_decision_exactly_30_minutes_after_the_supervisor_was_reached_is_in_time() {
            assertThat(given().incident(
                                    difficult().escalation(decided("li", "2026-11-02T20:05", true, "2026-11-02T20:35")))
                            .check("ESCALATION_DECISION_MISSING", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_second_later_is_every_supervisor_reached_s() {
            Given g = given().incident(
                            difficult().escalation(decided("li", "2026-11-02T20:05", true, "2026-11-02T20:35:01")));
            assertThat(g.check("ESCALATION_DECISION_MISSING", DAY, DAY, LATER))
                    .containsExactly("ESCALATION_DECISION_MISSING inc-1 [li]");
            assertThat(arguments(g, "ESCALATION_DECISION_MISSING"))
                    .containsExactly("DIFFICULT", "li", "2026-11-02 20:05", "30");
        }

        @Test
        void a_decision_without_its_time_does_not_count() {
            assertThat(given().incident(difficult()
                                    .escalation(
                                            new Escalation("li", Given.t("2026-11-02T20:05"), true, "evacuate", null)))
                            .check("ESCALATION_DECISION_MISSING", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void the_deadline_must_have_passed_and_an_unreached_supervisor_starts_nothing() {
            Given g = given().incident(difficult().escalation(decided("li", "2026-11-02T20:05", true, null)));
            assertThat(g.check("ESCALATION_DECISION_MISSING", DAY, DAY, "2026-11-02T20:34:59"))
                    .isEmpty();
            assertThat(g.check("ESCALATION_DECISION_MISSING", DAY, DAY, "2026-11-02T20:35"))
                    .hasSize(1);
            assertThat(given().incident(difficult().escalation(decided("li", "2026-11-02T20:05", false, null)))
                            .check("ESCALATION_DECISION_MISSING", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(difficult()
                                    .severity(IncidentSeverity.ROUTINE)
                                    .escalation(decided("li", "2026-11-02T20:05", true, null)))
                            .check("ESCALATION_DECISION_MISSING", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_decision_on_another_supervisor_s_escalation_counts_a_manager_s_does_not() {
            assertThat(given().staff(GAO)
                            .incident(difficult()
                                    .escalation(decided("li", "2026-11-02T20:05", true, null))
                                    .escalation(decided("gao", "2026-11-02T20:20", false, "2026-11-02T20:30")))
                            .check("ESCALATION_DECISION_MISSING", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(major().withoutDecisions()
                                    .escalatedTo("li", "2026-11-02T20:05", true)
                                    .escalation(new Escalation(
                                            "zhao",
                                            Given.t("2026-11-02T20:10"),
                                            true,
                                            "evacuate",
                                            null,
                                            Given.t("2026-11-02T20:15"))))
                            .check("ESCALATION_DECISION_MISSING", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void a_later_reached_escalation_does_not_move_the_start_and_both_supervisors_are_responsible() {
            Given g = given().staff(GAO)
                    .incident(difficult()
                            .escalation(decided("li", "2026-11-02T20:05", true, null))
                            .escalation(decided("gao", "2026-11-02T20:20", true, "2026-11-02T20:40")));
            assertThat(g.check("ESCALATION_DECISION_MISSING", DAY, DAY, LATER))
                    .containsExactly("ESCALATION_DECISION_MISSING inc-1 [gao, li]");
            assertThat(arguments(g, "ESCALATION_DECISION_MISSING")).element(1).isEqualTo("gao, li");
        }
    }

    @Nested
    class OnCallNotOnSite {
        private IncidentBuilder reachedAt2020(String onSiteAt) {
            Escalation zhao = Escalation.of("zhao", Given.t("2026-11-02T20:20"), true);
            // the supervisor reached at 20:05 decided at 20:10 and was back at 20:40
            Escalation li = Escalation.of("li", Given.t("2026-11-02T20:05"), true)
                    .withDecision("evacuate the floor", Given.t("2026-11-02T20:10"))
                    .withOnSite(Given.t("2026-11-02T20:40"));
            return major().withoutOnSiteReturns()
                    .escalation(li)
                    .escalation(onSiteAt == null ? zhao : zhao.withOnSite(Given.t(onSiteAt)))
                    .resolvedAt("2026-11-02T23:00");
        }

        @Test
        void back_on_site_exactly_60_minutes_after_being_reached_complies() {
            assertThat(given().incident(reachedAt2020("2026-11-02T21:20")).check("ONCALL_NOT_ON_SITE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_second_later_is_that_person_s_one_violation_each() {
            Given g = given().incident(reachedAt2020("2026-11-02T21:20:01"));
            assertThat(g.check("ONCALL_NOT_ON_SITE", DAY, DAY, LATER))
                    .containsExactly("ONCALL_NOT_ON_SITE inc-1/zhao [zhao]");
            assertThat(g.check(DAY, DAY, LATER).stream()
                            .filter(v -> v.subject().equals("inc-1/zhao"))
                            .findFirst()
                            .orElseThrow()
                            .arguments())
                    .containsExactly("zhao", "2026-11-02 20:20", "60");
        }

        @Test
        void resolved_by_the_deadline_needs_nobody_back() {
            assertThat(given().incident(reachedAt2020(null).resolvedAt("2026-11-02T21:05"))
                            .check("ONCALL_NOT_ON_SITE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(reachedAt2020(null).resolvedAt("2026-11-02T21:20:01"))
                            .check("ONCALL_NOT_ON_SITE", DAY, DAY, LATER))
                    .containsExactly("ONCALL_NOT_ON_SITE inc-1/zhao [zhao]");
        }

        @Test
        void in_office_hours_unreached_or_difficult_it_is_silent() {
            assertThat(given().incident(anIncident("inc-1", "2026-11-02T16:00")
                                    .severity(IncidentSeverity.MAJOR)
                                    .withoutOnSiteReturns()
                                    .escalatedTo("zhao", "2026-11-02T17:29:59", true)
                                    .resolvedAt("2026-11-02T23:00"))
                            .check("ONCALL_NOT_ON_SITE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(anIncident("inc-1", "2026-11-02T16:00")
                                    .severity(IncidentSeverity.MAJOR)
                                    .withoutOnSiteReturns()
                                    .escalatedTo("zhao", "2026-11-02T17:30", true)
                                    .resolvedAt("2026-11-02T23:00"))
                            .check("ONCALL_NOT_ON_SITE", DAY, DAY, LATER))
                    .hasSize(1);
            assertThat(given().incident(major().withoutOnSiteReturns()
                                    .escalatedTo("zhao", "2026-11-02T20:20", false)
                                    .resolvedAt("2026-11-02T23:00"))
                            .check("ONCALL_NOT_ON_SITE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(difficult()
                                    .withoutOnSiteReturns()
                                    .escalatedTo("zhao", "2026-11-02T20:20", true)
                                    .resolvedAt("2026-11-02T23:00"))
                            .check("ONCALL_NOT_ON_SITE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void an_on_site_return_recorded_on_a_later_escalation_to_the_person_counts() {
            assertThat(given().incident(reachedAt2020(null)
                                    .escalation(Escalation.of("zhao", Given.t("2026-11-02T20:40"), false)
                                            .withOnSite(Given.t("2026-11-02T21:10"))))
                            .check("ONCALL_NOT_ON_SITE", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class WithoutEvidence {
        @Test
        void a_resolved_major_incident_with_no_evidence_is_the_reporter_s() {
            Given g = given().incident(major().withoutEvidence())
                    .entry(EntryBuilder.anEntry()
                            .site(Given.SITE)
                            .id("e-1")
                            .at(Given.t("2026-11-02T20:10"))
                            .kind(io.dutykit.core.record.EntryKind.PROTECTIVE_MEASURE)
                            .closedAt("2026-11-02T20:20")
                            .evidence("photo:corridor.jpg"));
            assertThat(g.check("MAJOR_INCIDENT_WITHOUT_EVIDENCE", DAY, DAY, LATER))
                    .containsExactly("MAJOR_INCIDENT_WITHOUT_EVIDENCE inc-1 [wang]");
            assertThat(arguments(g, "MAJOR_INCIDENT_WITHOUT_EVIDENCE")).containsExactly("inc-1", "WATER_LEAK");
        }

        @Test
        void one_reference_complies_unresolved_or_difficult_is_silent() {
            assertThat(given().incident(major().evidence("photo:inc-1-scene.jpg"))
                            .check("MAJOR_INCIDENT_WITHOUT_EVIDENCE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(major().withoutEvidence().unresolved())
                            .check("MAJOR_INCIDENT_WITHOUT_EVIDENCE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().incident(difficult().withoutEvidence())
                            .check("MAJOR_INCIDENT_WITHOUT_EVIDENCE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_resolution_after_as_of_is_not_judged_yet() {
            assertThat(given().incident(major().withoutEvidence())
                            .check("MAJOR_INCIDENT_WITHOUT_EVIDENCE", DAY, DAY, "2026-11-02T20:59"))
                    .isEmpty();
        }
    }
}
