package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.staff.Role;
import io.dutykit.reports.MonthlyReview.ClauseCount;
import io.dutykit.reports.MonthlyReview.DayCount;
import io.dutykit.reports.MonthlyReview.EscalationTime;
import io.dutykit.reports.MonthlyReview.EscalationTimes;
import io.dutykit.reports.MonthlyReview.HandoverPunctuality;
import io.dutykit.reports.MonthlyReview.RuleCount;
import java.time.Instant;
import java.time.LocalDate;
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
                recurring);
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
        for (Handover h : handovers) {
            HandoverSheet.Page page = HandoverSheets.page(request, h);
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
                        minutes));
            } else if (incident.severity().isCritical()) {
                notEscalated++;
            }
        }
        List<Double> minutes = times.stream().map(EscalationTime::minutes).toList();
        return new EscalationTimes(
                List.copyOf(times), Minutes.nearestRank(minutes, 50), Minutes.nearestRank(minutes, 90), notEscalated);
    }
}
