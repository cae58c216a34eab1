package io.dutykit.reference;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
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
import java.util.stream.Collectors;

/**
 * A site whose records comply with every rule over a period, built day by day; a test changes one
 * thing and checks which violations appear. wang is rostered on even epoch days, chen on odd ones
 * (in November 2026: chen on the 2nd, wang on the 3rd, …); liu hands over to them at 17:30 on
 * working days.
 */
final class World {
    final Site site;
    final LocalDate from;
    final LocalDate to;
    final List<Staff> staff = new ArrayList<>(Fixtures.STAFF);
    final Map<YearMonth, Roster> rosters = new LinkedHashMap<>();
    final Map<LocalDate, HandoverBuilder> handovers = new LinkedHashMap<>();
    final List<Handover> extraHandovers = new ArrayList<>();
    final List<LogEntry> entries = new ArrayList<>();
    final List<Incident> incidents = new ArrayList<>();
    final List<Call> calls = new ArrayList<>();
    final List<Absence> absences = new ArrayList<>();
    final List<Leave> leaves = new ArrayList<>();
    final List<SupervisorReview> reviews = new ArrayList<>();
    final List<DutyReport> dutyReports = new ArrayList<>();
    final List<Training> trainings = new ArrayList<>();
    final List<ProcessReview> processReviews = new ArrayList<>();

    private World(Site site, LocalDate from, LocalDate to) {
        this.site = site;
        this.from = from;
        this.to = to;
    }

    /** The week of Monday 2 to Sunday 8 November 2026, weekdays-only calendar. */
    static World week() {
        return compliant(Fixtures.SITE, Fixtures.date("2026-11-02"), Fixtures.date("2026-11-08"));
    }

    static World compliant(Site site, LocalDate from, LocalDate to) {
        World w = new World(site, from, to);
        YearMonth lastMonth = YearMonth.from(to);
        for (YearMonth m = YearMonth.from(from); !m.isAfter(lastMonth); m = m.plusMonths(1)) {
            List<RosterDuty> duties = new ArrayList<>();
            for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
                duties.add(new RosterDuty(d, officer(d)));
            }
            Instant published =
                    m.minusMonths(1).atDay(25).atTime(16, 0).atZone(site.zone()).toInstant();
            w.rosters.put(m, new Roster(m, published, "li", duties));
            Instant held =
                    m.plusMonths(1).atDay(5).atTime(15, 0).atZone(site.zone()).toInstant();
            w.processReviews.add(new ProcessReview(m, held, "fine"));
            LocalDate trainingDay = RecordRules.quarterStart(m).atDay(15);
            if (w.trainings.stream().noneMatch(t -> t.date().equals(trainingDay))) {
                w.trainings.add(new Training(trainingDay, "fire drill", List.of("wang", "chen", "liu")));
            }
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DutyShift shift = site.shiftOf(d);
            String outgoing = shift.workingDay() ? "liu" : officer(d.minusDays(1));
            w.handovers.put(d, HandoverBuilder.aHandover("ho-" + d, d, shift.start(), outgoing, officer(d)));
            int k = 0;
            for (Instant t = shift.start().plus(Duration.ofHours(1));
                    t.isBefore(shift.end());
                    t = t.plus(Duration.ofHours(2))) {
                w.entries.add(EntryBuilder.anEntry("p-" + d + "-" + k++)
                        .date(d)
                        .at(t)
                        .author(officer(d))
                        .kind(EntryKind.PATROL)
                        .build());
            }
            w.dutyReports.add(new DutyReport(d, officer(d), shift.end().plus(Duration.ofMinutes(30)), null, null));
            LocalDate reviewDay = site.calendar().workingDayOnOrAfter(site.localDate(shift.end()));
            w.reviews.add(new SupervisorReview(
                    d,
                    "li",
                    reviewDay.atTime(LocalTime.of(9, 0)).atZone(site.zone()).toInstant(),
                    null));
        }
        return w;
    }

    /** The officer rostered on the date: wang on even epoch days, chen on odd ones. */
    static String officer(LocalDate date) {
        return date.toEpochDay() % 2 == 0 ? "wang" : "chen";
    }

    HandoverBuilder handoverOn(String date) {
        return handovers.get(Fixtures.date(date));
    }

    World removeEntriesOf(LocalDate date, EntryKind kind) {
        entries.removeIf(e -> e.date().equals(date) && e.kind() == kind);
        return this;
    }

    SiteRecords records() {
        List<Handover> all =
                handovers.values().stream().map(HandoverBuilder::build).collect(Collectors.toList());
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
                .build();
    }

    /** Every violation over the world's period as of the instant. */
    List<Violation> check(Instant asOf) {
        return new ReferenceProcedureRules().evaluate(records(), new CheckPeriod(from, to), asOf);
    }

    /** Every violation over the world's period, once every deadline has passed. */
    List<Violation> check() {
        return check(Fixtures.at("2027-02-01T00:00"));
    }

    /** Every violation once every deadline has passed, as compared by the tests. */
    List<V> found() {
        return V.of(check());
    }

    /** The violations of one rule as of the instant, as compared by the tests. */
    List<V> found(String rule, Instant asOf) {
        return V.of(check(asOf).stream().filter(v -> v.rule().equals(rule)).toList());
    }

    /** The violations of one rule once every deadline has passed, as compared by the tests. */
    List<V> found(String rule) {
        return V.of(check(rule));
    }

    /** The violations of one rule, once every deadline has passed. */
    List<Violation> check(String rule) {
        return check().stream().filter(v -> v.rule().equals(rule)).toList();
    }
}
