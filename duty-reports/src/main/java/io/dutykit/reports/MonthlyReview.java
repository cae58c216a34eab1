package io.dutykit.reports;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.incident.IncidentSeverity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The monthly review (月度复审) of a period: what the supervisor brings to the monthly process review
 * (G5). Counts the violations dated in the period that the caller passed in.
 *
 * @param byClause violations per clause, most first
 * @param byRule violations per rule, most first
 * @param perDay violations per duty date of the period, every date present
 * @param recurring the problems that came back: rules that fired on at least two duty dates, most first (at most five)
 * @param oversight the supervisors' own part: spot checks, log and report reviews, decisions, returns on site
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
        List<RuleCount> recurring,
        Oversight oversight) {

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

    /**
     * @param decidedAt the first decision a supervisor recorded on the incident by as-of, or null
     */
    public record EscalationTime(
            String incident,
            IncidentSeverity severity,
            Instant openedAt,
            String supervisor,
            double minutes,
            Instant decidedAt) {}

    /**
     * What the supervisors themselves did over the period (3.1, 4.3, 4.1.5, 4.1.7, G4): the procedure
     * asks them to spot-check duty, review the log and the duty reports, decide about difficult and
     * major incidents, and come back on site after hours when a major incident needs them.
     */
    public record Oversight(
            List<SpotCheckMonth> spotChecks,
            LogReviews logReviews,
            ReportReviews reportReviews,
            Decisions decisions,
            OnSiteReturns onSiteReturns) {}

    /**
     * The spot checks of duty dated in a month that overlaps the period (3.1), made by as-of by people
     * with the SUPERVISOR role.
     *
     * @param required {@code supervision.spotChecksPerMonth}; 0 asks for none
     * @param bySupervisor how many each supervisor made, by id
     * @param ended whether the month had ended by as-of (only then can it have too few)
     */
    public record SpotCheckMonth(
            YearMonth month, int count, int required, Map<String, Integer> bySupervisor, boolean ended) {
        public boolean tooFew() {
            return ended && count < required;
        }
    }

    /**
     * The supervisors' review of the log (4.3): duty dates of the period whose review deadline had passed
     * by as-of, and of those the dates a supervisor reviewed by the deadline.
     */
    public record LogReviews(int due, int inTime) {}

    /**
     * The supervisors' review of the duty reports (G4, 4.3): duty dates of the period with a report whose
     * review deadline had passed by as-of, those reviewed by a supervisor by the deadline, and the median
     * hours from the first submission to the first supervisor's review (over every reviewed report).
     */
    public record ReportReviews(int due, int inTime, Double medianHours, int reviewHours) {}

    /**
     * Decisions about the DIFFICULT and MAJOR incidents of the period that reached a supervisor (4.1.5).
     *
     * @param asked incidents on which a decision was asked for
     * @param inTime decided by the deadline (the first reached supervisor escalation + {@code decisionMinutes})
     * @param pending not decided while the deadline is still ahead of as-of
     * @param median minutes from the first reached supervisor escalation to the first decision, nearest rank
     * @param bySupervisor decisions recorded by as-of per supervisor, by id
     */
    public record Decisions(
            int asked,
            int inTime,
            int pending,
            Double median,
            Double p90,
            int decisionMinutes,
            Map<String, Integer> bySupervisor) {}

    /**
     * Returns on site of people of manager level reached after hours about the MAJOR incidents of the
     * period (4.1.7), per incident and person.
     *
     * @param required who had to come back
     * @param inTime back by the deadline, or the incident resolved by then
     * @param pending neither, while the deadline is still ahead of as-of
     * @param median minutes from the escalation to the return, over those who came back (usual median)
     */
    public record OnSiteReturns(int required, int inTime, int pending, Double median, int returnMinutes) {}
}
