package io.dutykit.reports;

import static io.dutykit.reports.Fixtures.D;
import static io.dutykit.reports.Fixtures.DAILY_AS_OF;
import static io.dutykit.reports.Fixtures.MONTH_AS_OF;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.record.EntryKind;
import io.dutykit.reports.DailyReport.Step;
import io.dutykit.reports.HandoverSheet.Punctuality;
import io.dutykit.reports.HandoverSheet.Verification;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFiguresTest {
    private static final CheckPeriod NOVEMBER = CheckPeriod.of(YearMonth.of(2026, 11));

    private static ReportRequest daily() {
        return ReportRequest.forDate(Fixtures.gardenCourt(), Fixtures.violations(), D, DAILY_AS_OF, Locale.ENGLISH);
    }

    private static ReportRequest november() {
        return ReportRequest.forPeriod(
                Fixtures.gardenCourt(), Fixtures.violations(), NOVEMBER, MONTH_AS_OF, Locale.ENGLISH);
    }

    @Test
    void daily_report_shows_the_shift_window_and_the_officer_on_duty() {
        DailyReport r = Reports.daily(daily());

        assertThat(r.shift().start()).isEqualTo(at("2026-11-02T17:30"));
        assertThat(r.shift().end()).isEqualTo(at("2026-11-03T08:30"));
        assertThat(r.officer()).isEqualTo("wang");
        assertThat(r.rostered()).isEqualTo("wang");
        assertThat(r.dutyReport().submittedAt()).isEqualTo(at("2026-11-03T08:40"));
    }

    @Test
    void daily_report_groups_the_entries_of_the_date_by_kind() {
        DailyReport r = Reports.daily(daily());

        assertThat(r.entries()).hasSize(8);
        assertThat(r.entriesByKind())
                .containsExactly(
                        Map.entry(EntryKind.ENQUIRY, 1),
                        Map.entry(EntryKind.COMPLAINT, 1),
                        Map.entry(EntryKind.THANKS, 1),
                        Map.entry(EntryKind.PATROL, 5));
    }

    @Test
    void escalation_timeline_gives_minutes_from_opening_to_each_step() {
        DailyReport r = Reports.daily(daily());

        var leak = r.incidents().get(0);
        assertThat(leak.incident().id()).isEqualTo("inc-1");
        assertThat(leak.step(Step.SUPERVISOR).minutesFromOpening()).isEqualTo(12.0);
        assertThat(leak.step(Step.SUPERVISOR).who()).isEqualTo("li");
        assertThat(leak.step(Step.MANAGER).minutesFromOpening()).isEqualTo(40.0);
        assertThat(leak.step(Step.PLAN).at()).isNull();
        assertThat(leak.step(Step.RESOLVED).minutesFromOpening()).isEqualTo(180.0);

        var fire = r.incidents().get(1);
        // the supervisor escalation is listed after the manager's but happened first
        assertThat(fire.step(Step.SUPERVISOR).minutesFromOpening()).isEqualTo(8.0);
        assertThat(fire.step(Step.MANAGER).minutesFromOpening()).isEqualTo(20.0);
        assertThat(fire.step(Step.PLAN).minutesFromOpening()).isEqualTo(3.0);
        assertThat(fire.step(Step.RESOLVED).minutesFromOpening()).isEqualTo(50.0);
    }

    @Test
    void steps_after_as_of_have_not_happened_yet() {
        var request =
                ReportRequest.forDate(Fixtures.gardenCourt(), List.of(), D, at("2026-11-02T22:30"), Locale.ENGLISH);

        var leak = Reports.daily(request).incidents().get(0);

        assertThat(leak.step(Step.SUPERVISOR).minutesFromOpening()).isEqualTo(12.0);
        assertThat(leak.step(Step.MANAGER).at()).isNull();
        assertThat(leak.step(Step.RESOLVED).at()).isNull();
    }

    @Test
    void calls_share_answered_within_three_rings_counts_every_inbound_call() {
        var calls = Reports.daily(daily()).calls();

        assertThat(calls.total()).isEqualTo(6);
        assertThat(calls.inbound()).isEqualTo(5);
        assertThat(calls.answeredInTime()).isEqualTo(3);
        assertThat(calls.shareInTime()).isEqualTo(0.6);
        assertThat(calls.missed()).isEqualTo(1);
        assertThat(calls.hotlineDialledOut()).isEqualTo(1);
    }

    @Test
    void longest_patrol_gap_runs_from_shift_start_through_patrols_to_shift_end() {
        var patrols = Reports.daily(daily()).patrols();

        assertThat(patrols.times()).hasSize(5);
        assertThat(patrols.gaps())
                .extracting(DailyReport.PatrolGap::minutes)
                .containsExactly(60.0, 90.0, 270.0, 150.0, 180.0, 150.0);
        assertThat(patrols.longest().minutes()).isEqualTo(270.0);
        assertThat(patrols.longest().from()).isEqualTo(at("2026-11-02T20:00"));
        assertThat(patrols.longest().to()).isEqualTo(at("2026-11-03T00:30"));
        // exactly 180 minutes complies
        assertThat(patrols.gaps()).filteredOn(DailyReport.PatrolGap::overLimit).hasSize(1);
    }

    @Test
    void daily_report_lists_carried_items_open_work_violations_and_the_chain_head() {
        DailyReport r = Reports.daily(daily());

        assertThat(r.carriedIn()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("e-1");
            assertThat(item.closedAt()).isEqualTo(at("2026-11-02T21:00"));
        });
        assertThat(r.openAtEnd()).extracting(CarriedItem::id).containsExactly("e-11");
        assertThat(r.violations())
                .hasSize(7)
                .allMatch(v -> v.date().equals(D) && v.site().equals(Fixtures.SITE));
        assertThat(r.chainHead().hash()).isEqualTo("ab".repeat(32));
        assertThat(r.chainHead().source()).isEqualTo(DailyReport.ChainHead.Source.REVIEW);
    }

    @Test
    void handover_sheet_shows_both_handovers_of_the_date() {
        HandoverSheet sheet = Reports.handover(daily());

        assertThat(sheet.handovers())
                .extracting(p -> p.handover().id())
                .containsExactly("ho-2026-11-02", "ho-2026-11-03-day");
    }

    @Test
    void handover_sheet_measures_arrival_and_readiness_against_the_marks() {
        var pages = Reports.handover(daily()).handovers();

        assertThat(pages.get(0).arrival().minutesBefore()).isEqualTo(8.0);
        assertThat(pages.get(0).arrival().status()).isEqualTo(Punctuality.ON_TIME);
        assertThat(pages.get(0).readiness().minutesBefore()).isEqualTo(10.0);
        assertThat(pages.get(0).readiness().status()).isEqualTo(Punctuality.LATE);
        // exactly on the 5- and 15-minute marks is on time
        assertThat(pages.get(1).arrival().status()).isEqualTo(Punctuality.ON_TIME);
        assertThat(pages.get(1).readiness().status()).isEqualTo(Punctuality.ON_TIME);
    }

    @Test
    void handover_sheet_counts_the_inventory_discrepancy() {
        var page = Reports.handover(daily()).handovers().get(0);

        assertThat(page.discrepantLines()).isEqualTo(2);
        assertThat(page.missingItems()).isEqualTo(1);
        assertThat(page.damagedItems()).isEqualTo(1);
        assertThat(page.violations())
                .extracting(Violation::rule)
                .containsExactlyInAnyOrder(
                        "HANDOVER_OUTGOING_UNPREPARED",
                        "HANDOVER_INVENTORY_UNEXPLAINED",
                        "HANDOVER_ANOMALY_UNEXPLAINED");
    }

    @Test
    void signatures_verify_only_when_they_carry_the_handovers_content_hash() {
        var pages = Reports.handover(daily()).handovers();

        assertThat(pages.get(0).signatures())
                .extracting(HandoverSheet.SignatureCheck::verification)
                .containsExactly(Verification.VERIFIED, Verification.MISMATCH);
        assertThat(pages.get(1).signatures())
                .extracting(HandoverSheet.SignatureCheck::verification)
                .containsExactly(Verification.VERIFIED, Verification.VERIFIED);
        assertThat(pages.get(0).contentHash())
                .isEqualTo(Fixtures.eveningHandover().contentHash());
    }

    @Test
    void monthly_review_counts_violations_by_clause_rule_and_day() {
        MonthlyReview r = Reports.monthly(november());

        assertThat(r.total()).isEqualTo(11);
        assertThat(r.errors()).isEqualTo(5);
        assertThat(r.warnings()).isEqualTo(6);
        assertThat(r.byClause().get(0)).isEqualTo(new MonthlyReview.ClauseCount("4.1.5", 4, 2, 2));
        assertThat(r.byRule().get(0).rule()).isEqualTo("PATROL_OVERDUE");
        assertThat(r.byRule().get(0).count()).isEqualTo(3);
        assertThat(r.perDay()).hasSize(30);
        assertThat(r.perDay().get(1)).isEqualTo(new MonthlyReview.DayCount(D, 3, 4));
        assertThat(r.recurring())
                .extracting(MonthlyReview.RuleCount::rule)
                .containsExactly("PATROL_OVERDUE", "CALL_MISSED");
        assertThat(r.recurring().get(0).staff()).containsExactly("wang", "chen");
    }

    @Test
    void monthly_review_gives_median_and_p90_escalation_time_by_nearest_rank() {
        var e = Reports.monthly(november()).escalations();

        assertThat(e.incidents()).hasSize(10);
        assertThat(e.incidents())
                .extracting(MonthlyReview.EscalationTime::minutes)
                .contains(3.5);
        assertThat(e.median()).isEqualTo(15.0);
        assertThat(e.p90()).isEqualTo(45.0);
        assertThat(e.notEscalated()).isEqualTo(1);
    }

    @Test
    void monthly_review_measures_handover_punctuality() {
        var p = Reports.monthly(november()).punctuality();

        assertThat(p.handovers()).isEqualTo(3);
        assertThat(p.incomingOnTime()).isEqualTo(2);
        assertThat(p.outgoingOnTime()).isEqualTo(1);
        assertThat(p.completed()).isEqualTo(2);
        assertThat(p.signedVerified()).isEqualTo(1);
        assertThat(p.medianIncomingLeadMinutes()).isEqualTo(5.0);
    }

    @Test
    void staff_score_is_100_minus_weights_beside_the_site_median() {
        StaffEvaluation e = Reports.staff(november());

        assertThat(e.officers()).extracting(StaffEvaluation.OfficerScore::staff).containsExactly("chen", "liu", "wang");
        assertThat(e.officers())
                .extracting(StaffEvaluation.OfficerScore::shifts)
                .containsExactly(15, 1, 14);
        assertThat(e.officers()).extracting(StaffEvaluation.OfficerScore::score).containsExactly(81, 95, 87);
        assertThat(e.siteMedian()).isEqualTo(87.0);
        var wang = e.officers().get(2);
        assertThat(wang.byRule())
                .extracting(
                        StaffEvaluation.RuleWeight::rule,
                        StaffEvaluation.RuleWeight::count,
                        StaffEvaluation.RuleWeight::subtotal)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CALL_ANSWERED_LATE", 1, 2),
                        org.assertj.core.groups.Tuple.tuple("CALL_MISSED", 1, 5),
                        org.assertj.core.groups.Tuple.tuple("HOTLINE_DIALLED_OUT", 1, 2),
                        org.assertj.core.groups.Tuple.tuple("PATROL_OVERDUE", 2, 4));
    }

    @Test
    void staff_weights_come_from_procedure_properties() {
        var weights = ParameterValues.defaults()
                .with(Map.of("weight.WARNING", "1", "weight.CALL_MISSED", "10", "phone.maxRings", "3"), "test");

        StaffEvaluation e = Reports.staff(november().withParameters(weights));

        // wang: 1 + 10 + 1 + 2 × 1
        assertThat(e.officers().get(2).score()).isEqualTo(86);
    }

    @Test
    void staff_evaluation_narrowed_to_one_officer_keeps_the_site_median() {
        StaffEvaluation e = Reports.staff(november().withStaff("liu"));

        assertThat(e.officers())
                .singleElement()
                .extracting(StaffEvaluation.OfficerScore::score)
                .isEqualTo(95);
        assertThat(e.siteMedian()).isEqualTo(87.0);
        assertThatThrownBy(() -> Reports.staff(november().withStaff("nobody")))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("nobody");
    }

    @Test
    void score_never_falls_below_zero() {
        List<Violation> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(Fixtures.v("CALL_MISSED", "4.1.5", ViolationSeverity.ERROR, "c-" + i, "wang", D));
        }
        var request = ReportRequest.forPeriod(Fixtures.gardenCourt(), many, NOVEMBER, MONTH_AS_OF, Locale.ENGLISH);

        var wang = Reports.staff(request).officers().stream()
                .filter(o -> o.staff().equals("wang"))
                .findFirst()
                .orElseThrow();

        assertThat(wang.penalty()).isEqualTo(150);
        assertThat(wang.score()).isZero();
    }

    @Test
    void nearest_rank_percentiles_and_median() {
        assertThat(Minutes.nearestRank(List.of(1.0), 90)).isEqualTo(1.0);
        assertThat(Minutes.nearestRank(List.of(4.0, 1.0, 3.0, 2.0), 50)).isEqualTo(2.0);
        assertThat(Minutes.nearestRank(List.of(), 50)).isNull();
        assertThat(Minutes.median(List.of(81, 95))).isEqualTo(88.0);
    }

    @Test
    void weights_refuse_what_is_not_a_whole_number() {
        assertThatThrownBy(() -> ParameterValues.defaults().with(Map.of("weight.ERROR", "five"), "test"))
                .hasMessageContaining("weight.ERROR=five");
    }

    @Test
    void reports_about_a_date_need_the_date() {
        assertThatThrownBy(() -> Reports.daily(november()))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("--date");
        assertThatThrownBy(() -> Reports.monthly(daily()))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("--from");
    }

    @Test
    void staff_evaluation_narrowed_to_someone_outside_the_officers_still_counts_their_violations() {
        List<Violation> violations = new ArrayList<>(Fixtures.violations());
        violations.add(
                Fixtures.v("LOG_NOT_REVIEWED", "4.3", ViolationSeverity.WARNING, "2026-11-04", "li", D.plusDays(2)));

        var request =
                ReportRequest.forPeriod(Fixtures.gardenCourt(), violations, NOVEMBER, MONTH_AS_OF, Locale.ENGLISH);
        StaffEvaluation e = Reports.staff(request.withStaff("li"));

        assertThat(e.officers()).singleElement().satisfies(o -> {
            assertThat(o.staff()).isEqualTo("li");
            assertThat(o.shifts()).isZero();
            assertThat(o.score()).isEqualTo(98);
        });
        assertThat(e.siteMedian()).isEqualTo(87.0);
    }

    @Test
    void chain_head_comes_from_the_last_log_record_when_the_records_carry_the_log() {
        var log = List.of(
                new io.dutykit.core.chain.LogRecord(
                        1,
                        "r-1",
                        "ENTRY_APPENDED",
                        at("2026-11-02T18:05"),
                        "wang",
                        Map.of(),
                        "0".repeat(64),
                        "1".repeat(64)),
                new io.dutykit.core.chain.LogRecord(
                        2,
                        "r-2",
                        "ENTRY_APPENDED",
                        at("2026-11-02T19:00"),
                        "wang",
                        Map.of(),
                        "1".repeat(64),
                        "2".repeat(64)));
        var records = Fixtures.gardenCourt().toBuilder().log(log).build();

        var head = Reports.daily(ReportRequest.forDate(records, List.of(), D, DAILY_AS_OF, Locale.ENGLISH))
                .chainHead();

        assertThat(head.hash()).isEqualTo("2".repeat(64));
        assertThat(head.source()).isEqualTo(DailyReport.ChainHead.Source.LOG);
        assertThat(head.detail()).isEqualTo("#2");
    }

    @Test
    void while_the_shift_runs_the_last_patrol_gap_ends_at_as_of_and_later_records_are_left_out() {
        var request =
                ReportRequest.forDate(Fixtures.gardenCourt(), List.of(), D, at("2026-11-02T21:00"), Locale.ENGLISH);

        var patrols = Reports.daily(request).patrols();

        assertThat(patrols.shiftEnded()).isFalse();
        assertThat(patrols.gaps()).extracting(DailyReport.PatrolGap::minutes).containsExactly(60.0, 90.0, 60.0);
        assertThat(Reports.daily(request).openAtEnd())
                .extracting(CarriedItem::id)
                .containsExactly("e-11");
    }

    @Test
    void a_handover_still_ahead_of_as_of_is_pending_not_missing() {
        var request =
                ReportRequest.forDate(Fixtures.gardenCourt(), List.of(), D, at("2026-11-02T20:00"), Locale.ENGLISH);

        var morning = Reports.handover(request).handovers().get(1);

        assertThat(morning.arrival().status()).isEqualTo(Punctuality.PENDING);
        assertThat(morning.readiness().status()).isEqualTo(Punctuality.PENDING);
        assertThat(morning.signatures())
                .extracting(HandoverSheet.SignatureCheck::verification)
                .containsOnly(Verification.MISSING);
    }
}
