package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.Deadlines;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.RuleCatalogue;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.reports.DailyReport.CallLogging;
import io.dutykit.reports.DailyReport.Decision;
import io.dutykit.reports.DailyReport.DutyReportReview;
import io.dutykit.reports.DailyReport.OnSiteReturn;
import io.dutykit.reports.DailyReport.Timeliness;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reports read of the second-round steps (SPEC section 4.1), the way the rules read them:
 * decisions, returns on site, calls logged and duty reports reviewed, each against its deadline as of
 * the report. The limits are the request's parameters.
 */
final class Readings {
    private final SiteRecords records;
    private final Site site;
    private final Instant asOf;
    private final ParameterValues parameters;
    private final Map<String, Staff> staff;
    private Map<String, LogEntry> entries;

    Readings(ReportRequest request) {
        this.records = request.records();
        this.site = records.site();
        this.asOf = request.asOf();
        this.parameters = request.parameters();
        this.staff = records.staffById();
    }

    Duration decisionWithin() {
        return parameters.get(Parameters.DECISION_WITHIN);
    }

    Duration onSiteWithin() {
        return parameters.get(Parameters.ON_SITE_WITHIN);
    }

    Duration callLogWithin() {
        return parameters.get(Parameters.CALL_LOG_WITHIN);
    }

    Duration reportReview() {
        return parameters.get(Parameters.REPORT_REVIEW);
    }

    boolean has(String staffId, Role role) {
        Staff person = staffId == null ? null : staff.get(staffId);
        return person != null && person.has(role);
    }

    boolean isManagerLevel(String staffId) {
        Staff person = staffId == null ? null : staff.get(staffId);
        return person != null && person.isManagerLevel();
    }

    /** The escalations of the incident made by as-of. */
    private List<Escalation> escalations(Incident incident) {
        return incident.escalations().stream()
                .filter(e -> !e.at().isAfter(asOf))
                .toList();
    }

    /**
     * The first reached escalation to a SUPERVISOR of a DIFFICULT or MAJOR incident, from which the
     * decision is due (4.1.5); empty when no decision is asked for.
     */
    Optional<Escalation> decisionAsked(Incident incident) {
        if (!incident.severity().isCritical()) {
            return Optional.empty();
        }
        return escalations(incident).stream()
                .filter(e -> e.reached() && has(e.to(), Role.SUPERVISOR))
                .min(Comparator.comparing(Escalation::at));
    }

    /** The first decision by a supervisor recorded by as-of (with its time), if any. */
    Optional<Escalation> firstDecision(Incident incident) {
        return escalations(incident).stream()
                .filter(e -> has(e.to(), Role.SUPERVISOR) && e.hasDecision() && known(e.decidedAt()) != null)
                .min(Comparator.comparing(Escalation::decidedAt));
    }

    /** The decision against its deadline: the first reached supervisor escalation + the decision minutes. */
    Timeliness decisionStatus(Incident incident) {
        Optional<Escalation> asked = decisionAsked(incident);
        if (asked.isEmpty()) {
            return null;
        }
        Instant deadline = asked.get().at().plus(decisionWithin());
        Instant decided = firstDecision(incident).map(Escalation::decidedAt).orElse(null);
        return timeliness(decided, deadline);
    }

