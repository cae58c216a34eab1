package io.dutykit.rules;

import static io.dutykit.rules.Given.aHandover;
import static io.dutykit.rules.Given.d;
import static io.dutykit.rules.Given.given;
import static io.dutykit.rules.Given.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.roster.Leave;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Roster, leave and post rules (4.1.1, 4.1.2, 4.1.5). */
class RosterRulesTest {
    private static final String DAY = "2026-11-02";
    private static final String LATER = "2026-11-20T00:00";

    @Nested
    class RosterLate {
        @Test
        void a_month_without_a_roster_is_every_supervisor_s() {
            assertThat(given().check("ROSTER_LATE", DAY, DAY, LATER)).containsExactly("ROSTER_LATE 2026-11 [li]");
        }

        @Test
        void published_a_second_before_the_month_complies() {
            assertThat(given().roster("2026-11", "2026-10-31T23:59:59", "2026-11-02=wang")
                            .check("ROSTER_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void published_exactly_at_midnight_is_late_and_the_publisher_s() {
            assertThat(given().rosterBy("2026-11", "2026-11-01T00:00", "zhao", "2026-11-02=wang")
                            .check("ROSTER_LATE", DAY, DAY, LATER))
                    .containsExactly("ROSTER_LATE 2026-11 [zhao]");
        }

        @Test
        void the_deadline_must_have_passed() {
            assertThat(given().check("ROSTER_LATE", DAY, DAY, "2026-10-31T23:59:59"))
                    .isEmpty();
        }

        @Test
        void every_month_the_period_overlaps_is_checked_across_a_month_boundary() {
            assertThat(given().fullRoster("2026-11", "wang")
                            .check("ROSTER_LATE", "2026-11-30", "2026-12-01", "2026-12-02T00:00"))
                    .containsExactly("ROSTER_LATE 2026-12 [li]");
        }
    }

    @Nested
    class RosterGap {
        @Test
        void a_date_without_an_officer_in_a_rostered_month_is_the_publisher_s() {
            assertThat(given().roster("2026-11", "2026-10-28T16:00", "2026-11-02=wang")
                            .check("ROSTER_GAP", DAY, "2026-11-03", LATER))
                    .containsExactly("ROSTER_GAP 2026-11-03 [li]");
        }

        @Test
        void an_officer_without_the_duty_officer_role_is_a_gap() {
            assertThat(given().roster("2026-11", "2026-10-28T16:00", "2026-11-02=zhao")
                            .check("ROSTER_GAP", DAY, DAY, LATER))
                    .containsExactly("ROSTER_GAP 2026-11-02 [li]");
        }

        @Test
        void a_month_without_a_roster_has_no_gaps_roster_late_speaks() {
            assertThat(given().check("ROSTER_GAP", DAY, DAY, LATER)).isEmpty();
        }
    }

    @Nested
    class UnapprovedSwap {
        private Given swapped() {
            return given().roster("2026-11", "2026-10-28T16:00", "2026-11-02=wang")
                    .handover(aHandover("ho-1", "2026-11-02T17:30", "chen", "liu"));
        }

        private Leave leave(String approvedBy, String approvedAt, String substitute) {
            return new Leave(
                    "lv-1", "wang", d(DAY), t("2026-11-01T09:00"), approvedBy, t(approvedAt), substitute, "ill");
        }

        @Test
        void someone_else_taking_over_without_leave_is_the_incoming_s() {
            assertThat(swapped().check("UNAPPROVED_SWAP", DAY, DAY, LATER))
                    .containsExactly("UNAPPROVED_SWAP 2026-11-02 [liu]");
        }

        @Test
        void a_leave_approved_exactly_at_the_shift_start_covers_it() {
            assertThat(swapped()
                            .leave(leave("li", "2026-11-02T17:30", "liu"))
                            .check("UNAPPROVED_SWAP", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_leave_approved_after_the_shift_start_does_not() {
            assertThat(swapped()
                            .leave(leave("li", "2026-11-02T17:30:01", "liu"))
                            .check("UNAPPROVED_SWAP", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void a_leave_approved_by_a_non_supervisor_or_naming_another_substitute_does_not() {
            assertThat(swapped()
                            .leave(leave("zhao", "2026-11-02T09:00", "liu"))
                            .check("UNAPPROVED_SWAP", DAY, DAY, LATER))
                    .hasSize(1);
            assertThat(swapped()
                            .leave(leave("li", "2026-11-02T09:00", "chen"))
                            .check("UNAPPROVED_SWAP", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void the_rostered_officer_taking_over_complies() {
            assertThat(given().roster("2026-11", "2026-10-28T16:00", "2026-11-02=wang")
                            .handover(aHandover("ho-1", "2026-11-02T17:30", "chen", "wang"))
                            .check("UNAPPROVED_SWAP", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class LeaveWithoutSubstitute {
        @Test
        void an_approved_leave_without_substitute_is_the_approver_s() {
            assertThat(given().leave(new Leave(
                                    "lv-1",
                                    "wang",
                                    d(DAY),
                                    t("2026-11-01T09:00"),
                                    "li",
                                    t("2026-11-01T10:00"),
                                    " ",
                                    null))
                            .check("LEAVE_WITHOUT_SUBSTITUTE", DAY, DAY, LATER))
                    .containsExactly("LEAVE_WITHOUT_SUBSTITUTE lv-1 [li]");
        }

        @Test
        void an_unapproved_leave_or_one_with_a_substitute_complies() {
            assertThat(given().leave(new Leave("lv-1", "wang", d(DAY), t("2026-11-01T09:00"), null, null, null, null))
                            .leave(new Leave(
                                    "lv-2",
                                    "chen",
                                    d(DAY),
                                    t("2026-11-01T09:00"),
                                    "li",
                                    t("2026-11-01T10:00"),
                                    "liu",
                                    null))
                            .check("LEAVE_WITHOUT_SUBSTITUTE", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class PostLeft {
        @Test
        void an_uncovered_absence_during_a_shift_is_the_absent_person_s() {
            assertThat(given().absence("ab-1", "wang", "2026-11-02T20:00", "2026-11-02T20:10", null)
                            .check("POST_LEFT", DAY, DAY, LATER))
                    .containsExactly("POST_LEFT ab-1 [wang]");
        }

        @Test
        void a_covered_absence_complies() {
            assertThat(given().absence("ab-1", "wang", "2026-11-02T20:00", "2026-11-02T20:10", "liu")
                            .check("POST_LEFT", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void an_absence_of_exactly_the_allowed_zero_minutes_complies() {
            assertThat(given().absence("ab-1", "wang", "2026-11-02T20:00", "2026-11-02T20:00", null)
                            .check("POST_LEFT", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void an_absence_during_office_hours_outside_every_shift_complies() {
            assertThat(given().absence("ab-1", "wang", "2026-11-02T10:00", "2026-11-02T11:00", null)
                            .check("POST_LEFT", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void an_absence_ending_exactly_at_the_shift_start_does_not_overlap_it() {
            assertThat(given().absence("ab-1", "wang", "2026-11-02T17:00", "2026-11-02T17:30", null)
                            .check("POST_LEFT", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void an_absence_without_an_end_lasts_until_as_of() {
            assertThat(given().absence("ab-1", "wang", "2026-11-02T20:00", null, null)
                            .check("POST_LEFT", DAY, DAY, "2026-11-02T20:01"))
                    .containsExactly("POST_LEFT ab-1 [wang]");
        }

        @Test
        void an_absence_after_as_of_is_ignored() {
            assertThat(given().absence("ab-1", "wang", "2026-11-02T20:00", "2026-11-02T20:10", null)
                            .check("POST_LEFT", DAY, DAY, "2026-11-02T19:00"))
                    .isEmpty();
        }
    }
}
