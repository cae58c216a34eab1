package io.dutykit.reports;

import static io.dutykit.reports.Fixtures.D;
import static io.dutykit.reports.Fixtures.DAILY_AS_OF;
import static io.dutykit.reports.Fixtures.MONTH_AS_OF;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.reports.DailyReport.CallLogging;
import io.dutykit.reports.DailyReport.OnSiteReturn;
import io.dutykit.reports.DailyReport.Step;
import io.dutykit.reports.DailyReport.Timeliness;
import io.dutykit.reports.HandoverSheet.CheckLine;
import io.dutykit.reports.HandoverSheet.CheckStatus;
import io.dutykit.reports.HandoverSheet.ChecklistLine;
import io.dutykit.reports.HandoverSheet.Count;
import io.dutykit.reports.HandoverSheet.SignatureCheck;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The figures of the second-round fields (SPEC section 9 as revised 2026-12-03), worked out by hand
 * from {@link Fixtures}: evidence, decisions and returns on site, calls logged, duty report reviews,
 * the checklist count, the incoming's checks, owners, signature order and the supervisors' oversight.
 */
class SecondRoundFiguresTest {
    private static final CheckPeriod NOVEMBER = CheckPeriod.of(YearMonth.of(2026, 11));

    private static ReportRequest daily(Instant asOf) {
        return ReportRequest.forDate(Fixtures.gardenCourt(), List.of(), D, asOf, Locale.ENGLISH);
    }

    private static ReportRequest daily(SiteRecords records, Instant asOf) {
        return ReportRequest.forDate(records, List.of(), D, asOf, Locale.ENGLISH);
    }

    private static MonthlyReview.Oversight oversight() {
        return Reports.monthly(ReportRequest.forPeriod(
                        Fixtures.gardenCourt(), List.of(), NOVEMBER, MONTH_AS_OF, Locale.ENGLISH))
                .oversight();
    }

    @Test
    void the_timeline_shows_the_supervisors_decision_and_the_return_on_site() {
        var incidents = Reports.daily(daily(DAILY_AS_OF)).incidents();

        var leak = incidents.get(0);
        assertThat(leak.step(Step.DECISION).at()).isEqualTo(at("2026-11-02T22:17"));
        assertThat(leak.step(Step.DECISION).minutesFromOpening()).isEqualTo(17.0);
        assertThat(leak.step(Step.DECISION).who()).isEqualTo("li");
        assertThat(leak.decisionDeadline()).isEqualTo(at("2026-11-02T22:42"));
        assertThat(leak.decisionStatus()).isEqualTo(Timeliness.IN_TIME);
        // a difficult incident: nobody has to come back on site
        assertThat(leak.step(Step.ON_SITE).at()).isNull();
        assertThat(leak.onSiteReturns()).isEmpty();

        var fire = incidents.get(1);
        assertThat(fire.step(Step.DECISION).minutesFromOpening()).isEqualTo(13.0);
        assertThat(fire.step(Step.ON_SITE).at()).isEqualTo(at("2026-11-02T23:28"));
        assertThat(fire.step(Step.ON_SITE).who()).isEqualTo("li");
        assertThat(fire.decisions())
                .extracting(DailyReport.Decision::by, DailyReport.Decision::minutes, DailyReport.Decision::text)
                .containsExactly(tuple("li", 5.0, "handle it as the emergency plan says"));
        // li back 20 minutes after being reached; zhao never, but the fire was out before zhao's hour was up
        assertThat(fire.onSiteReturns())
                .extracting(
                        OnSiteReturn::person,
                        OnSiteReturn::onSiteAt,
                        OnSiteReturn::minutes,
                        OnSiteReturn::deadline,
                        OnSiteReturn::status)
                .containsExactly(
                        tuple("li", at("2026-11-02T23:28"), 20.0, at("2026-11-03T00:08"), Timeliness.IN_TIME),
                        tuple("zhao", null, null, at("2026-11-03T00:20"), Timeliness.NOT_NEEDED));
        assertThat(fire.incident().evidence()).containsExactly("photo:inc-2-scene.jpg");
    }

