package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import io.dutykit.test.data.CallBuilder;
import io.dutykit.test.data.EntryBuilder;
import io.dutykit.test.data.HandoverBuilder;
import io.dutykit.test.data.IncidentBuilder;
import io.dutykit.test.data.SiteBuilder;
import io.dutykit.test.data.TestStaff;
import io.dutykit.test.data.TestTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data in the "given these facts → these violations" style. Times are site-local
 * (Asia/Shanghai) and written {@code "2026-11-02T17:25"} or with seconds. The site's calendar has a
 * holiday on Wednesday 2026-11-11 and a make-up working day on Saturday 2026-11-14.
 */
final class Given {
    static final ZoneId ZONE = TestTime.ZONE;
    static final LocalDate HOLIDAY = LocalDate.parse("2026-11-11");
    static final LocalDate MAKEUP_WORKDAY = LocalDate.parse("2026-11-14");
    static final Site SITE = SiteBuilder.aSite()
            .holiday(HOLIDAY.toString())
            .workday(MAKEUP_WORKDAY.toString())
            .build();

    /** duty-test's people but the day clerk: officers wang, chen, liu; li, zhao, sun and ma above them. */
    private final List<Staff> staff = new ArrayList<>(List.of(
            TestStaff.WANG, TestStaff.CHEN, TestStaff.LIU, TestStaff.LI, TestStaff.ZHAO, TestStaff.SUN, TestStaff.MA));

    private final List<Roster> rosters = new ArrayList<>();
    private final List<Leave> leaves = new ArrayList<>();
    private final List<Handover> handovers = new ArrayList<>();
    private final List<LogEntry> entries = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Absence> absences = new ArrayList<>();
    private final List<SupervisorReview> reviews = new ArrayList<>();
    private final List<DutyReport> reports = new ArrayList<>();
    private final List<Training> trainings = new ArrayList<>();
    private final List<ProcessReview> processReviews = new ArrayList<>();
    private final List<SpotCheck> spotChecks = new ArrayList<>();
    private final List<InventoryItem> checklist = new ArrayList<>();

    static Given given() {
        return new Given();
    }

