package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.procedure.Deadlines;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.RuleCatalogue;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.reports.DailyReport.Timeliness;
import io.dutykit.reports.MonthlyReview.ClauseCount;
import io.dutykit.reports.MonthlyReview.DayCount;
import io.dutykit.reports.MonthlyReview.Decisions;
import io.dutykit.reports.MonthlyReview.EscalationTime;
import io.dutykit.reports.MonthlyReview.EscalationTimes;
import io.dutykit.reports.MonthlyReview.HandoverPunctuality;
import io.dutykit.reports.MonthlyReview.LogReviews;
import io.dutykit.reports.MonthlyReview.OnSiteReturns;
import io.dutykit.reports.MonthlyReview.Oversight;
import io.dutykit.reports.MonthlyReview.ReportReviews;
import io.dutykit.reports.MonthlyReview.RuleCount;
import io.dutykit.reports.MonthlyReview.SpotCheckMonth;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes the {@link MonthlyReview} of a period from the records and the violations. */
final class MonthlyReviews {
    private static final int RECURRING_TOP = 5;
    private static final int STAFF_TOP = 3;

    private MonthlyReviews() {}

    static MonthlyReview compute(ReportRequest request) {
        CheckPeriod period = request.period();
        List<Violation> violations = inPeriod(request);
        int errors = (int) violations.stream()
                .filter(v -> v.severity() == ViolationSeverity.ERROR)
                .count();

        Map<String, int[]> clauses = new TreeMap<>();
        for (Violation v : violations) {
            int[] counts = clauses.computeIfAbsent(v.clause(), c -> new int[2]);
            counts[v.severity() == ViolationSeverity.ERROR ? 0 : 1]++;
        }
        List<ClauseCount> byClause = new ArrayList<>();
        clauses.forEach((clause, c) -> byClause.add(new ClauseCount(clause, c[0] + c[1], c[0], c[1])));
        byClause.sort(Comparator.comparingInt(ClauseCount::count).reversed());

        List<RuleCount> byRule = ruleCounts(violations);
        List<RuleCount> recurring = byRule.stream()
                .filter(r -> r.days() >= 2)
                .sorted(Comparator.comparingInt(RuleCount::days)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(RuleCount::count).reversed())
                        .thenComparing(RuleCount::rule))
                .limit(RECURRING_TOP)
                .toList();

