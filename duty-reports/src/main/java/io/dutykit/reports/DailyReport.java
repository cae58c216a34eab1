package io.dutykit.reports;

import io.dutykit.core.check.Violation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.DutyShift;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The daily duty report (值班报告) of one duty date, computed from the records as they stood at
 * {@code asOf} (SPEC section 9).
 *
 * @param officer the officer on duty: the incoming of the handover at the shift start, else the rostered one
 * @param rostered the officer the roster names for the date, or null
 * @param entriesByKind how many entries dated D there are of each kind, in the order of {@link EntryKind}
 * @param entries the entries dated D, in time order
 * @param incidents the incidents dated D with their escalation timelines
 * @param calls the figures of the calls belonging to D (SPEC section 4: by the shift containing them)
 * @param callList those calls, in time order
 * @param patrols the patrols of the shift and the gaps between them
 * @param carriedIn what the incoming took over at the shift start
 * @param openAtEnd entries and incidents dated D still open at the shift end (or at as-of, if earlier)
 * @param violations the violations dated D, in report order
 * @param chainHead the duty log's chain head printed on the report (SPEC section 8), or null when unknown
 * @param dutyReport the duty report submitted for D, if any
 * @param callLogging for each call of {@code callList} that must be logged (an answered inbound call
 *     inside a duty shift, G4), whether and when its entry was written
 * @param review the supervisor's review of D's duty report against its deadline (G4, 4.3); null when no
 *     report for D was submitted by as-of
 */
