package io.dutykit.test.data;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
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
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site whose records comply with every default rule over a period, built day by day; a test changes
 * one thing and checks which violations appear ("a compliant world + one change"). The lists are open
 * for the test to change before it reads {@link #records()}.
 *
 * <p>What it holds: for each month, a roster published on the 25th of the month before by li (wang on
 * even epoch days, chen on odd ones: in November 2026 chen on the 2nd, wang on the 3rd, …), a process
 * review held on the 5th of the next month, a training of wang, chen and liu on the 15th of the
 * quarter's first month, and li's spot checks of duty at 20:00 on the 3rd, 10th, 17th and 24th (3.1);
 * for each duty date, the handover at the shift's start ({@link HandoverBuilder#aHandover()}, liu
 * handing over on working days, the previous officer at weekends), patrols by the officer every two
 * hours from an hour after the shift's start, the officer's duty report 30 minutes after the shift, and
 * li's review of the log and of the report at 09:00 on the next working day. Calls added with {@link
 * #call} come with the entry that records them.
 *
 * <p>A module checks it with its engine: {@code world.check(rules, asOf)}; a module's own test world may
 * extend this class to add its checks and its comparisons.
 */
public class CompliantWorld {
    public final Site site;
    public final LocalDate from;
    public final LocalDate to;
    public final List<Staff> staff;
    public final Map<YearMonth, Roster> rosters = new LinkedHashMap<>();
    /** The handover at the start of each duty date's shift, still open to changes. */
    public final Map<LocalDate, HandoverBuilder> handovers = new LinkedHashMap<>();
    /** Handovers besides those at the shifts' starts (e.g. the 08:30 handover to day staff). */
    public final List<Handover> extraHandovers = new ArrayList<>();

    public final List<LogEntry> entries = new ArrayList<>();
    public final List<Incident> incidents = new ArrayList<>();
    public final List<Call> calls = new ArrayList<>();
    public final List<Absence> absences = new ArrayList<>();
    public final List<Leave> leaves = new ArrayList<>();
    public final List<SupervisorReview> reviews = new ArrayList<>();
    public final List<DutyReport> dutyReports = new ArrayList<>();
    public final List<Training> trainings = new ArrayList<>();
    public final List<ProcessReview> processReviews = new ArrayList<>();
    public final List<SpotCheck> spotChecks = new ArrayList<>();

    private static final int[] SPOT_CHECK_DAYS = {3, 10, 17, 24};