    /** A site-local time ({@link TestTime#at}). */
    static Instant t(String local) {
        return TestTime.at(local);
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    Given staff(Staff member) {
        staff.add(member);
        return this;
    }

    /** A roster of the month published at {@code publishedAt} by li, {@code date=staff} pairs. */
    Given roster(String month, String publishedAt, String... duties) {
        return rosterBy(month, publishedAt, "li", duties);
    }

    Given rosterBy(String month, String publishedAt, String publishedBy, String... duties) {
        List<RosterDuty> list = new ArrayList<>();
        for (String duty : duties) {
            String[] parts = duty.split("=");
            list.add(new RosterDuty(d(parts[0]), parts[1]));
        }
        rosters.add(new Roster(YearMonth.parse(month), t(publishedAt), publishedBy, list));
        return this;
    }

    /** A roster with {@code officer} on every date of the month, published on time. */
    Given fullRoster(String month, String officer) {
        YearMonth m = YearMonth.parse(month);
        List<String> duties = new ArrayList<>();
        for (int day = 1; day <= m.lengthOfMonth(); day++) {
            duties.add(m.atDay(day) + "=" + officer);
        }
        return roster(month, m.minusMonths(1).atEndOfMonth() + "T09:00", duties.toArray(String[]::new));
    }

    Given leave(Leave leave) {
        leaves.add(leave);
        return this;
    }

    Given handover(HandoverBuilder handover) {
        handovers.add(handover.build());
        return this;
    }

    Given entry(String id, String at, String author, EntryKind kind, boolean important, String closedAt) {
        return entry(EntryBuilder.anEntry()
                .site(SITE)
                .id(id)
                .at(t(at))
                .author(author)
                .kind(kind)
                .important(important)
                .closedAt(t(closedAt)));
    }

    Given entry(EntryBuilder entry) {
        entries.add(entry.build());
        return this;
    }

    Given patrol(String id, String at) {
        return entry(id, at, "wang", EntryKind.PATROL, false, null);
    }

    Given incident(IncidentBuilder incident) {
        incidents.add(incident.build());
        return this;
    }

    Given call(
            String id,
            String at,
            CallLine line,
            CallDirection direction,
            Integer rings,
            boolean answered,
            String staffId) {
        calls.add(new Call(id, t(at), line, direction, rings, answered, staffId));
        return this;
    }

    Given absence(String id, String staffId, String from, String to, String coveredBy) {
        absences.add(new Absence(id, staffId, t(from), t(to), coveredBy, "reason"));
        return this;
    }

    Given review(String date, String supervisor, String at) {
        reviews.add(new SupervisorReview(d(date), supervisor, t(at), null));
        return this;
    }

    Given dutyReport(String date, String author, String submittedAt) {
        reports.add(new DutyReport(d(date), author, t(submittedAt), null, null));
        return this;
    }

    /** A duty report reviewed by {@code reviewedBy} at {@code reviewedAt} (null: not reviewed). */
    Given dutyReport(String date, String author, String submittedAt, String reviewedBy, String reviewedAt) {
        reports.add(new DutyReport(d(date), author, t(submittedAt), reviewedBy, t(reviewedAt)));
        return this;
    }

    /** The call and, when it is an answered inbound call, the entry that records it ({@link CallBuilder#loggingEntry()}). */
    Given call(CallBuilder call) {
        call.loggingEntry().ifPresent(entries::add);
        calls.add(call.build());
        return this;
    }

    Given spotCheck(String date, String supervisor, String at) {
        spotChecks.add(new SpotCheck(d(date), supervisor, t(at), "desk tidy"));
        return this;
    }

    /** A line of the site's checklist of public items (4.2.1). */
    Given checklist(String item, int expected) {
        checklist.add(new InventoryItem(item, expected));
        return this;
    }

    Given training(String date, String... attendees) {
        trainings.add(new Training(d(date), "drill", List.of(attendees)));
        return this;
    }

    Given processReview(String month, String heldAt) {
        processReviews.add(new ProcessReview(YearMonth.parse(month), t(heldAt), "findings"));
        return this;
    }

    SiteRecords records() {
        Site site = checklist.isEmpty()
                ? SITE
                : new Site(
                        SITE.id(),
                        SITE.name(),
                        SITE.zone(),
                        SITE.calendar(),
                        SITE.workdayDuty(),
                        SITE.nonWorkdayDuty(),
                        SITE.officeHours(),
                        checklist);
        return SiteRecords.builder(site)
                .staff(staff)
                .rosters(rosters)
                .leaves(leaves)
                .handovers(handovers)
                .entries(entries)
                .incidents(incidents)
                .calls(calls)
                .absences(absences)
                .reviews(reviews)
                .dutyReports(reports)
                .trainings(trainings)
                .processReviews(processReviews)
                .spotChecks(spotChecks)
                .build();
    }

    /** Every violation of the duty dates {@code from}–{@code to} as of the site-local instant. */
    List<Violation> check(String from, String to, String asOf) {
        return Rules.DEFAULT.evaluate(records(), new CheckPeriod(d(from), d(to)), t(asOf));
    }

    /** The violations of one rule, as "rule subject [responsible]" lines. */
    List<String> check(String rule, String from, String to, String asOf) {
        return lines(check(from, to, asOf), rule);
    }

    static List<String> lines(List<Violation> violations, String rule) {
        return violations.stream()
                .filter(v -> v.rule().equals(rule))
                .map(Given::line)
                .toList();
    }

    static String line(Violation v) {
        return v.rule() + " " + v.subject() + " " + v.responsible();
    }

    /** The default rules, compiled once per test JVM. */
    static final class Rules {
        static final DroolsProcedureRules DEFAULT = DroolsProcedureRules.defaults();

        private Rules() {}
    }

    /**
     * duty-test's compliant handover at this site ({@link HandoverBuilder#aHandover()}: arrival 10 and
     * readiness 20 minutes early, the outgoing signs 2 and the incoming 1 minute before, completed 2
     * minutes after), with its id, time and officers.
     */
    static HandoverBuilder aHandover(String id, String scheduledAt, String outgoing, String incoming) {
        return HandoverBuilder.aHandover()
                .site(SITE)
                .id(id)
                .scheduledAt(t(scheduledAt))
                .outgoing(outgoing)
                .incoming(incoming);
    }

    /**
     * duty-test's incident at this site, DIFFICULT unless told otherwise ({@link IncidentBuilder#anIncident()}:
     * a WATER_LEAK reported by wang, resolved an hour later with its process and result).
     */
    static IncidentBuilder anIncident(String id, String openedAt) {
        return IncidentBuilder.anIncident()
                .site(SITE)
                .id(id)
                .openedAt(t(openedAt))
                .severity(IncidentSeverity.DIFFICULT);
    }
}