public record DailyReport(
        ReportHeader header,
        DutyShift shift,
        String officer,
        String rostered,
        Map<EntryKind, Integer> entriesByKind,
        List<LogEntry> entries,
        List<IncidentTimeline> incidents,
        CallFigures calls,
        List<Call> callList,
        PatrolFigures patrols,
        List<CarriedItem> carriedIn,
        List<CarriedItem> openAtEnd,
        List<Violation> violations,
        ChainHead chainHead,
        DutyReport dutyReport,
        List<CallLogging> callLogging,
        DutyReportReview review) {

    /** One step of an incident's handling, with minutes from its opening. */
    public record TimelineStep(Step step, Instant at, Double minutesFromOpening, String who) {}

    /** The steps of the escalation timeline, in the order the procedure expects them. */
    public enum Step {
        OPENED,
        SUPERVISOR,
        /** The first decision a supervisor recorded (4.1.5). */
        DECISION,
        MANAGER,
        PLAN,
        /** The first return on site of someone escalated to (4.1.7). */
        ON_SITE,
        RESOLVED
    }

    /**
     * Whether something the procedure asks for by a deadline was done: in time, late, not at all, or
     * not yet while the deadline is still ahead of as-of; {@code NOT_NEEDED} when the reason for it
     * went away first (an incident resolved before the manager had to be back on site).
     */
    public enum Timeliness {
        IN_TIME,
        LATE,
        MISSING,
        PENDING,
        NOT_NEEDED
    }

    /**
     * An incident and its timeline: opened → first escalation to a supervisor → the supervisor's
     * decision → first escalation to a manager → emergency plan started → back on site → resolved. A
     * step that has not happened by as-of has no instant.
     *
     * @param decisionDeadline when a supervisor reached about it had to have decided (the first reached
     *     escalation to a SUPERVISOR + {@code escalation.decisionMinutes}); null when no decision is asked
     *     for (a ROUTINE incident, or no supervisor reached)
     * @param decisionStatus the decision against that deadline; null when none is asked for
     * @param decisions every decision recorded on its escalations by as-of, in time order
     * @param onSiteReturns who came back on site, and who had to (4.1.7), by person
     */
    public record IncidentTimeline(
            Incident incident,
            List<TimelineStep> steps,
            Instant decisionDeadline,
            Timeliness decisionStatus,
            List<Decision> decisions,
            List<OnSiteReturn> onSiteReturns) {
        public TimelineStep step(Step which) {
            return steps.stream().filter(s -> s.step() == which).findFirst().orElseThrow();
        }
    }

    /**
     * A decision recorded on an escalation (4.1.5).
     *
     * @param by the person escalated to who decided
     * @param bySupervisor whether they hold the SUPERVISOR role (only their decisions answer 4.1.5)
     * @param decidedAt when it was recorded; null when the record carries no time (it then does not count)
     * @param minutes from that escalation to the decision
     */
    public record Decision(
            String by, boolean bySupervisor, Instant escalatedAt, String text, Instant decidedAt, Double minutes) {}

    /**
     * A person escalated to about the incident and their return on site (4.1.7).
     *
     * @param escalatedAt their first escalation (for someone who had to come back: the first reached
     *     one after hours)
     * @param onSiteAt the first return on site recorded by as-of, or null
     * @param minutes from {@code escalatedAt} to {@code onSiteAt}
     * @param deadline when they had to be back: {@code escalatedAt + oncall.returnMinutes} for someone of
     *     manager level reached after hours about a MAJOR incident; null for anyone else
     * @param status against the deadline; null when there is none
     */
    public record OnSiteReturn(
            String person,
            Instant escalatedAt,
            Instant onSiteAt,
            Double minutes,
            Instant deadline,
            Timeliness status) {}

    /**
     * Whether a call that must be logged (G4) was: an answered inbound call inside a duty shift.
     *
     * @param deadline the call's time + {@code calls.logWithinMinutes}
     * @param entry the entry the call names, or null
     * @param entryAt when that entry was written, if it exists and was written by as-of
     * @param status {@code IN_TIME} when the entry was written between the call and the deadline,
     *     {@code LATE} when it was written outside that window (after the deadline, or before the call),
     *     {@code MISSING} when there is no such entry, {@code PENDING} while the deadline is ahead
     */
    public record CallLogging(String call, Instant deadline, String entry, Instant entryAt, Timeliness status) {}

    /**
     * The supervisor's review of the duty report of D (G4, 4.3).
     *
     * @param submittedAt the first submission of a report for D
     * @param deadline the later of the log review's deadline for D and {@code submittedAt +
     *     report.reviewHours}
     * @param reviewedBy who reviewed it: the first review by a supervisor, else the first by anyone; null
     *     when nobody has
     * @param bySupervisor whether {@code reviewedBy} holds the SUPERVISOR role (only such a review counts)
     * @param hours from {@code submittedAt} to {@code reviewedAt}
     */
    public record DutyReportReview(
            Instant submittedAt,
            Instant deadline,
            String reviewedBy,
            Instant reviewedAt,
            boolean bySupervisor,
            Double hours,
            Timeliness status) {}

    /**
     * The calls of the duty date.
     *
     * @param answeredInTime inbound calls answered within {@code ringLimit} rings (an answered call
     *     without a ring count counts as in time: nothing shows it was late)
     * @param shareInTime {@code answeredInTime / inbound}, from 0 to 1; null when there was no inbound call
     * @param missed inbound calls not answered
     * @param hotlineDialledOut outbound calls on the duty hotline (4.1.5: it only receives calls)
     * @param toLog answered inbound calls inside a duty shift: those the log must record (G4)
     * @param loggedInTime of those, the calls whose entry was written within {@code logWithinMinutes}
     */
    public record CallFigures(
            int total,
            int inbound,
            int outbound,
            int answered,
            int answeredInTime,
            Double shareInTime,
            int missed,
            int hotlineDialledOut,
            int ringLimit,
            int toLog,
            int loggedInTime,
            int logWithinMinutes) {}

    /** A stretch of the shift without a patrol. */
    public record PatrolGap(Instant from, Instant to, double minutes, boolean overLimit) {}

    /**
     * The patrols of the shift: {@code PATROL} entries by anyone in {@code [start, end]} (as the
     * PATROL_OVERDUE rule reads them) and the gaps shift start → first patrol → … → shift end. While
     * the shift runs, the last gap ends at as-of.
     */
    public record PatrolFigures(
            List<Instant> times, List<PatrolGap> gaps, PatrolGap longest, int limitMinutes, boolean shiftEnded) {}

    /**
     * The chain head of the site's duty log.
     *
     * @param source {@code LOG} when taken from the log's last record, {@code REVIEW} from the latest
     *     supervisor review that signed one
     * @param detail the log record's sequence number or the review's date and supervisor
     */
    public record ChainHead(String hash, Source source, String detail, Instant at) {
        public enum Source {
            LOG,
            REVIEW
        }
    }
}
