package io.dutykit.rules;

import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Patrol, duty report and log review rules (G2, G4, 4.3). */
class RecordRulesTest {
    private static final String DAY = "2026-11-02";
    private static final String LATER = "2026-11-20T00:00";

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
}
