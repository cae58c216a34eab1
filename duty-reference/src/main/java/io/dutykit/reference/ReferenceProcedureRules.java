package io.dutykit.reference;

import io.dutykit.core.Checks;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.staff.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The default procedure rules of SPEC section 4 in plain Java (every rule but LOG_CHAIN_BROKEN, which
 * the log verifier reports). It is the speed baseline and the correctness oracle for the Drools rule
 * set: written from the specification alone, it must report exactly the same violations. Each call
 * indexes the site's records once, so a check costs about linear time in the records and the days of
 * the period. Instances are immutable and safe to share between threads.
 */
public final class ReferenceProcedureRules implements ProcedureRules {

    private final ReferenceParameters parameters;

    /** The rules with the default parameters of SPEC section 4. */
    public ReferenceProcedureRules() {
        this(ReferenceParameters.defaults());
    }

    public ReferenceProcedureRules(ReferenceParameters parameters) {
        this.parameters = Checks.required(parameters, "parameters");
    }

    public ReferenceParameters parameters() {
        return parameters;
    }

    @Override
    public List<Violation> evaluate(SiteRecords records, CheckPeriod period, Instant asOf) {
        Checks.required(records, "records");
        Checks.required(period, "period");
        Checks.required(asOf, "asOf");
        CheckContext context = new CheckContext(new SiteIndex(records), period, asOf, parameters);
        RosterRules.check(context);
        PostRules.check(context);
        IncidentRules.check(context);
        HandoverRules.check(context);
        RecordRules.check(context);
        List<Violation> found = context.found;
        found.sort(Violation.REPORT_ORDER);
        return Collections.unmodifiableList(found);
    }