    @Test
    void a_decision_not_yet_made_is_pending_until_its_deadline_then_missing() {
        // li was reached about the leak at 22:12 and decides at 22:17 (deadline 22:42)
        assertThat(Reports.daily(daily(at("2026-11-02T22:16")))
                        .incidents()
                        .get(0)
                        .decisionStatus())
                .isEqualTo(Timeliness.PENDING);
        assertThat(Reports.daily(daily(at("2026-11-02T22:16")))
                        .incidents()
                        .get(0)
                        .step(Step.DECISION)
                        .at())
                .isNull();

        var unrecorded = Fixtures.gardenCourt().toBuilder()
                .incidents(Fixtures.incidents().stream()
                        .map(i -> i.id().equals("inc-1") ? withoutDecisions(i) : i)
                        .toList())
                .build();
        assertThat(Reports.daily(daily(unrecorded, at("2026-11-02T22:42")))
                        .incidents()
                        .get(0)
                        .decisionStatus())
                .isEqualTo(Timeliness.MISSING);
    }

    private static io.dutykit.core.incident.Incident withoutDecisions(io.dutykit.core.incident.Incident i) {
        return new io.dutykit.core.incident.Incident(
                i.id(),
                i.date(),
                i.openedAt(),
                i.reportedBy(),
                i.category(),
                i.severity(),
                i.escalations().stream()
                        .map(e -> io.dutykit.core.incident.Escalation.of(e.to(), e.at(), e.reached()))
                        .toList(),
                i.planActivatedAt(),
                i.resolvedAt(),
                i.process(),
                i.result(),
                i.evidence());
    }

    @Test
    void answered_calls_of_the_shift_are_logged_in_time_late_or_not_at_all() {
        DailyReport r = Reports.daily(daily(DAILY_AS_OF));

        assertThat(r.calls().toLog()).isEqualTo(4);
        assertThat(r.calls().loggedInTime()).isEqualTo(1);
        assertThat(r.calls().logWithinMinutes()).isEqualTo(30);
        assertThat(r.callLogging())
                .extracting(CallLogging::call, CallLogging::entry, CallLogging::entryAt, CallLogging::status)
                .containsExactly(
                        tuple("c-1", "e-10", at("2026-11-02T18:05"), Timeliness.IN_TIME),
                        // e-11 was written before the call
                        tuple("c-2", "e-11", at("2026-11-02T19:00"), Timeliness.LATE),
                        tuple("c-3", null, null, Timeliness.MISSING),
                        tuple("c-6", null, null, Timeliness.MISSING));
    }

    @Test
    void a_call_whose_entry_is_not_written_yet_is_pending_until_its_deadline() {
        DailyReport r = Reports.daily(daily(at("2026-11-02T18:03")));

        assertThat(r.callLogging())
                .singleElement()
                .extracting(CallLogging::entryAt, CallLogging::deadline, CallLogging::status)
                .containsExactly(null, at("2026-11-02T18:30"), Timeliness.PENDING);
    }

    @Test
    void the_duty_report_review_is_judged_against_the_later_of_its_two_deadlines() {
        var review = Reports.daily(daily(DAILY_AS_OF)).review();

        // submitted 11-03 08:40: 24 hours later is after the log review's deadline (11-03 10:00)
        assertThat(review.submittedAt()).isEqualTo(at("2026-11-03T08:40"));
        assertThat(review.deadline()).isEqualTo(at("2026-11-04T08:40"));
        assertThat(review.reviewedBy()).isEqualTo("li");
        assertThat(review.bySupervisor()).isTrue();
        assertThat(review.hours()).isEqualTo(1.2);
        assertThat(review.status()).isEqualTo(Timeliness.IN_TIME);

        // the report of Friday 11-06 submitted early on Saturday: the log review is due Monday 10:00, later
        var friday = Fixtures.gardenCourt().toBuilder()
                .dutyReports(List.of(new DutyReport(D.plusDays(4), "wang", at("2026-11-07T08:45"), null, null)))
                .build();
        var pending = ReportRequest.forDate(friday, List.of(), D.plusDays(4), at("2026-11-09T09:59"), Locale.ENGLISH);
        assertThat(Reports.daily(pending).review().deadline()).isEqualTo(at("2026-11-09T10:00"));
        assertThat(Reports.daily(pending).review().status()).isEqualTo(Timeliness.PENDING);
        var missing = ReportRequest.forDate(friday, List.of(), D.plusDays(4), at("2026-11-09T10:00"), Locale.ENGLISH);
        assertThat(Reports.daily(missing).review().status()).isEqualTo(Timeliness.MISSING);
    }