    /** A compliant world of {@code staff} (who must include wang, chen and liu as duty officers and li as supervisor). */
    protected CompliantWorld(Site site, List<Staff> staff, LocalDate from, LocalDate to) {
        this.site = site;
        this.staff = new ArrayList<>(staff);
        this.from = from;
        this.to = to;
        YearMonth lastMonth = YearMonth.from(to);
        for (YearMonth m = YearMonth.from(from); !m.isAfter(lastMonth); m = m.plusMonths(1)) {
            List<RosterDuty> duties = new ArrayList<>();
            for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
                duties.add(new RosterDuty(d, officer(d)));
            }
            Instant published =
                    m.minusMonths(1).atDay(25).atTime(16, 0).atZone(site.zone()).toInstant();
            rosters.put(m, new Roster(m, published, TestStaff.SUPERVISOR, duties));
            Instant held =
                    m.plusMonths(1).atDay(5).atTime(15, 0).atZone(site.zone()).toInstant();
            processReviews.add(new ProcessReview(m, held, "fine"));
            for (int day : SPOT_CHECK_DAYS) {
                Instant at = m.atDay(day).atTime(20, 0).atZone(site.zone()).toInstant();
                spotChecks.add(new SpotCheck(m.atDay(day), TestStaff.SUPERVISOR, at, "desk tidy, log up to date"));
            }
            LocalDate trainingDay = quarterStart(m).atDay(15);
            if (trainings.stream().noneMatch(t -> t.date().equals(trainingDay))) {
                trainings.add(new Training(
                        trainingDay,
                        "fire drill",
                        List.of(TestStaff.WANG.id(), TestStaff.CHEN.id(), TestStaff.LIU.id())));
            }
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DutyShift shift = site.shiftOf(d);
            String outgoing = shift.workingDay() ? TestStaff.LIU.id() : officer(d.minusDays(1));
            handovers.put(
                    d,
                    HandoverBuilder.aHandover()
                            .site(site)
                            .id("ho-" + d)
                            .date(d)
                            .scheduledAt(shift.start())
                            .outgoing(outgoing)
                            .incoming(officer(d)));
            int k = 0;
            for (Instant t = shift.start().plus(Duration.ofHours(1));
                    t.isBefore(shift.end());
                    t = t.plus(Duration.ofHours(2))) {
                entries.add(EntryBuilder.anEntry()
                        .id("p-" + d + "-" + k++)
                        .date(d)
                        .at(t)
                        .author(officer(d))
                        .kind(EntryKind.PATROL)
                        .text("all normal")
                        .build());
            }
            LocalDate reviewDay = site.calendar().workingDayOnOrAfter(site.localDate(shift.end()));
            Instant reviewed =
                    reviewDay.atTime(LocalTime.of(9, 0)).atZone(site.zone()).toInstant();
            dutyReports.add(new DutyReport(
                    d, officer(d), shift.end().plus(Duration.ofMinutes(30)), TestStaff.SUPERVISOR, reviewed));
            reviews.add(new SupervisorReview(d, TestStaff.SUPERVISOR, reviewed, null));
        }
    }

    /** A compliant world of the test staff ({@link TestStaff#all()}) at the site over {@code from}–{@code to}. */
    public static CompliantWorld of(Site site, LocalDate from, LocalDate to) {
        return new CompliantWorld(site, TestStaff.all(), from, to);
    }

    /** The week of Monday 2 to Sunday 8 November 2026 at garden-court (weekdays-only calendar). */
    public static CompliantWorld week() {
        return of(SiteBuilder.gardenCourt(), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8));
    }

    /** The officer rostered on the date: wang on even epoch days, chen on odd ones. */
    public static String officer(LocalDate date) {
        return date.toEpochDay() % 2 == 0 ? TestStaff.WANG.id() : TestStaff.CHEN.id();
    }

    /** The handover at the start of the date's shift ({@code yyyy-MM-dd}), to change before checking. */
    public HandoverBuilder handoverOn(String date) {
        return handovers.get(LocalDate.parse(date));
    }

    /** Adds the call and, when it is an answered inbound call, the entry that records it ({@link CallBuilder#loggingEntry()}). */
    public CompliantWorld call(CallBuilder call) {
        call.loggingEntry().ifPresent(entries::add);
        calls.add(call.build());
        return this;
    }

    /** Removes the entries of the kind dated {@code date} (e.g. its patrols). */
    public CompliantWorld removeEntriesOf(LocalDate date, EntryKind kind) {
        entries.removeIf(e -> e.date().equals(date) && e.kind() == kind);
        return this;
    }

    /** The world's records, as a store or a dataset would hold them. */
    public SiteRecords records() {
        List<Handover> all = new ArrayList<>();
        for (HandoverBuilder handover : handovers.values()) {
            all.add(handover.build());
        }
        all.addAll(extraHandovers);
        return SiteRecords.builder(site)
                .staff(staff)
                .rosters(new ArrayList<>(rosters.values()))
                .leaves(leaves)
                .handovers(all)
                .entries(entries)
                .incidents(incidents)
                .calls(calls)
                .absences(absences)
                .reviews(reviews)
                .dutyReports(dutyReports)
                .trainings(trainings)
                .processReviews(processReviews)
                .spotChecks(spotChecks)
                .build();
    }

    /** Every violation {@code rules} find over the world's period as of the instant. */
    public List<Violation> check(ProcedureRules rules, Instant asOf) {
        return rules.evaluate(records(), new CheckPeriod(from, to), asOf);
    }

    private static YearMonth quarterStart(YearMonth month) {
        return YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
    }
}
