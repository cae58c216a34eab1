package io.dutykit.reference;

import static io.dutykit.reference.V.v;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static io.dutykit.test.data.TestTime.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RecordRulesTest {
    private static final String SUPERVISORS = "li,sun";

    /** Replaces the patrols of Tuesday 3 November's shift (17:30 to 08:30) by patrols at these times. */
    private static World patrolsOnNovember3(String... localTimes) {
        World world = World.week().removeEntriesOf(date("2026-11-03"), EntryKind.PATROL);
        int k = 0;
        for (String time : localTimes) {
            world.entries.add(anEntry()
                    .id("pt-" + k++)
                    .author("wang")
                    .kind(EntryKind.PATROL)
                    .at(at(time))
                    .build());
        }
        return world;
    }

    @Test
    void PATROL_OVERDUE_gaps_of_exactly_180_minutes_comply() {
        World world =
                patrolsOnNovember3("2026-11-03T20:30", "2026-11-03T23:30", "2026-11-04T02:30", "2026-11-04T05:30");

        assertThat(world.found()).isEmpty();
    }

    @Test
    void PATROL_OVERDUE_a_first_patrol_one_second_too_late_is_overdue_from_start_plus_180() {
        World world =
                patrolsOnNovember3("2026-11-03T20:30:01", "2026-11-03T23:30", "2026-11-04T02:30", "2026-11-04T05:30");

        assertThat(world.found())
                .containsExactly(
                        v("PATROL_OVERDUE", "2026-11-03", List.of("wang"), "2026-11-03", at("2026-11-03T20:30")));
    }

    @Test
    void PATROL_OVERDUE_the_gap_from_the_last_patrol_to_the_shift_end_counts_and_later_patrols_do_not() {
        World world = patrolsOnNovember3(
                "2026-11-03T20:30",
                "2026-11-03T23:30",
                "2026-11-04T02:30",
                "2026-11-04T05:29:59",
                "2026-11-04T08:30:01");

        assertThat(world.found())
                .containsExactly(
                        v("PATROL_OVERDUE", "2026-11-03", List.of("wang"), "2026-11-03", at("2026-11-04T08:29:59")));
    }

    @Test
    void PATROL_OVERDUE_patrols_by_anyone_count_whatever_their_date_field() {
        World world = patrolsOnNovember3("2026-11-03T20:30", "2026-11-03T23:30", "2026-11-04T05:30");
        world.entries.add(anEntry()
                .id("pt-guest")
                .author("guest")
                .kind(EntryKind.PATROL)
                .date(date("2026-11-01"))
                .at(at("2026-11-04T02:30"))
                .build());

        assertThat(world.found()).isEmpty();
    }

    @Test
    void PATROL_OVERDUE_a_shift_without_patrols_waits_until_it_has_ended() {
        World world = patrolsOnNovember3();

        assertThat(world.found("PATROL_OVERDUE", at("2026-11-04T08:29:59"))).isEmpty();
        assertThat(world.found("PATROL_OVERDUE", at("2026-11-04T08:30")))
                .containsExactly(
                        v("PATROL_OVERDUE", "2026-11-03", List.of("wang"), "2026-11-03", at("2026-11-03T20:30")));
    }

    private static World reportOfNovember3At(Instant submittedAt) {
        World world = World.week();
        world.dutyReports.removeIf(r -> r.date().equals(date("2026-11-03")));
        if (submittedAt != null) {
            // reviewed by li at 09:00 on the 5th: in time for any submission up to 09:00 on the 4th + 24 h
            world.dutyReports.add(new DutyReport(date("2026-11-03"), "liu", submittedAt, "li", at("2026-11-05T09:00")));
        }
        return world;
    }

    @Test
    void DUTY_REPORT_LATE_submitted_exactly_60_minutes_after_the_shift_complies() {
        assertThat(reportOfNovember3At(at("2026-11-04T09:30")).found()).isEmpty();
    }

    @Test
    void DUTY_REPORT_LATE_submitted_a_second_later_or_never_is_late_and_the_officer_on_duty_is_responsible() {
        World late = reportOfNovember3At(at("2026-11-04T09:30:01"));
        World never = reportOfNovember3At(null);
        never.handoverOn("2026-11-03").incoming("chen");

        assertThat(late.found())
                .containsExactly(
                        v("DUTY_REPORT_LATE", "2026-11-03", List.of("wang"), "2026-11-03", at("2026-11-04T09:30")));
        assertThat(never.found("DUTY_REPORT_LATE"))
                .containsExactly(
                        v("DUTY_REPORT_LATE", "2026-11-03", List.of("chen"), "2026-11-03", at("2026-11-04T09:30")));
        assertThat(never.found("DUTY_REPORT_LATE", at("2026-11-04T09:29:59"))).isEmpty();
    }

    private static World reviewOf(String dutyDate, String supervisor, Instant at) {
        World world = World.week();
        world.reviews.removeIf(r -> r.date().equals(date(dutyDate)));
        world.reviews.add(new SupervisorReview(date(dutyDate), supervisor, at, null));
        return world;
    }

    @Test
    void LOG_NOT_REVIEWED_reviewed_at_10_00_the_morning_the_shift_ends_complies() {
        assertThat(reviewOf("2026-11-03", "li", at("2026-11-04T10:00")).found()).isEmpty();
    }

    @Test
    void LOG_NOT_REVIEWED_a_second_late_or_by_someone_not_a_supervisor_is_every_supervisors() {
        World late = reviewOf("2026-11-03", "li", at("2026-11-04T10:00:01"));
        World notSupervisor = reviewOf("2026-11-03", "zhao", at("2026-11-04T09:00"));

        assertThat(late.found())
                .containsExactly(v(
                        "LOG_NOT_REVIEWED",
                        "2026-11-03",
                        List.of(SUPERVISORS.split(",")),
                        "2026-11-03",
                        at("2026-11-04T10:00")));
        assertThat(notSupervisor.found("LOG_NOT_REVIEWED")).hasSize(1);
    }

    @Test
    void LOG_NOT_REVIEWED_a_shift_ending_on_saturday_is_reviewed_by_monday_10_00() {
        World inTime = reviewOf("2026-11-06", "sun", at("2026-11-09T10:00"));
        World late = reviewOf("2026-11-06", "sun", at("2026-11-09T10:01"));

        assertThat(inTime.found()).isEmpty();
        assertThat(late.found())
                .containsExactly(v(
                        "LOG_NOT_REVIEWED",
                        "2026-11-06",
                        List.of(SUPERVISORS.split(",")),
                        "2026-11-06",
                        at("2026-11-09T10:00")));
    }

    private static World processReviewOfNovemberAt(Instant heldAt) {
        World world = World.week();
        world.processReviews.clear();
        if (heldAt != null) {
            world.processReviews.add(new ProcessReview(YearMonth.of(2026, 11), heldAt, "fine"));
        }
        return world;
    }

    @Test
    void PROCESS_REVIEW_MISSING_held_by_midnight_starting_the_11th_of_the_next_month_complies() {
        assertThat(processReviewOfNovemberAt(at("2026-12-11T00:00")).found()).isEmpty();
    }

    @Test
    void PROCESS_REVIEW_MISSING_held_a_second_later_or_never() {
        World late = processReviewOfNovemberAt(at("2026-12-11T00:00:01"));
        World never = processReviewOfNovemberAt(null);

        assertThat(late.found())
                .containsExactly(v(
                        "PROCESS_REVIEW_MISSING",
                        "2026-11",
                        List.of(SUPERVISORS.split(",")),
                        "2026-11-01",
                        at("2026-12-11T00:00")));
        assertThat(never.found("PROCESS_REVIEW_MISSING", at("2026-12-10T23:59:59")))
                .isEmpty();
    }

    @Test
    void PROCESS_REVIEW_MISSING_follows_the_due_days_parameter() {
        Properties p = new Properties();
        p.setProperty("improvement.processReviewDueDays", "20");
        World world = processReviewOfNovemberAt(at("2026-12-21T00:00"));
        var rules = Fixtures.rulesWith(p);

        assertThat(rules.evaluate(world.records(), new CheckPeriod(world.from, world.to), at("2027-02-01T00:00")))
                .isEmpty();
    }

    @Test
    void TRAINING_OVERDUE_a_rostered_officer_without_training_in_the_quarter() {
        World world = World.week();
        world.trainings.clear();
        world.trainings.add(new Training(date("2026-11-20"), "hotline", List.of("wang", "liu")));
        world.trainings.add(new Training(date("2026-09-30"), "fire drill", List.of("chen")));

        assertThat(world.found())
                .containsExactly(
                        v("TRAINING_OVERDUE", "chen@2026-Q4", List.of("chen"), "2026-10-01", at("2027-01-01T00:00")));
        assertThat(world.found("TRAINING_OVERDUE", at("2026-12-31T23:59:59"))).isEmpty();
    }

    @Test
    void TRAINING_OVERDUE_counts_rosters_outside_the_period_but_in_the_quarter() {
        World world = World.week();
        world.trainings.clear();
        world.trainings.add(new Training(date("2026-11-20"), "hotline", List.of("wang", "chen")));
        world.rosters.put(
                YearMonth.of(2026, 12),
                new io.dutykit.core.roster.Roster(
                        YearMonth.of(2026, 12),
                        at("2026-11-20T10:00"),
                        "li",
                        List.of(new io.dutykit.core.roster.RosterDuty(date("2026-12-24"), "liu"))));

        assertThat(world.found())
                .containsExactly(
                        v("TRAINING_OVERDUE", "liu@2026-Q4", List.of("liu"), "2026-10-01", at("2027-01-01T00:00")));
    }

    // the second round (SPEC section 4.1)

    @Test
    void REQUEST_NOT_CLOSED_a_complaint_closed_72_hours_and_a_second_after_it_was_logged() {
        World world = World.week();
        world.entries.add(anEntry()
                .id("e-1")
                .at(at("2026-11-03T18:00"))
                .author("wang")
                .kind(EntryKind.COMPLAINT)
                .closedAt(at("2026-11-06T18:00:01"))
                .build());

        assertThat(world.found())
                .containsExactly(v("REQUEST_NOT_CLOSED", "e-1", List.of("wang"), "2026-11-03", at("2026-11-06T18:00")));
        assertThat(world.check("REQUEST_NOT_CLOSED").get(0).arguments())
                .containsExactly("COMPLAINT", "2026-11-03 18:00", "72", "wang");
    }

    @Test
    void REQUEST_NOT_CLOSED_a_request_for_help_closed_exactly_in_time_complies_and_the_owner_is_responsible() {
        World world = World.week();
        world.entries.add(anEntry()
                .id("e-1")
                .at(at("2026-11-03T18:00"))
                .author("wang")
                .kind(EntryKind.HELP_REQUEST)
                .closedAt(at("2026-11-04T18:00"))
                .build());
        assertThat(world.found()).isEmpty();

        // a request for help liu logged in the afternoon, carried over to wang at 17:32, never closed
        World carried = World.week();
        carried.entries.add(anEntry()
                .id("e-2")
                .at(at("2026-11-03T16:00"))
                .author("liu")
                .kind(EntryKind.HELP_REQUEST)
                .build());
        carried.handoverOn("2026-11-03").carriedOver("e-2");
        carried.handoverOn("2026-11-08").carriedOver("e-2");
        assertThat(carried.found("REQUEST_NOT_CLOSED"))
                .containsExactly(v("REQUEST_NOT_CLOSED", "e-2", List.of("wang"), "2026-11-03", at("2026-11-04T16:00")));
    }

    @Test
    void SPOT_CHECKS_TOO_FEW_three_spot_checks_in_an_ended_month() {
        World world = World.week();
        world.spotChecks.remove(3);

        assertThat(world.found())
                .containsExactly(v(
                        "SPOT_CHECKS_TOO_FEW", "2026-11", List.of("li", "sun"), "2026-11-01", at("2026-12-01T00:00")));
        assertThat(world.check("SPOT_CHECKS_TOO_FEW").get(0).arguments()).containsExactly("2026-11", "3", "4");
        assertThat(world.found("SPOT_CHECKS_TOO_FEW", at("2026-11-30T23:59:59")))
                .isEmpty();
        assertThat(Fixtures.rulesWith(parameter("supervision.spotChecksPerMonth", "0"))
                        .evaluate(world.records(), new CheckPeriod(world.from, world.to), at("2027-02-01T00:00")))
                .isEmpty();
    }

    @Test
    void SPOT_CHECKS_TOO_FEW_a_spot_check_by_someone_without_the_supervisor_role_does_not_count() {
        World world = World.week();
        SpotCheck replaced = world.spotChecks.remove(3);
        world.spotChecks.add(new SpotCheck(replaced.date(), "zhao", replaced.at(), "fine"));
        assertThat(world.found("SPOT_CHECKS_TOO_FEW")).hasSize(1);

        world.spotChecks.add(new SpotCheck(replaced.date(), "sun", replaced.at(), "fine"));
        assertThat(world.found()).isEmpty();
    }

    private static Properties parameter(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    /** The report of Tuesday 3 November, submitted at 09:00 on the 4th, reviewed by li at the instant. */
    private static World reportReviewedAt(String reviewedAt) {
        World world = World.week();
        world.dutyReports.removeIf(r -> r.date().equals(date("2026-11-03")));
        world.dutyReports.add(new DutyReport(date("2026-11-03"), "wang", at("2026-11-04T09:00"), "li", at(reviewedAt)));
        return world;
    }

    @Test
    void DUTY_REPORT_NOT_REVIEWED_reviewed_24_hours_and_a_second_after_submission() {
        World world = reportReviewedAt("2026-11-05T09:00:01");

        assertThat(world.found())
                .containsExactly(v(
                        "DUTY_REPORT_NOT_REVIEWED",
                        "2026-11-03",
                        List.of("li", "sun"),
                        "2026-11-03",
                        at("2026-11-05T09:00")));
        assertThat(world.check("DUTY_REPORT_NOT_REVIEWED").get(0).arguments())
                .containsExactly("2026-11-03", "2026-11-04 09:00", "2026-11-05 09:00");
        assertThat(reportReviewedAt("2026-11-05T09:00").found()).isEmpty();
    }

    @Test
    void DUTY_REPORT_NOT_REVIEWED_a_review_by_a_manager_does_not_count() {
        World world = World.week();
        world.dutyReports.removeIf(r -> r.date().equals(date("2026-11-03")));
        world.dutyReports.add(
                new DutyReport(date("2026-11-03"), "wang", at("2026-11-04T09:00"), "zhao", at("2026-11-04T09:30")));

        assertThat(world.found("DUTY_REPORT_NOT_REVIEWED")).hasSize(1);
        assertThat(world.found("DUTY_REPORT_NOT_REVIEWED", at("2026-11-05T08:59:59")))
                .isEmpty();
    }
}