    /** Every decision recorded on the incident's escalations by as-of, in time order (untimed ones last). */
    List<Decision> decisions(Incident incident) {
        List<Decision> list = new ArrayList<>();
        for (Escalation e : escalations(incident)) {
            if (!e.hasDecision() || (e.decidedAt() != null && e.decidedAt().isAfter(asOf))) {
                continue;
            }
            list.add(new Decision(
                    e.to(),
                    has(e.to(), Role.SUPERVISOR),
                    e.at(),
                    e.decision(),
                    e.decidedAt(),
                    e.decidedAt() == null ? null : Minutes.between(e.at(), e.decidedAt())));
        }
        list.sort(Comparator.comparing(Decision::decidedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(list);
    }

    /**
     * Per person escalated to: their return on site. Someone of manager level reached after hours about a
     * MAJOR incident had to be back within {@code oncall.returnMinutes} of the first such escalation,
     * unless the incident was resolved by then (4.1.7); anyone else is listed when they came back.
     */
    List<OnSiteReturn> onSiteReturns(Incident incident) {
        Map<String, List<Escalation>> byPerson = new LinkedHashMap<>();
        escalations(incident).stream()
                .sorted(Comparator.comparing(Escalation::at))
                .forEach(e ->
                        byPerson.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e));
        Instant resolved = known(incident.resolvedAt());
        List<OnSiteReturn> list = new ArrayList<>();
        for (var person : byPerson.entrySet()) {
            Instant back = person.getValue().stream()
                    .map(e -> known(e.onSiteAt()))
                    .filter(at -> at != null)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            Optional<Escalation> calledBack =
                    incident.severity() == IncidentSeverity.MAJOR && isManagerLevel(person.getKey())
                            ? person.getValue().stream()
                                    .filter(e -> e.reached() && !site.isOfficeHours(e.at()))
                                    .findFirst()
                            : Optional.empty();
            if (calledBack.isPresent()) {
                Instant from = calledBack.get().at();
                Instant deadline = from.plus(onSiteWithin());
                Timeliness status = timeliness(back, deadline);
                if (status != Timeliness.IN_TIME && resolved != null && !resolved.isAfter(deadline)) {
                    status = Timeliness.NOT_NEEDED;
                }
                list.add(new OnSiteReturn(
                        person.getKey(),
                        from,
                        back,
                        back == null ? null : Minutes.between(from, back),
                        deadline,
                        status));
            } else if (back != null) {
                Instant from = person.getValue().get(0).at();
                list.add(new OnSiteReturn(person.getKey(), from, back, Minutes.between(from, back), null, null));
            }
        }
        return List.copyOf(list);
    }

    /** Whether an answered inbound call inside a duty shift was logged in time (G4); null for other calls. */
    CallLogging callLogging(Call call) {
        if (!call.isInbound()
                || !call.answered()
                || call.at().isAfter(asOf)
                || site.shiftContaining(call.at()).isEmpty()) {
            return null;
        }
        Instant deadline = call.at().plus(callLogWithin());
        LogEntry entry = call.entry() == null ? null : entries().get(call.entry());
        Instant entryAt = entry == null ? null : known(entry.at());
        Timeliness status;
        if (entryAt != null && !entryAt.isBefore(call.at()) && !entryAt.isAfter(deadline)) {
            status = Timeliness.IN_TIME;
        } else if (deadline.isAfter(asOf)) {
            status = Timeliness.PENDING;
        } else {
            status = entryAt != null ? Timeliness.LATE : Timeliness.MISSING;
        }
        return new CallLogging(call.id(), deadline, call.entry(), entryAt, status);
    }

    private Map<String, LogEntry> entries() {
        if (entries == null) {
            entries = new LinkedHashMap<>();
            records.entries().forEach(e -> entries.put(e.id(), e));
        }
        return entries;
    }

    /**
     * The supervisor's review of the duty report of the date (G4, 4.3), against the later of the log
     * review's deadline and the first submission + {@code report.reviewHours}; null when no report of the
     * date was submitted by as-of.
     */
    DutyReportReview reportReview(LocalDate date) {
        List<DutyReport> reports = records.dutyReports().stream()
                .filter(r -> r.date().equals(date) && !r.submittedAt().isAfter(asOf))
                .toList();
        if (reports.isEmpty()) {
            return null;
        }
        Instant submitted = reports.stream()
                .map(DutyReport::submittedAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant logReview = new Deadlines(RuleCatalogue.defaults(), parameters, IncidentThresholdTable.defaults())
                .reviewDeadline(site, site.shiftOf(date));
        Instant byReport = submitted.plus(reportReview());
        Instant deadline = logReview.isAfter(byReport) ? logReview : byReport;
        Comparator<DutyReport> byReview = Comparator.comparing(DutyReport::reviewedAt);
        List<DutyReport> reviewed = reports.stream()
                .filter(r -> r.reviewedBy() != null && known(r.reviewedAt()) != null)
                .sorted(byReview)
                .toList();
        DutyReport shown = reviewed.stream()
                .filter(r -> has(r.reviewedBy(), Role.SUPERVISOR))
                .findFirst()
                .orElse(reviewed.isEmpty() ? null : reviewed.get(0));
        boolean bySupervisor = shown != null && has(shown.reviewedBy(), Role.SUPERVISOR);
        Instant at = shown == null ? null : shown.reviewedAt();
        return new DutyReportReview(
                submitted,
                deadline,
                shown == null ? null : shown.reviewedBy(),
                at,
                bySupervisor,
                at == null ? null : Math.round(Minutes.between(submitted, at) / 6) / 10.0,
                timeliness(bySupervisor ? at : null, deadline));
    }

    /** When a handover is judged (SPEC section 4): completed, or judgeAfter past its time, by as-of. */
    Instant judgedAt(Handover handover) {
        Instant completed = known(handover.completedAt());
        return completed != null ? completed : handover.scheduledAt().plus(parameters.get(Parameters.JUDGE_AFTER));
    }

    /** Done by the deadline, still pending, done late or not done: what was done by as-of against it. */
    Timeliness timeliness(Instant done, Instant deadline) {
        if (done != null && !done.isAfter(deadline)) {
            return Timeliness.IN_TIME;
        }
        if (deadline.isAfter(asOf)) {
            return Timeliness.PENDING;
        }
        return done != null ? Timeliness.LATE : Timeliness.MISSING;
    }

    /** The instant when it had happened by as-of, else null. */
    Instant known(Instant instant) {
        return Minutes.known(instant, asOf);
    }
}