    @Test
    void a_review_by_someone_who_is_no_supervisor_does_not_count() {
        var byManager = Fixtures.gardenCourt().toBuilder()
                .dutyReports(List.of(new DutyReport(D, "wang", at("2026-11-03T08:40"), "zhao", at("2026-11-03T09:00"))))
                .build();

        var review = Reports.daily(daily(byManager, at("2026-11-05T12:00"))).review();

        assertThat(review.reviewedBy()).isEqualTo("zhao");
        assertThat(review.bySupervisor()).isFalse();
        assertThat(review.status()).isEqualTo(Timeliness.MISSING);
        assertThat(Reports.daily(daily(byManager, at("2026-11-03T08:39"))).review())
                .as("nothing submitted yet")
                .isNull();
    }

    @Test
    void carried_items_name_who_handed_them_on_and_who_owns_them_now() {
        var carriedIn = Reports.daily(daily(DAILY_AS_OF)).carriedIn();

        assertThat(carriedIn)
                .extracting(CarriedItem::id, CarriedItem::previousOwner, CarriedItem::owner)
                .containsExactly(tuple("e-1", "chen", "wang"));
        var sheet = Reports.handover(daily(DAILY_AS_OF)).handovers().get(0);
        assertThat(sheet.carriedOver())
                .extracting(CarriedItem::previousOwner, CarriedItem::owner)
                .containsExactly(tuple("chen", "wang"));
        // before the handover completed, chen still owned it
        var before = Reports.handover(daily(at("2026-11-02T17:34"))).handovers().get(0);
        assertThat(before.carriedOver())
                .extracting(CarriedItem::previousOwner, CarriedItem::owner)
                .containsExactly(tuple("chen", "chen"));
    }

    @Test
    void the_count_is_measured_against_the_site_checklist() {
        var pages = Reports.handover(daily(DAILY_AS_OF)).handovers();

        assertThat(pages.get(0).checklist())
                .extracting(ChecklistLine::item, ChecklistLine::expected, ChecklistLine::status)
                .containsExactly(
                        tuple("WALKIE_TALKIE", 2, Count.DISCREPANT_EXPLAINED),
                        tuple("FIRE_EXTINGUISHER", 4, Count.DISCREPANT_UNEXPLAINED),
                        tuple("FLASK", 2, Count.COUNTED),
                        tuple("MASTER_KEY", 1, Count.NOT_COUNTED));
        assertThat(pages.get(0).extraLines()).isEmpty();
        assertThat(pages.get(1).checklist())
                .extracting(ChecklistLine::status)
                .containsExactly(Count.COUNTED, Count.NOT_COUNTED, Count.NOT_COUNTED, Count.NOT_COUNTED);
    }

    @Test
    void the_checklists_expected_count_wins_over_the_lines_own() {
        var records = Fixtures.gardenCourt();
        Site site = records.site();
        var three = withSite(
                records,
                new Site(
                        site.id(),
                        site.name(),
                        site.zone(),
                        site.calendar(),
                        null,
                        null,
                        null,
                        List.of(new InventoryItem("FLASK", 3), new InventoryItem("TORCH", 1))));

        var page = Reports.handover(daily(three, DAILY_AS_OF)).handovers().get(0);

        // FLASK: the line says 2 of 2, the checklist 3: one missing, no explanation
        assertThat(page.checklist())
                .extracting(ChecklistLine::item, ChecklistLine::expected, ChecklistLine::status)
                .containsExactly(tuple("FLASK", 3, Count.DISCREPANT_UNEXPLAINED), tuple("TORCH", 1, Count.NOT_COUNTED));
        assertThat(page.extraLines())
                .extracting(io.dutykit.core.handover.InventoryLine::item)
                .containsExactly("WALKIE_TALKIE", "FIRE_EXTINGUISHER");
        assertThat(page.discrepantLines()).isEqualTo(3);
        assertThat(page.missingItems()).isEqualTo(2);
    }

    private static SiteRecords withSite(SiteRecords records, Site site) {
        return SiteRecords.builder(site)
                .staff(records.staff())
                .rosters(records.rosters())
                .handovers(records.handovers())
                .entries(records.entries())
                .incidents(records.incidents())
                .calls(records.calls())
                .dutyReports(records.dutyReports())
                .reviews(records.reviews())
                .spotChecks(records.spotChecks())
                .build();
    }