        Map<LocalDate, int[]> days = new LinkedHashMap<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            days.put(d, new int[2]);
        }
        for (Violation v : violations) {
            days.get(v.date())[v.severity() == ViolationSeverity.ERROR ? 0 : 1]++;
        }
        List<DayCount> perDay = new ArrayList<>();
        days.forEach((d, c) -> perDay.add(new DayCount(d, c[0], c[1])));

        return new MonthlyReview(
                DailyReports.header(request),
                period,
                violations.size(),
                errors,
                violations.size() - errors,
                List.copyOf(byClause),
                byRule,
                List.copyOf(perDay),
                punctuality(request),
                escalations(request),
                recurring,
                oversight(request));
    }

    /** The site's violations whose duty date lies in the period, in report order. */
    static List<Violation> inPeriod(ReportRequest request) {
        return request.siteViolations().stream()
                .filter(v -> v.date() != null && request.period().contains(v.date()))
                .sorted(Violation.REPORT_ORDER)
                .toList();
    }

    static List<RuleCount> ruleCounts(List<Violation> violations) {
        Map<String, List<Violation>> rules = new TreeMap<>();
        violations.forEach(
                v -> rules.computeIfAbsent(v.rule(), r -> new ArrayList<>()).add(v));
        List<RuleCount> result = new ArrayList<>();
        rules.forEach((rule, list) -> {
            Set<LocalDate> dates = new HashSet<>();
            Map<String, Integer> staff = new HashMap<>();
            list.forEach(v -> {
                dates.add(v.date());
                v.responsible().forEach(s -> staff.merge(s, 1, Integer::sum));
            });
            List<String> top = staff.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(STAFF_TOP)
                    .map(Map.Entry::getKey)
                    .toList();
            Violation first = list.get(0);
            result.add(new RuleCount(rule, first.clause(), first.severity(), list.size(), dates.size(), top));
        });
        result.sort(Comparator.comparingInt(RuleCount::count).reversed().thenComparing(RuleCount::rule));
        return List.copyOf(result);
    }

    static HandoverPunctuality punctuality(ReportRequest request) {
        Instant asOf = request.asOf();
        List<Handover> handovers = request.records().handovers().stream()
                .filter(h ->
                        request.period().contains(h.date()) && !h.scheduledAt().isAfter(asOf))
                .toList();
        int incoming = 0;
        int outgoing = 0;
        int completed = 0;
        int verified = 0;
        List<Double> leads = new ArrayList<>();
        ItemLookup lookup = new ItemLookup(request.records(), asOf);
        Readings readings = new Readings(request);
        for (Handover h : handovers) {
            HandoverSheet.Page page = HandoverSheets.page(request, h, lookup, readings);
            if (page.arrival().status() == HandoverSheet.Punctuality.ON_TIME) {
                incoming++;
            }
            if (page.arrival().minutesBefore() != null) {
                leads.add(page.arrival().minutesBefore());
            }
            if (page.readiness().status() == HandoverSheet.Punctuality.ON_TIME) {
                outgoing++;
            }
            if (page.completedAt() != null) {
                completed++;
            }
            if (page.signatures().stream().allMatch(s -> s.verification() == HandoverSheet.Verification.VERIFIED)) {
                verified++;
            }
        }
        return new HandoverPunctuality(
                handovers.size(),
                incoming,
                outgoing,
                completed,
                verified,
                Minutes.median(leads),
                request.minutes(Parameters.INCOMING_LEAD),
                request.minutes(Parameters.OUTGOING_LEAD));
    }

    static EscalationTimes escalations(ReportRequest request) {
        SiteRecords records = request.records();
        Instant asOf = request.asOf();
        List<EscalationTime> times = new ArrayList<>();
        int notEscalated = 0;
        List<Incident> incidents = records.incidents().stream()
                .filter(i ->
                        request.period().contains(i.date()) && !i.openedAt().isAfter(asOf))
                .sorted(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id))
                .toList();
        Readings readings = new Readings(request);
        for (Incident incident : incidents) {
            var first = DailyReports.firstEscalation(records, incident, Role.SUPERVISOR, asOf);
            if (first.isPresent()) {
                double minutes = Math.max(
                        0, Minutes.between(incident.openedAt(), first.get().at()));
                times.add(new EscalationTime(
                        incident.id(),
                        incident.severity(),
                        incident.openedAt(),
                        first.get().to(),
                        minutes,
                        readings.firstDecision(incident)
                                .map(Escalation::decidedAt)
                                .orElse(null)));
            } else if (incident.severity().isCritical()) {
                notEscalated++;
            }
        }
        List<Double> minutes = times.stream().map(EscalationTime::minutes).toList();
        return new EscalationTimes(
                List.copyOf(times), Minutes.nearestRank(minutes, 50), Minutes.nearestRank(minutes, 90), notEscalated);
    }

    static Oversight oversight(ReportRequest request) {
        SiteRecords records = request.records();
        Site site = records.site();
        Instant asOf = request.asOf();
        CheckPeriod period = request.period();
        Readings readings = new Readings(request);

        int required = request.parameters().get(Parameters.SPOT_CHECKS_PER_MONTH);
        List<SpotCheckMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.from());
                !month.isAfter(YearMonth.from(period.to()));
                month = month.plusMonths(1)) {
            YearMonth m = month;
            Map<String, Integer> by = new TreeMap<>();
            records.spotChecks().stream()
                    .filter(c -> YearMonth.from(c.date()).equals(m)
                            && !c.at().isAfter(asOf)
                            && readings.has(c.supervisor(), Role.SUPERVISOR))
                    .forEach(c -> by.merge(c.supervisor(), 1, Integer::sum));
            int count = by.values().stream().mapToInt(Integer::intValue).sum();
            Instant end = m.plusMonths(1).atDay(1).atStartOfDay(site.zone()).toInstant();
            months.add(new SpotCheckMonth(m, count, required, Map.copyOf(by), !end.isAfter(asOf)));
        }

        Deadlines deadlines =
                new Deadlines(RuleCatalogue.defaults(), request.parameters(), IncidentThresholdTable.defaults());
        int logDue = 0;
        int logInTime = 0;
        int reportDue = 0;
        int reportInTime = 0;
        List<Double> reportHours = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            LocalDate date = d;
            Instant deadline = deadlines.reviewDeadline(site, site.shiftOf(date));
            if (!deadline.isAfter(asOf)) {
                logDue++;
                boolean reviewed = records.reviews().stream()
                        .anyMatch(r -> r.date().equals(date)
                                && !r.at().isAfter(deadline)
                                && readings.has(r.supervisor(), Role.SUPERVISOR));
                logInTime += reviewed ? 1 : 0;
            }
            DailyReport.DutyReportReview review = readings.reportReview(date);
            if (review != null) {
                if (!review.deadline().isAfter(asOf)) {
                    reportDue++;
                    reportInTime += review.status() == Timeliness.IN_TIME ? 1 : 0;
                }
                if (review.bySupervisor()) {
                    reportHours.add(review.hours());
                }
            }
        }

        List<Incident> incidents = records.incidents().stream()
                .filter(i -> period.contains(i.date()) && !i.openedAt().isAfter(asOf))
                .toList();
        int asked = 0;
        int decidedInTime = 0;
        int decisionPending = 0;
        List<Double> toDecision = new ArrayList<>();
        Map<String, Integer> bySupervisor = new TreeMap<>();
        int calledBack = 0;
        int backInTime = 0;
        int backPending = 0;
        List<Double> toReturn = new ArrayList<>();
        for (Incident incident : incidents) {
            readings.decisions(incident).stream()
                    .filter(d -> d.bySupervisor() && d.decidedAt() != null)
                    .forEach(d -> bySupervisor.merge(d.by(), 1, Integer::sum));
            var from = readings.decisionAsked(incident);
            if (from.isPresent()) {
                asked++;
                Timeliness status = readings.decisionStatus(incident);
                decidedInTime += status == Timeliness.IN_TIME ? 1 : 0;
                decisionPending += status == Timeliness.PENDING ? 1 : 0;
                readings.firstDecision(incident)
                        .ifPresent(e -> toDecision.add(
                                Math.max(0, Minutes.between(from.get().at(), e.decidedAt()))));
            }
            for (DailyReport.OnSiteReturn r : readings.onSiteReturns(incident)) {
                if (r.deadline() == null) {
                    continue;
                }
                calledBack++;
                backInTime += r.status() == Timeliness.IN_TIME || r.status() == Timeliness.NOT_NEEDED ? 1 : 0;
                backPending += r.status() == Timeliness.PENDING ? 1 : 0;
                if (r.minutes() != null) {
                    toReturn.add(Math.max(0, r.minutes()));
                }
            }
        }
        return new Oversight(
                List.copyOf(months),
                new LogReviews(logDue, logInTime),
                new ReportReviews(reportDue, reportInTime, Minutes.median(reportHours), (int)
                        readings.reportReview().toHours()),
                new Decisions(
                        asked,
                        decidedInTime,
                        decisionPending,
                        Minutes.nearestRank(toDecision, 50),
                        Minutes.nearestRank(toDecision, 90),
                        (int) readings.decisionWithin().toMinutes(),
                        Map.copyOf(bySupervisor)),
                new OnSiteReturns(calledBack, backInTime, backPending, Minutes.median(toReturn), (int)
                        readings.onSiteWithin().toMinutes()));
    }
}
