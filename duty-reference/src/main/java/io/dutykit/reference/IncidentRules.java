package io.dutykit.reference;

import static io.dutykit.reference.CheckContext.atOrBefore;
import static io.dutykit.reference.CheckContext.one;

import io.dutykit.core.Checks;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.staff.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The incident rules (4.1.4, 4.1.5, 4.1.7, G3, G4, 4.2.2): escalation to the supervisor and the
 * manager, the supervisor's decision, on-call reachability and return, emergency plans, resolution,
 * documentation and evidence.
 */
final class IncidentRules {
    private IncidentRules() {}

    static void check(CheckContext c) {
        for (Incident incident : c.index.records.incidents()) {
            if (c.inScope(incident.date())) {
                check(c, incident);
            }
        }
    }

    private static void check(CheckContext c, Incident i) {
        IncidentThresholdTable.Threshold row = c.thresholds.lookup(i.category(), i.severity());
        if (i.severity() != IncidentSeverity.ROUTINE) {
            Duration limit = row.supervisorWithin();
            Instant deadline = deadline(c, i.openedAt(), limit);
            if (deadline != null && !escalatedTo(c, i, Role.SUPERVISOR, deadline)) {
                c.add(
                        DefaultRules.ESCALATION_SUPERVISOR_LATE,
                        i.id(),
                        one(i.reportedBy()),
                        i.date(),
                        deadline,
                        i.severity(),
                        limit.toMinutes());
            }
        }
        if (i.severity() == IncidentSeverity.MAJOR) {
            Duration limit = row.managerWithin();
            Instant deadline = deadline(c, i.openedAt(), limit);
            if (deadline != null && !escalatedTo(c, i, Role.MANAGER, deadline)) {
                c.add(
                        DefaultRules.ESCALATION_MANAGER_LATE,
                        i.id(),
                        reporterAndSupervisorsReached(c, i),
                        i.date(),
                        deadline,
                        limit.toMinutes());
            }
            if (c.param(Parameters.PLAN_CATEGORIES).contains(i.category())) {
                Duration within = c.param(Parameters.PLAN_ACTIVATION);
                Instant planDeadline = deadline(c, i.openedAt(), within);
                if (planDeadline != null && !atOrBefore(i.planActivatedAt(), planDeadline)) {
                    c.add(
                            DefaultRules.EMERGENCY_PLAN_LATE,
                            i.id(),
                            one(i.reportedBy()),
                            i.date(),
                            planDeadline,
                            i.category(),
                            within.toMinutes());
                }
            }
        }
        onCallUnreachable(c, i);
        if (i.severity().isCritical()) {
            decision(c, i);
        }
        if (i.severity() == IncidentSeverity.MAJOR) {
            onSite(c, i);
        }
        Duration resolution = row.resolveWithin();
        Instant resolveBy = deadline(c, i.openedAt(), resolution);
        if (resolveBy != null && !atOrBefore(i.resolvedAt(), resolveBy)) {
            c.add(
                    DefaultRules.INCIDENT_UNRESOLVED,
                    i.id(),
                    one(i.reportedBy()),
                    i.date(),
                    resolveBy,
                    i.severity(),
                    resolution.toHours());
        }
        if (i.severity() == IncidentSeverity.MAJOR
                && c.happened(i.resolvedAt())
                && (Checks.isBlank(i.process()) || Checks.isBlank(i.result()))) {
            c.add(
                    DefaultRules.MAJOR_INCIDENT_UNDOCUMENTED,
                    i.id(),
                    one(i.reportedBy()),
                    i.date(),
                    i.resolvedAt(),
                    i.id());
        }
        if (i.severity() == IncidentSeverity.MAJOR
                && c.happened(i.resolvedAt())
                && i.evidence().isEmpty()) {
            c.add(
                    DefaultRules.MAJOR_INCIDENT_WITHOUT_EVIDENCE,
                    i.id(),
                    one(i.reportedBy()),
                    i.date(),
                    i.resolvedAt(),
                    i.id(),
                    i.category());
        }
    }

