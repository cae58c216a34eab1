package io.dutykit.reports;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.incident.IncidentSeverity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The monthly review (月度复审) of a period: what the supervisor brings to the monthly process review
 * (G5). Counts the violations dated in the period that the caller passed in.
 *
 * @param byClause violations per clause, most first
 * @param byRule violations per rule, most first
 * @param perDay violations per duty date of the period, every date present
 * @param recurring the problems that came back: rules that fired on at least two duty dates, most first (at most five)
 */
public record MonthlyReview(
        ReportHeader header,
        CheckPeriod period,
        int total,
        int errors,
        int warnings,
        List<ClauseCount> byClause,
        List<RuleCount> byRule,
        List<DayCount> perDay,
        HandoverPunctuality punctuality,
        EscalationTimes escalations,
        List<RuleCount> recurring) {

    public record ClauseCount(String clause, int count, int errors, int warnings) {}

    /**
     * @param days on how many distinct duty dates the rule fired
     * @param staff the people most often responsible, most first (at most three)
     */
    public record RuleCount(
            String rule, String clause, ViolationSeverity severity, int count, int days, List<String> staff) {}

    public record DayCount(LocalDate date, int errors, int warnings) {
        public int total() {
            return errors + warnings;
        }
    }

    /**
     * Handovers dated in the period that had been scheduled by as-of.
     *
     * @param incomingOnTime handovers whose incoming arrived at least the lead minutes early
     * @param outgoingOnTime handovers whose outgoing was ready at least the lead minutes early
     * @param signedVerified handovers with both signatures present and verifying
     */
    public record HandoverPunctuality(
            int handovers,
            int incomingOnTime,
            int outgoingOnTime,
            int completed,
            int signedVerified,
            Double medianIncomingLeadMinutes,
            int incomingLeadMinutes,
            int outgoingLeadMinutes) {

        public Double incomingShare() {
            return handovers == 0 ? null : (double) incomingOnTime / handovers;
        }

        public Double outgoingShare() {
            return handovers == 0 ? null : (double) outgoingOnTime / handovers;
        }
    }

    /**
     * Minutes from {@code openedAt} to the first escalation to a SUPERVISOR, over the incidents
     * dated in the period that have one (escalations made before opening count as 0 minutes).
     * Median and p90 by the nearest-rank method: sort ascending, take the value at rank
     * {@code ceil(p/100 × n)}.
     *
     * @param notEscalated DIFFICULT or MAJOR incidents with no escalation to a supervisor by as-of
     */
    public record EscalationTimes(List<EscalationTime> incidents, Double median, Double p90, int notEscalated) {}

    public record EscalationTime(
            String incident, IncidentSeverity severity, Instant openedAt, String supervisor, double minutes) {}
}
