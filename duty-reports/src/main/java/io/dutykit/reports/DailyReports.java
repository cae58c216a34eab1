package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.staff.Role;
import io.dutykit.reports.DailyReport.CallFigures;
import io.dutykit.reports.DailyReport.CallLogging;
import io.dutykit.reports.DailyReport.ChainHead;
import io.dutykit.reports.DailyReport.IncidentTimeline;
import io.dutykit.reports.DailyReport.OnSiteReturn;
import io.dutykit.reports.DailyReport.PatrolFigures;
import io.dutykit.reports.DailyReport.PatrolGap;
import io.dutykit.reports.DailyReport.Step;
import io.dutykit.reports.DailyReport.TimelineStep;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes the {@link DailyReport} of a duty date from the records. */
final class DailyReports {
    private DailyReports() {}

    static DailyReport compute(ReportRequest request) {
        SiteRecords records = request.records();
        LocalDate date = request.date();
        Instant asOf = request.asOf();
        DutyShift shift = records.site().shiftOf(date);

        List<LogEntry> entries = records.entries().stream()
                .filter(e -> e.date().equals(date) && !e.at().isAfter(asOf))
                .sorted(Comparator.comparing(LogEntry::at).thenComparing(LogEntry::id))
                .toList();
        Map<EntryKind, Integer> byKind = new EnumMap<>(EntryKind.class);
        entries.forEach(e -> byKind.merge(e.kind(), 1, Integer::sum));

        Readings readings = new Readings(request);
        List<IncidentTimeline> incidents = records.incidents().stream()
                .filter(i -> i.date().equals(date) && !i.openedAt().isAfter(asOf))
                .sorted(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id))
                .map(i -> timeline(records, readings, i, asOf))
                .toList();

        List<Call> calls = records.calls().stream()
                .filter(c -> !c.at().isAfter(asOf))
                .filter(c -> records.site().dutyDateOf(c.at()).equals(date))
                .sorted(Comparator.comparing(Call::at).thenComparing(Call::id))
                .toList();

        List<CallLogging> logging = new ArrayList<>();
        for (Call call : calls) {
            CallLogging logged = readings.callLogging(call);
            if (logged != null) {
                logging.add(logged);
            }
        }

        Instant end = shift.end().isAfter(asOf) ? asOf : shift.end();
        ItemLookup lookup = new ItemLookup(records, asOf);
        List<CarriedItem> carriedIn = records.handoverAtShiftStart(date)
                .map(h -> h.carriedOver().stream()
                        .map(id -> lookup.of(id, passedOnAt(h, asOf)))
                        .toList())
                .orElse(List.of());
        List<CarriedItem> openAtEnd = new ArrayList<>();
        entries.stream().filter(e -> e.isOpenAt(end)).forEach(e -> openAtEnd.add(lookup.of(e, null)));
        incidents.stream()
                .map(IncidentTimeline::incident)
                .filter(i -> i.isOpenAt(end))
                .forEach(i -> openAtEnd.add(lookup.of(i, null)));

        List<Violation> violations = request.siteViolations().stream()
                .filter(v -> date.equals(v.date()))
                .sorted(Violation.REPORT_ORDER)
                .toList();

        DutyReport dutyReport = records.dutyReports().stream()
                .filter(r -> r.date().equals(date) && !r.submittedAt().isAfter(asOf))
                .min(Comparator.comparing(DutyReport::submittedAt))
                .orElse(null);