    @Test
    void the_incomings_checks_count_in_the_window_and_only_by_the_incoming() {
        var pages = Reports.handover(daily(DAILY_AS_OF)).handovers();

        var evening = pages.get(0).checks();
        assertThat(evening.from()).isEqualTo(at("2026-11-02T16:30"));
        assertThat(evening.until()).isEqualTo(at("2026-11-02T17:35"));
        assertThat(evening.closed()).isTrue();
        assertThat(evening.lines())
                .extracting(CheckLine::check, CheckLine::required, CheckLine::status)
                .containsExactly(
                        tuple("LOG_READ", true, CheckStatus.DONE),
                        tuple("AREA_INSPECTED", true, CheckStatus.DONE),
                        tuple("SYSTEMS_RUNNING", true, CheckStatus.BY_SOMEONE_ELSE),
                        tuple("COMMS_WORKING", true, CheckStatus.OUTSIDE_WINDOW),
                        tuple("KEYS_CHECKED", false, CheckStatus.NOT_REQUIRED));
        assertThat(pages.get(1).checks().lines())
                .extracting(CheckLine::status)
                .containsOnly(CheckStatus.MISSING)
                .hasSize(4);

        // at 17:32 the handover is not completed: the window runs to its judging time, 18:30
        var running = Reports.handover(daily(at("2026-11-02T17:32")))
                .handovers()
                .get(0)
                .checks();
        assertThat(running.until()).isEqualTo(at("2026-11-02T18:30"));
        assertThat(running.lines())
                .extracting(CheckLine::status)
                .containsExactly(
                        CheckStatus.DONE,
                        CheckStatus.DONE,
                        CheckStatus.PENDING,
                        CheckStatus.PENDING,
                        CheckStatus.NOT_REQUIRED);
    }

    @Test
    void the_sheet_lists_the_open_work_the_outgoing_owned() {
        var pages = Reports.handover(daily(DAILY_AS_OF)).handovers();

        // chen hands over e-1 (a request for help, not important), carried over
        assertThat(pages.get(0).outgoingWork())
                .extracting(w -> w.item().id(), HandoverSheet.OwnedWork::critical, HandoverSheet.OwnedWork::carried)
                .containsExactly(tuple("e-1", false, true));
        // the next morning wang still has the important complaint e-11 open
        assertThat(pages.get(1).outgoingWork())
                .extracting(w -> w.item().id(), HandoverSheet.OwnedWork::critical, HandoverSheet.OwnedWork::carried)
                .containsExactly(tuple("e-11", true, false));
    }

    @Test
    void signatures_show_their_order_and_who_signed_after_completion() {
        var pages = Reports.handover(daily(DAILY_AS_OF)).handovers();

        assertThat(pages.get(0).signatures())
                .extracting(SignatureCheck::order, SignatureCheck::afterCompletion)
                .containsExactly(tuple(1, false), tuple(2, false));
        assertThat(pages.get(0).incomingFirst()).isFalse();
        assertThat(pages.get(0).signedAfterCompletion()).isEmpty();

        assertThat(pages.get(1).signatures()).extracting(SignatureCheck::order).containsExactly(2, 1);
        assertThat(pages.get(1).incomingFirst()).isTrue();
        assertThat(pages.get(1).signedAfterCompletion()).containsExactly("li");
    }

    @Test
    void the_monthly_review_shows_the_supervisors_own_oversight() {
        var o = oversight();

        // three spot checks by li in November (wang's does not count): too few of 4
        assertThat(o.spotChecks()).singleElement().satisfies(month -> {
            assertThat(month.month()).isEqualTo(YearMonth.of(2026, 11));
            assertThat(month.count()).isEqualTo(3);
            assertThat(month.required()).isEqualTo(4);
            assertThat(month.bySupervisor()).isEqualTo(Map.of("li", 3));
            assertThat(month.tooFew()).isTrue();
        });
        // every date of November was due by 12-01 12:00; only 11-02's log was reviewed
        assertThat(o.logReviews()).isEqualTo(new MonthlyReview.LogReviews(30, 1));
        assertThat(o.reportReviews()).isEqualTo(new MonthlyReview.ReportReviews(1, 1, 1.2, 24));
        // ten incidents reached li; inc-9's decision came after 35 minutes (p90) and inc-10 had none
        assertThat(o.decisions()).isEqualTo(new MonthlyReview.Decisions(10, 8, 0, 5.0, 35.0, 30, Map.of("li", 9)));
        // on the fire: li back in 20 minutes, zhao not needed (resolved first)
        assertThat(o.onSiteReturns()).isEqualTo(new MonthlyReview.OnSiteReturns(2, 2, 0, 20.0, 60));
    }