    /**
     * ESCALATION_DECISION_MISSING: t is the first time a supervisor was reached about the incident; by t
     * + escalation.decisionMinutes some escalation to a supervisor must carry a decision with its
     * decidedAt. Everyone with the SUPERVISOR role reached about it is responsible.
     */
    private static void decision(CheckContext c, Incident i) {
        Instant first = null;
        TreeSet<String> reached = new TreeSet<>();
        for (Escalation e : i.escalations()) {
            if (e.reached() && c.happened(e.at()) && c.index.hasRole(e.to(), Role.SUPERVISOR)) {
                reached.add(e.to());
                first = first == null || e.at().isBefore(first) ? e.at() : first;
            }
        }
        if (first == null) {
            return;
        }
        Duration within = c.param(Parameters.DECISION_WITHIN);
        Instant deadline = deadline(c, first, within);
        if (deadline == null) {
            return;
        }
        for (Escalation e : i.escalations()) {
            if (c.happened(e.at())
                    && c.index.hasRole(e.to(), Role.SUPERVISOR)
                    && e.hasDecision()
                    && atOrBefore(e.decidedAt(), deadline)) {
                return;
            }
        }
        c.add(
                DefaultRules.ESCALATION_DECISION_MISSING,
                i.id(),
                List.copyOf(reached),
                i.date(),
                deadline,
                i.severity(),
                String.join(", ", reached),
                first,
                within.toMinutes());
    }

    /**
     * ONCALL_NOT_ON_SITE: per manager-level person reached after hours about a MAJOR incident, from the
     * first such time t: back on site (on any escalation of the incident to them) by t +
     * oncall.returnMinutes, unless the incident was resolved by then.
     */
    private static void onSite(CheckContext c, Incident i) {
        Map<String, Instant> firstReached = new TreeMap<>();
        for (Escalation e : i.escalations()) {
            if (e.reached()
                    && c.happened(e.at())
                    && c.index.isManagerLevel(e.to())
                    && !c.index.site.isOfficeHours(e.at())) {
                firstReached.merge(e.to(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Duration within = c.param(Parameters.ON_SITE_WITHIN);
        firstReached.forEach((person, reachedAt) -> {
            Instant deadline = deadline(c, reachedAt, within);
            if (deadline == null || atOrBefore(c.seen(i.resolvedAt()), deadline)) {
                return;
            }
            for (Escalation e : i.escalations()) {
                if (e.to().equals(person) && c.happened(e.at()) && atOrBefore(e.onSiteAt(), deadline)) {
                    return;
                }
            }
            c.add(
                    DefaultRules.ONCALL_NOT_ON_SITE,
                    i.id() + "/" + person,
                    List.of(person),
                    i.date(),
                    deadline,
                    person,
                    reachedAt,
                    within.toMinutes());
        });
    }

    /** {@code from + limit} when the limit applies and that deadline is at or before as-of, else null. */
    private static Instant deadline(CheckContext c, Instant from, Duration limit) {
        if (limit == null) {
            return null;
        }
        Instant deadline = from.plus(limit);
        return deadline.isAfter(c.asOf) ? null : deadline;
    }

    /** An escalation to a holder of the role, made at or before the deadline (before openedAt counts). */
    private static boolean escalatedTo(CheckContext c, Incident i, Role role, Instant deadline) {
        for (Escalation e : i.escalations()) {
            if (!e.at().isAfter(deadline) && c.index.hasRole(e.to(), role)) {
                return true;
            }
        }
        return false;
    }

    /** The reporter first, then every supervisor reached about the incident by as-of, ids sorted. */
    private static List<String> reporterAndSupervisorsReached(CheckContext c, Incident i) {
        TreeSet<String> supervisors = new TreeSet<>();
        for (Escalation e : i.escalations()) {
            if (e.reached() && c.happened(e.at()) && c.index.hasRole(e.to(), Role.SUPERVISOR)) {
                supervisors.add(e.to());
            }
        }
        supervisors.remove(i.reportedBy());
        List<String> responsible = new ArrayList<>(1 + supervisors.size());
        responsible.add(i.reportedBy());
        responsible.addAll(supervisors);
        return responsible;
    }

    /** ONCALL_UNREACHABLE: one violation per person not reached after hours, at the first such escalation. */
    private static void onCallUnreachable(CheckContext c, Incident i) {
        Map<String, Instant> firstMiss = null;
        for (Escalation e : i.escalations()) {
            if (e.reached()
                    || !c.happened(e.at())
                    || !c.index.isManagerLevel(e.to())
                    || c.index.site.isOfficeHours(e.at())) {
                continue;
            }
            if (firstMiss == null) {
                firstMiss = new TreeMap<>();
            }
            firstMiss.merge(e.to(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        if (firstMiss == null) {
            return;
        }
        firstMiss.forEach((person, at) -> c.add(
                DefaultRules.ONCALL_UNREACHABLE, i.id() + "/" + person, List.of(person), i.date(), at, person, at));
    }
}
