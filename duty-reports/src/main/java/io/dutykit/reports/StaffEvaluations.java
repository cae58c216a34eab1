package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.Violation;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.reports.StaffEvaluation.OfficerScore;
import io.dutykit.reports.StaffEvaluation.RuleWeight;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the {@link StaffEvaluation} of a period. */
final class StaffEvaluations {
    private StaffEvaluations() {}

    static StaffEvaluation compute(ReportRequest request) {
        SiteRecords records = request.records();
        ParameterValues weights = request.parameters();
        List<Violation> violations = MonthlyReviews.inPeriod(request);

        Map<String, Integer> shifts = new HashMap<>();
        for (LocalDate d = request.period().from(); !d.isAfter(request.period().to()); d = d.plusDays(1)) {
            if (records.site().shiftOf(d).start().isAfter(request.asOf())) {
                break;
            }
            records.officerOnDuty(d).ifPresent(id -> shifts.merge(id, 1, Integer::sum));
        }

        List<OfficerScore> all = new ArrayList<>();
        for (Staff officer : records.withRole(Role.DUTY_OFFICER)) {
            List<Violation> own = violations.stream()
                    .filter(v -> v.responsible().contains(officer.id()))
                    .toList();
            int done = shifts.getOrDefault(officer.id(), 0);
            if (done == 0 && own.isEmpty()) {
                continue;
            }
            all.add(score(officer.id(), done, own, weights));
        }
        all.sort(Comparator.comparing(OfficerScore::staff));
        Double median = Minutes.median(all.stream().map(OfficerScore::score).toList());

        List<OfficerScore> shown = all;
        if (request.staff() != null) {
            if (records.staffMember(request.staff()).isEmpty()) {
                throw new ReportException("--staff " + request.staff() + " names nobody at site "
                        + records.site().id() + "; give the id of a duty officer");
            }
            String id = request.staff();
            shown = all.stream().filter(o -> o.staff().equals(id)).toList();
            if (shown.isEmpty()) {
                // someone who is not a duty officer, or did nothing in the period: score them all the same
                List<Violation> own = violations.stream()
                        .filter(v -> v.responsible().contains(id))
                        .toList();
                shown = List.of(score(id, shifts.getOrDefault(id, 0), own, weights));
            }
        }
        return new StaffEvaluation(
                DailyReports.header(request), request.period(), weights, List.copyOf(shown), median, request.staff());
    }

    static OfficerScore score(String staff, int shifts, List<Violation> violations, ParameterValues weights) {
        Map<String, List<Violation>> byRule = new TreeMap<>();
        violations.forEach(
                v -> byRule.computeIfAbsent(v.rule(), r -> new ArrayList<>()).add(v));
        List<RuleWeight> rules = new ArrayList<>();
        int penalty = 0;
        for (var e : byRule.entrySet()) {
            Violation first = e.getValue().get(0);
            int weight = weights.weight(first.rule(), first.severity());
            int count = e.getValue().size();
            // one rule has one severity in the default set, but a company's rule file may vary it
            int subtotal = e.getValue().stream()
                    .mapToInt(v -> weights.weight(v.rule(), v.severity()))
                    .sum();
            rules.add(new RuleWeight(e.getKey(), first.clause(), first.severity(), count, weight, subtotal));
            penalty += subtotal;
        }
        return new OfficerScore(
                staff, shifts, List.copyOf(rules), penalty, Math.max(0, StaffEvaluation.FULL_SCORE - penalty));
    }
}
