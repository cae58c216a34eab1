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
}
