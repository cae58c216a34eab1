package io.dutykit.rules;

import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.record.EntryKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Patrol, duty report and log review rules (G2, G4, 4.3). */
class RecordRulesTest {
    private static final String DAY = "2026-11-02";
    private static final String LATER = "2026-11-20T00:00";
    private static final String LATER_MONTH = "2026-12-20T00:00";

    private static Given rostered() {
        return given().roster("2026-11", "2026-10-28T16:00", "2026-11-02=wang", "2026-11-07=wang");
    }

    /** Patrols exactly 180 minutes apart over the 17:30–08:30 shift of Monday 2026-11-02. */
    private static Given patrolledEvery180Minutes(String second) {
        return rostered()
                .patrol("p-1", "2026-11-02T20:30")
                .patrol("p-2", second)
                .patrol("p-3", "2026-11-03T02:30")
                .patrol("p-4", "2026-11-03T05:30");
    }

    @Nested
    class PatrolOverdue {
        @Test
        void gaps_of_exactly_180_minutes_comply() {
            assertThat(patrolledEvery180Minutes("2026-11-02T23:30").check("PATROL_OVERDUE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_gap_of_180_minutes_and_a_second_is_the_officer_on_duty_s() {
            assertThat(patrolledEvery180Minutes("2026-11-02T23:30:01").check("PATROL_OVERDUE", DAY, DAY, LATER))
                    .containsExactly("PATROL_OVERDUE 2026-11-02 [wang]");
        }

        @Test
        void a_shift_without_patrols_is_overdue_once_and_dated_at_the_first_gap() {
            var v = rostered().check(DAY, DAY, LATER).stream()
                    .filter(x -> x.rule().equals("PATROL_OVERDUE"))
                    .toList();
            assertThat(v).hasSize(1);
            assertThat(v.get(0).at()).isEqualTo(Given.t("2026-11-02T20:30"));
        }

        @Test
        void a_shift_that_has_not_ended_is_not_judged() {
            assertThat(rostered().check("PATROL_OVERDUE", DAY, DAY, "2026-11-03T08:29"))
                    .isEmpty();
        }

        @Test
        void a_weekend_shift_runs_24_hours_so_the_same_patrols_leave_gaps() {
            assertThat(rostered()
                            .patrol("p-1", "2026-11-07T20:30")
                            .patrol("p-2", "2026-11-07T23:30")
                            .patrol("p-3", "2026-11-08T02:30")
                            .patrol("p-4", "2026-11-08T05:30")
                            .check("PATROL_OVERDUE", "2026-11-07", "2026-11-07", LATER))
                    .containsExactly("PATROL_OVERDUE 2026-11-07 [wang]");
        }
    }

    @Nested
    class DutyReportLate {
        @Test
        void a_report_exactly_60_minutes_after_the_shift_complies() {
            assertThat(rostered()
                            .dutyReport(DAY, "wang", "2026-11-03T09:30")
                            .check("DUTY_REPORT_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_second_later_is_the_officer_on_duty_s() {
            assertThat(rostered()
                            .dutyReport(DAY, "wang", "2026-11-03T09:30:01")
                            .check("DUTY_REPORT_LATE", DAY, DAY, LATER))
                    .containsExactly("DUTY_REPORT_LATE 2026-11-02 [wang]");
        }

        @Test
        void before_the_deadline_it_is_silent() {
            assertThat(rostered().check("DUTY_REPORT_LATE", DAY, DAY, "2026-11-03T09:29:59"))
                    .isEmpty();
        }
    }

    @Nested
    class LogNotReviewed {
        @Test
        void a_review_at_exactly_1000_on_the_morning_the_shift_ends_complies() {
            assertThat(given().review(DAY, "li", "2026-11-03T10:00").check("LOG_NOT_REVIEWED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_minute_later_is_every_supervisor_s() {
            assertThat(given().review(DAY, "li", "2026-11-03T10:01").check("LOG_NOT_REVIEWED", DAY, DAY, LATER))
                    .containsExactly("LOG_NOT_REVIEWED 2026-11-02 [li]");
        }

        @Test
        void a_review_by_someone_without_the_supervisor_role_does_not_count() {
            assertThat(given().review(DAY, "zhao", "2026-11-03T09:00").check("LOG_NOT_REVIEWED", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void a_shift_ending_on_a_holiday_is_reviewed_on_the_next_working_day() {
            // the shift of Tue 2026-11-10 ends on the holiday Wed 2026-11-11
            String day = "2026-11-10";
            assertThat(given().check("LOG_NOT_REVIEWED", day, day, "2026-11-12T09:59"))
                    .isEmpty();
            assertThat(given().check("LOG_NOT_REVIEWED", day, day, "2026-11-12T10:00"))
                    .hasSize(1);
        }

        @Test
        void a_shift_ending_on_a_weekend_is_reviewed_on_monday() {
            String day = "2026-11-06";
            assertThat(given().review(day, "li", "2026-11-09T10:00").check("LOG_NOT_REVIEWED", day, day, LATER))
                    .isEmpty();
            assertThat(given().check("LOG_NOT_REVIEWED", day, day, "2026-11-09T09:59"))
                    .isEmpty();
        }

        @Test
        void a_shift_ending_on_a_make_up_working_day_is_reviewed_that_saturday() {
            String day = "2026-11-13";
            assertThat(given().check("LOG_NOT_REVIEWED", day, day, "2026-11-14T10:00"))
                    .hasSize(1);
            assertThat(given().review(day, "li", "2026-11-14T10:00").check("LOG_NOT_REVIEWED", day, day, LATER))
                    .isEmpty();
        }
    }

    private static java.util.List<String> arguments(Given g, String rule, String from, String to, String asOf) {
        return g.check(from, to, asOf).stream()
                .filter(v -> v.rule().equals(rule))
                .findFirst()
                .orElseThrow()
                .arguments();
    }

    @Nested
    class RequestNotClosed {
        private Given complaint(String closedAt) {
            return given().entry("e-1", "2026-11-02T18:00", "wang", EntryKind.COMPLAINT, false, closedAt);
        }

        @Test
        void a_complaint_closed_exactly_72_hours_later_complies() {
            assertThat(complaint("2026-11-05T18:00").check("REQUEST_NOT_CLOSED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_second_later_or_never_is_the_owner_s() {
            Given g = complaint("2026-11-05T18:00:01");
            assertThat(g.check("REQUEST_NOT_CLOSED", DAY, DAY, LATER)).containsExactly("REQUEST_NOT_CLOSED e-1 [wang]");
            assertThat(arguments(g, "REQUEST_NOT_CLOSED", DAY, DAY, LATER))
                    .containsExactly("COMPLAINT", "2026-11-02 18:00", "72", "wang");
            assertThat(complaint(null).check("REQUEST_NOT_CLOSED", DAY, DAY, "2026-11-05T17:59:59"))
                    .isEmpty();
            assertThat(complaint(null).check("REQUEST_NOT_CLOSED", DAY, DAY, "2026-11-05T18:00"))
                    .hasSize(1);
            assertThat(complaint("2026-11-05T19:00").check("REQUEST_NOT_CLOSED", DAY, DAY, "2026-11-05T18:30"))
                    .hasSize(1);
        }

        @Test
        void a_request_for_help_has_24_hours_other_kinds_none() {
            Given help =
                    given().entry("e-1", "2026-11-02T18:00", "wang", EntryKind.HELP_REQUEST, false, "2026-11-03T18:00");
            assertThat(help.check("REQUEST_NOT_CLOSED", DAY, DAY, LATER)).isEmpty();
            assertThat(given().entry(
                                    "e-1",
                                    "2026-11-02T18:00",
                                    "wang",
                                    EntryKind.HELP_REQUEST,
                                    false,
                                    "2026-11-03T18:00:01")
                            .check("REQUEST_NOT_CLOSED", DAY, DAY, LATER))
                    .hasSize(1);
            assertThat(given().entry("e-1", "2026-11-02T18:00", "wang", EntryKind.ENQUIRY, false, null)
                            .check("REQUEST_NOT_CLOSED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void the_owner_at_the_deadline_is_responsible() {
            // wang's complaint carried over to chen at a handover completed at 17:40 on the 5th …
            Given beforeDeadline = complaint(null)
                    .handover(Given.aHandover("ho-5", "2026-11-05T17:30", "wang", "chen")
                            .carriedOver("e-1")
                            .completedAt("2026-11-05T17:40"));
            assertThat(beforeDeadline.check("REQUEST_NOT_CLOSED", DAY, DAY, LATER))
                    .containsExactly("REQUEST_NOT_CLOSED e-1 [chen]");
            // … exactly at the deadline: chen's too; a second after it: still wang's
            assertThat(complaint(null)
                            .handover(Given.aHandover("ho-5", "2026-11-05T17:30", "wang", "chen")
                                    .carriedOver("e-1")
                                    .completedAt("2026-11-05T18:00"))
                            .check("REQUEST_NOT_CLOSED", DAY, DAY, LATER))
                    .containsExactly("REQUEST_NOT_CLOSED e-1 [chen]");
            assertThat(complaint(null)
                            .handover(Given.aHandover("ho-5", "2026-11-05T17:30", "wang", "chen")
                                    .carriedOver("e-1")
                                    .completedAt("2026-11-05T18:00:01"))
                            .check("REQUEST_NOT_CLOSED", DAY, DAY, LATER))
                    .containsExactly("REQUEST_NOT_CLOSED e-1 [wang]");
        }
    }

    @Nested
    class SpotChecksTooFew {
        private Given checks(int count) {
            Given g = given();
            for (int i = 0; i < count; i++) {
                g.spotCheck("2026-11-%02d".formatted(2 + 7 * i), "li", "2026-11-%02dT20:00".formatted(2 + 7 * i));
            }
            return g;
        }

        @Test
        void four_spot_checks_in_a_month_comply_three_are_every_supervisor_s() {
            assertThat(checks(4).check("SPOT_CHECKS_TOO_FEW", DAY, DAY, LATER_MONTH))
                    .isEmpty();
            Given three = checks(3);
            assertThat(three.check("SPOT_CHECKS_TOO_FEW", DAY, DAY, LATER_MONTH))
                    .containsExactly("SPOT_CHECKS_TOO_FEW 2026-11 [li]");
            assertThat(arguments(three, "SPOT_CHECKS_TOO_FEW", DAY, DAY, LATER_MONTH))
                    .containsExactly("2026-11", "3", "4");
        }

        @Test
        void two_on_one_day_count_twice_one_by_someone_else_not_at_all() {
            assertThat(checks(3)
                            .spotCheck("2026-11-02", "li", "2026-11-02T23:00")
                            .check("SPOT_CHECKS_TOO_FEW", DAY, DAY, LATER_MONTH))
                    .isEmpty();
            assertThat(checks(3)
                            .spotCheck("2026-11-25", "zhao", "2026-11-25T20:00")
                            .check("SPOT_CHECKS_TOO_FEW", DAY, DAY, LATER_MONTH))
                    .hasSize(1);
        }

        @Test
        void judged_only_once_the_month_has_ended() {
            assertThat(checks(3).check("SPOT_CHECKS_TOO_FEW", DAY, DAY, "2026-11-30T23:59:59"))
                    .isEmpty();
            assertThat(checks(3).check("SPOT_CHECKS_TOO_FEW", DAY, DAY, "2026-12-01T00:00"))
                    .hasSize(1);
        }
    }

    @Nested
    class ReportNotReviewed {
        private Given report(String submittedAt, String reviewedBy, String reviewedAt) {
            return rostered().dutyReport(DAY, "wang", submittedAt, reviewedBy, reviewedAt);
        }

        @Test
        void reviewed_exactly_24_hours_after_submission_complies_a_second_later_is_every_supervisor_s() {
            assertThat(report("2026-11-03T09:00", "li", "2026-11-04T09:00")
                            .check("DUTY_REPORT_NOT_REVIEWED", DAY, DAY, LATER))
                    .isEmpty();
            Given late = report("2026-11-03T09:00", "li", "2026-11-04T09:00:01");
            assertThat(late.check("DUTY_REPORT_NOT_REVIEWED", DAY, DAY, LATER))
                    .containsExactly("DUTY_REPORT_NOT_REVIEWED 2026-11-02 [li]");
            assertThat(arguments(late, "DUTY_REPORT_NOT_REVIEWED", DAY, DAY, LATER))
                    .containsExactly("2026-11-02", "2026-11-03 09:00", "2026-11-04 09:00");
        }

        @Test
        void a_review_by_someone_without_the_supervisor_role_does_not_count() {
            assertThat(report("2026-11-03T09:00", "zhao", "2026-11-03T09:30")
                            .check("DUTY_REPORT_NOT_REVIEWED", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void without_a_submitted_report_it_is_silent() {
            assertThat(rostered().check("DUTY_REPORT_NOT_REVIEWED", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(report("2026-11-03T09:00", null, null)
                            .check("DUTY_REPORT_NOT_REVIEWED", DAY, DAY, "2026-11-03T08:59"))
                    .isEmpty();
        }

        @Test
        void the_log_review_deadline_is_the_later_one_before_a_weekend() {
            // the shift of Friday the 6th ends on Saturday; the log review is due on Monday the 9th at 10:00,
            // later than 24 h after a report submitted on Saturday at 09:00
            Given g = given().dutyReport("2026-11-06", "wang", "2026-11-07T09:00", "li", "2026-11-09T10:00");
            assertThat(g.check("DUTY_REPORT_NOT_REVIEWED", "2026-11-06", "2026-11-06", LATER))
                    .isEmpty();
            Given late = given().dutyReport("2026-11-06", "wang", "2026-11-07T09:00", "li", "2026-11-09T10:00:01");
            assertThat(arguments(late, "DUTY_REPORT_NOT_REVIEWED", "2026-11-06", "2026-11-06", LATER))
                    .containsExactly("2026-11-06", "2026-11-07 09:00", "2026-11-09 10:00");
        }

        @Test
        void one_of_two_reports_reviewed_is_enough() {
            assertThat(report("2026-11-03T09:00", null, null)
                            .dutyReport(DAY, "liu", "2026-11-03T09:10", "li", "2026-11-03T09:40")
                            .check("DUTY_REPORT_NOT_REVIEWED", DAY, DAY, LATER))
                    .isEmpty();
        }
    }
}