    @Test
    void a_month_still_running_cannot_have_too_few_spot_checks() {
        var running = Reports.monthly(ReportRequest.forPeriod(
                        Fixtures.gardenCourt(), List.of(), NOVEMBER, at("2026-11-30T23:59"), Locale.ENGLISH))
                .oversight()
                .spotChecks()
                .get(0);

        assertThat(running.ended()).isFalse();
        assertThat(running.tooFew()).isFalse();
    }

    @Test
    void the_escalation_list_shows_when_the_supervisor_decided() {
        var times = Reports.monthly(ReportRequest.forPeriod(
                        Fixtures.gardenCourt(), List.of(), NOVEMBER, MONTH_AS_OF, Locale.ENGLISH))
                .escalations()
                .incidents();

        assertThat(times)
                .filteredOn(t -> t.incident().equals("inc-1") || t.incident().equals("inc-10"))
                .extracting(MonthlyReview.EscalationTime::incident, MonthlyReview.EscalationTime::decidedAt)
                .containsExactly(tuple("inc-1", at("2026-11-02T22:17")), tuple("inc-10", null));
    }

    /** The new tables and sections come out in every format, keyed for JSON and CSV and in both languages. */
    @Test
    void every_format_shows_the_new_tables_in_both_languages(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<ReportKind, Map<String, List<String>>> tables = Map.of(
                ReportKind.DAILY, Map.of("incidents", List.of("incidents", "decisions", "onSiteReturns", "handling")),
                ReportKind.HANDOVER,
                        Map.of("handover-ho-2026-11-02", List.of("inventory", "checks", "outgoingWork", "signatures")),
                ReportKind.MONTHLY, Map.of("oversight", List.of("spotChecks", "decisionsBySupervisor")));
        for (var kind : tables.entrySet()) {
            for (Locale locale : List.of(Locale.ENGLISH, ReportRenderingTest.ZH)) {
                var request = ReportRenderingTest.request(kind.getKey(), locale);
                var json = mapper.readTree(Reports.render(kind.getKey(), ReportFormat.JSON, request));
                for (var section : kind.getValue().entrySet()) {
                    var found = new java.util.ArrayList<String>();
                    json.get("sections").forEach(sec -> {
                        if (sec.get("key").asText().equals(section.getKey())) {
                            sec.get("tables")
                                    .forEach(t -> found.add(t.get("key").asText()));
                        }
                    });
                    assertThat(found).as("%s %s", kind.getKey(), locale).containsAll(section.getValue());
                    var csv = Reports.render(
                            kind.getKey(), ReportFormat.CSV, request, dir.resolve(kind.getKey() + "-" + locale));
                    for (String table : section.getValue()) {
                        assertThat(csv)
                                .extracting(f -> f.getFileName().toString())
                                .anyMatch(name -> name.endsWith("-" + section.getKey() + "-" + table + ".csv"));
                    }
                }
            }
        }
        String zh = Reports.render(
                ReportKind.MONTHLY,
                ReportFormat.HTML,
                ReportRenderingTest.request(ReportKind.MONTHLY, ReportRenderingTest.ZH));
        assertThat(zh).contains("主管自身的监督", "每月值班抽查", "不足");
        String en = Reports.render(
                ReportKind.MONTHLY, ReportFormat.MD, ReportRenderingTest.request(ReportKind.MONTHLY, Locale.ENGLISH));
        assertThat(en).contains("own oversight", "Spot checks of duty per month", "too few");
        String sheet = Reports.render(
                ReportKind.HANDOVER,
                ReportFormat.HTML,
                ReportRenderingTest.request(ReportKind.HANDOVER, ReportRenderingTest.ZH));
        assertThat(sheet).contains("未清点", "非接班人员所做", "交班人员负责的未完成工作", "完成后才签名");
    }
}