        return new DailyReport(
                header(request),
                shift,
                records.officerOnDuty(date).orElse(null),
                records.rosteredOfficer(date).orElse(null),
                byKind,
                entries,
                incidents,
                callFigures(calls, request.maxRings(), logging, (int)
                        readings.callLogWithin().toMinutes()),
                calls,
                patrols(records, shift, asOf, request.minutes(Parameters.PATROL_MAX_INTERVAL)),
                carriedIn,
                openAtEnd,
                violations,
                chainHead(records, asOf).orElse(null),
                dutyReport,
                List.copyOf(logging),
                readings.reportReview(date));
    }

    /** When a handover passed its carried items on: its completion, or as-of while it is not completed. */
    static Instant passedOnAt(Handover handover, Instant asOf) {
        Instant completed = Minutes.known(handover.completedAt(), asOf);
        return completed != null ? completed : asOf;
    }

    static ReportHeader header(ReportRequest request) {
        var site = request.records().site();
        return new ReportHeader(site.id(), site.name(), site.zone(), request.asOf());
    }

    static IncidentTimeline timeline(SiteRecords records, Readings readings, Incident incident, Instant asOf) {
        Instant opened = incident.openedAt();
        List<TimelineStep> steps = new ArrayList<>();
        steps.add(new TimelineStep(Step.OPENED, opened, 0.0, incident.reportedBy()));
        steps.add(escalationStep(records, incident, Role.SUPERVISOR, Step.SUPERVISOR, asOf));
        steps.add(readings.firstDecision(incident)
                .map(e -> step(Step.DECISION, opened, e.decidedAt(), e.to()))
                .orElseGet(() -> step(Step.DECISION, opened, null, null)));
        steps.add(escalationStep(records, incident, Role.MANAGER, Step.MANAGER, asOf));
        steps.add(step(Step.PLAN, opened, Minutes.known(incident.planActivatedAt(), asOf), null));
        List<OnSiteReturn> returns = readings.onSiteReturns(incident);
        steps.add(returns.stream()
                .filter(r -> r.onSiteAt() != null)
                .min(Comparator.comparing(OnSiteReturn::onSiteAt))
                .map(r -> step(Step.ON_SITE, opened, r.onSiteAt(), r.person()))
                .orElseGet(() -> step(Step.ON_SITE, opened, null, null)));
        steps.add(step(Step.RESOLVED, opened, Minutes.known(incident.resolvedAt(), asOf), null));
        return new IncidentTimeline(
                incident,
                List.copyOf(steps),
                readings.decisionAsked(incident)
                        .map(e -> e.at().plus(readings.decisionWithin()))
                        .orElse(null),
                readings.decisionStatus(incident),
                readings.decisions(incident),
                returns);
    }

    /** The first escalation to a person holding the role, made by as-of. */
    static Optional<Escalation> firstEscalation(SiteRecords records, Incident incident, Role role, Instant asOf) {
        return incident.escalations().stream()
                .filter(e -> !e.at().isAfter(asOf))
                .filter(e -> records.hasRole(e.to(), role))
                .min(Comparator.comparing(Escalation::at));
    }

    private static TimelineStep escalationStep(
            SiteRecords records, Incident incident, Role role, Step step, Instant asOf) {
        return firstEscalation(records, incident, role, asOf)
                .map(e -> step(step, incident.openedAt(), e.at(), e.to()))
                .orElseGet(() -> step(step, incident.openedAt(), null, null));
    }

    private static TimelineStep step(Step step, Instant opened, Instant at, String who) {
        return new TimelineStep(step, at, at == null ? null : Minutes.between(opened, at), who);
    }

    static CallFigures callFigures(List<Call> calls, int ringLimit, List<CallLogging> logging, int logWithinMinutes) {
        int inbound = 0;
        int answered = 0;
        int inTime = 0;
        int missed = 0;
        int dialledOut = 0;
        for (Call call : calls) {
            if (call.isInbound()) {
                inbound++;
                if (call.answered()) {
                    answered++;
                    if (call.rings() == null || call.rings() <= ringLimit) {
                        inTime++;
                    }
                } else {
                    missed++;
                }
            } else if (call.line() == CallLine.HOTLINE) {
                dialledOut++;
            }
        }
        Double share = inbound == 0 ? null : (double) inTime / inbound;
        int logged = (int) logging.stream()
                .filter(l -> l.status() == DailyReport.Timeliness.IN_TIME)
                .count();
        return new CallFigures(
                calls.size(),
                inbound,
                calls.size() - inbound,
                answered,
                inTime,
                share,
                missed,
                dialledOut,
                ringLimit,
                logging.size(),
                logged,
                logWithinMinutes);
    }

    static PatrolFigures patrols(SiteRecords records, DutyShift shift, Instant asOf, int limitMinutes) {
        boolean ended = shift.hasEndedBy(asOf);
        Instant end = ended ? shift.end() : asOf;
        List<Instant> times = records.entries().stream()
                .filter(e -> e.kind() == EntryKind.PATROL)
                .map(LogEntry::at)
                .filter(at -> !at.isBefore(shift.start()) && !at.isAfter(shift.end()) && !at.isAfter(asOf))
                .sorted()
                .toList();
        List<PatrolGap> gaps = new ArrayList<>();
        if (!shift.start().isAfter(asOf)) {
            Instant previous = shift.start();
            for (Instant time : times) {
                gaps.add(gap(previous, time, limitMinutes));
                previous = time;
            }
            gaps.add(gap(previous, end, limitMinutes));
        }
        PatrolGap longest = gaps.stream()
                .max(Comparator.comparingDouble(PatrolGap::minutes))
                .orElse(null);
        return new PatrolFigures(times, List.copyOf(gaps), longest, limitMinutes, ended);
    }

    private static PatrolGap gap(Instant from, Instant to, int limitMinutes) {
        double minutes = Minutes.between(from, to);
        return new PatrolGap(from, to, minutes, minutes > limitMinutes);
    }

    /** The last log record's hash, else the chain head signed by the latest review made by as-of. */
    static Optional<ChainHead> chainHead(SiteRecords records, Instant asOf) {
        List<LogRecord> log = records.log();
        if (!log.isEmpty()) {
            LogRecord last = log.get(log.size() - 1);
            return Optional.of(new ChainHead(last.hash(), ChainHead.Source.LOG, "#" + last.seq(), last.at()));
        }
        return records.reviews().stream()
                .filter(r -> r.logHead() != null && !r.at().isAfter(asOf))
                .max(Comparator.comparing(SupervisorReview::at))
                .map(r ->
                        new ChainHead(r.logHead(), ChainHead.Source.REVIEW, r.date() + " / " + r.supervisor(), r.at()));
    }

    /** The handover a record belongs to, for the sheet. */
    static boolean concerns(Violation violation, Handover handover) {
        String subject = violation.subject();
        return subject.equals(handover.id()) || subject.startsWith(handover.id() + "/");
    }
}
