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
        DutyReport dutyReport) {

    /** One step of an incident's handling, with minutes from its opening. */
    public record TimelineStep(Step step, Instant at, Double minutesFromOpening, String who) {}

    /** The steps of the escalation timeline, in the order the procedure expects them. */
    public enum Step {
        OPENED,
        SUPERVISOR,
        MANAGER,
        PLAN,
        RESOLVED
    }

    /**
     * An incident and its timeline: opened → first escalation to a supervisor → first escalation to
     * a manager → emergency plan started → resolved. A step that has not happened by as-of has no
     * instant.
     */
    public record IncidentTimeline(Incident incident, List<TimelineStep> steps) {
        public TimelineStep step(Step which) {
            return steps.stream().filter(s -> s.step() == which).findFirst().orElseThrow();
        }
    }

    /**
     * The calls of the duty date.
     *
     * @param answeredInTime inbound calls answered within {@code ringLimit} rings (an answered call
     *     without a ring count counts as in time: nothing shows it was late)
     * @param shareInTime {@code answeredInTime / inbound}, from 0 to 1; null when there was no inbound call
     * @param missed inbound calls not answered
     * @param hotlineDialledOut outbound calls on the duty hotline (4.1.5: it only receives calls)
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
            int ringLimit) {}

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