    @Override
    public HandoverDecision decideCompletion(SiteRecords records, Handover handover, Instant at) {
        Checks.required(records, "records");
        Checks.required(handover, "handover");
        Checks.required(at, "at");
        String outgoing = handover.outgoing();
        ZoneId zone = records.site().zone();
        List<LogEntry> entries = new ArrayList<>();
        for (LogEntry e : records.entries()) {
            if (e.important() && e.author().equals(outgoing) && e.at().isBefore(at) && e.isOpenAt(at)) {
                entries.add(e);
            }
        }
        List<Incident> incidents = new ArrayList<>();
        for (Incident i : records.incidents()) {
            if (i.severity().isCritical()
                    && i.reportedBy().equals(outgoing)
                    && i.openedAt().isBefore(at)
                    && i.isOpenAt(at)) {
                incidents.add(i);
            }
        }
        if (entries.isEmpty() && incidents.isEmpty()) {
            return HandoverDecision.allow();
        }
        entries.sort(Comparator.comparing(LogEntry::at).thenComparing(LogEntry::id));
        incidents.sort(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id));
        List<String> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (LogEntry e : entries) {
            ids.add(e.id());
            reasons.add(String.format(
                    "important entry %s (%s) written by %s at %s is still open: finish and close it before"
                            + " handing over (4.2.2)",
                    e.id(), e.kind(), outgoing, e.at().atZone(zone).toOffsetDateTime()));
        }
        for (Incident i : incidents) {
            ids.add(i.id());
            reasons.add(String.format(
                    "%s incident %s (%s) reported by %s at %s is not resolved: resolve it before handing over"
                            + " (4.2.2)",
                    i.severity(),
                    i.id(),
                    i.category(),
                    outgoing,
                    i.openedAt().atZone(zone).toOffsetDateTime()));
        }
        return HandoverDecision.refuse(ids, reasons);
    }

    @Override
    public List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon) {
        Checks.required(records, "records");
        Checks.required(asOf, "asOf");
        Checks.required(horizon, "horizon");
        SiteIndex index = new SiteIndex(records);
        Deadlines due = new Deadlines(asOf, asOf.plus(horizon));
        incidentsDue(index, due);
        handoversDue(index, due);
        datesDue(index, due);
        due.items.sort(Comparator.comparing(DueItem::deadline)
                .thenComparing(DueItem::kind)
                .thenComparing(DueItem::subject));
        return Collections.unmodifiableList(due.items);
    }

    private void incidentsDue(SiteIndex index, Deadlines due) {
        IncidentThresholds table = parameters.incidentThresholds();
        for (Incident i : index.records.incidents()) {
            List<String> reporter = List.of(i.reportedBy());
            if (i.severity() != IncidentSeverity.ROUTINE) {
                Duration limit = table.supervisor(i.category(), i.severity());
                if (limit != null && !escalatedBy(index, i, Role.SUPERVISOR, due.asOf)) {
                    due.add(
                            DueKind.ESCALATION_TO_SUPERVISOR,
                            DefaultRule.ESCALATION_SUPERVISOR_LATE,
                            i.id(),
                            i.openedAt().plus(limit),
                            reporter);
                }
            }
            if (i.severity() == IncidentSeverity.MAJOR) {
                Duration limit = table.manager(i.category(), i.severity());
                if (limit != null && !escalatedBy(index, i, Role.MANAGER, due.asOf)) {
                    due.add(
                            DueKind.ESCALATION_TO_MANAGER,
                            DefaultRule.ESCALATION_MANAGER_LATE,
                            i.id(),
                            i.openedAt().plus(limit),
                            reporter);
                }
                if (parameters.planCategories().contains(i.category())
                        && !CheckContext.atOrBefore(i.planActivatedAt(), due.asOf)) {
                    due.add(
                            DueKind.EMERGENCY_PLAN,
                            DefaultRule.EMERGENCY_PLAN_LATE,
                            i.id(),
                            i.openedAt().plus(parameters.planActivation()),
                            reporter);
                }
            }
            Duration resolution = table.resolution(i.category(), i.severity());
            if (resolution != null && !CheckContext.atOrBefore(i.resolvedAt(), due.asOf)) {
                due.add(
                        DueKind.INCIDENT_RESOLUTION,
                        DefaultRule.INCIDENT_UNRESOLVED,
                        i.id(),
                        i.openedAt().plus(resolution),
                        reporter);
            }
        }
    }

    private static boolean escalatedBy(SiteIndex index, Incident i, Role role, Instant asOf) {
        for (Escalation e : i.escalations()) {
            if (!e.at().isAfter(asOf) && index.hasRole(e.to(), role)) {
                return true;
            }
        }
        return false;
    }

    private void handoversDue(SiteIndex index, Deadlines due) {
        for (Handover h : index.records.handovers()) {
            if (!CheckContext.atOrBefore(h.incomingArrivedAt(), due.asOf)) {
                due.add(
                        DueKind.INCOMING_ARRIVAL,
                        DefaultRule.HANDOVER_INCOMING_LATE,
                        h.id(),
                        h.scheduledAt().minus(parameters.incomingLead()),
                        List.of(h.incoming()));
            }
            if (!CheckContext.atOrBefore(h.outgoingReadyAt(), due.asOf)) {
                due.add(
                        DueKind.OUTGOING_READY,
                        DefaultRule.HANDOVER_OUTGOING_UNPREPARED,
                        h.id(),
                        h.scheduledAt().minus(parameters.outgoingLead()),
                        List.of(h.outgoing()));
            }
        }
    }

    /** Deadlines tied to duty dates and months: arrivals at shifts with no handover yet, reports, reviews, rosters. */
    private void datesDue(SiteIndex index, Deadlines due) {
        LocalDate first = index.site.localDate(due.asOf);
        LocalDate last = index.site.localDate(due.until).plusDays(1);
        for (LocalDate date = first.minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            DutyShift shift = index.shift(date);
            String rostered = index.rostered.get(date);
            if (rostered != null && index.handoverAtStart(date) == null) {
                due.add(
                        DueKind.INCOMING_ARRIVAL,
                        DefaultRule.HANDOVER_INCOMING_LATE,
                        date.toString(),
                        shift.start().minus(parameters.incomingLead()),
                        List.of(rostered));
            }
            if (!RecordRules.reportSubmittedBy(index, date, due.asOf)) {
                due.add(
                        DueKind.DUTY_REPORT,
                        DefaultRule.DUTY_REPORT_LATE,
                        date.toString(),
                        shift.end().plus(parameters.reportDueAfterShift()),
                        CheckContext.one(index.officerOnDuty(date)));
            }
        }
        // a review may fall due several days after its shift when a long holiday follows
        for (LocalDate date = first.minusDays(31); !date.isAfter(last); date = date.plusDays(1)) {
            Instant deadline = RecordRules.reviewDeadline(index, parameters, index.shift(date));
            if (due.within(deadline) && !RecordRules.reviewedBy(index, date, due.asOf)) {
                due.add(DueKind.LOG_REVIEW, DefaultRule.LOG_NOT_REVIEWED, date.toString(), deadline, index.supervisors);
            }
        }
        YearMonth lastMonth = YearMonth.from(last).plusMonths(1);
        for (YearMonth month = YearMonth.from(first); !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            Roster roster = index.rosterByMonth.get(month);
            if (roster == null || !CheckContext.atOrBefore(roster.publishedAt(), due.asOf)) {
                due.add(
                        DueKind.ROSTER_PUBLICATION,
                        DefaultRule.ROSTER_LATE,
                        month.toString(),
                        RosterRules.publicationDeadline(index, month),
                        index.supervisors);
            }
        }
    }

    /** The window {@code [asOf, until]} and the deadlines found in it. */
    private static final class Deadlines {
        final Instant asOf;
        final Instant until;
        final List<DueItem> items = new ArrayList<>();

        Deadlines(Instant asOf, Instant until) {
            this.asOf = asOf;
            this.until = until;
        }

        boolean within(Instant deadline) {
            return !deadline.isBefore(asOf) && !deadline.isAfter(until);
        }

        void add(DueKind kind, DefaultRule rule, String subject, Instant deadline, List<String> responsible) {
            if (within(deadline)) {
                items.add(new DueItem(kind, rule.name(), rule.clause(), subject, deadline, responsible));
            }
        }
    }
}
