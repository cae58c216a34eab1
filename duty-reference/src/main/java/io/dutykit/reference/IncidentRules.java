package io.dutykit.reference;

import static io.dutykit.reference.CheckContext.atOrBefore;
import static io.dutykit.reference.CheckContext.minutes;
import static io.dutykit.reference.CheckContext.one;
import static io.dutykit.reference.CheckContext.text;

import io.dutykit.core.Checks;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.staff.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The incident rules (4.1.4, 4.1.5, 4.1.7, G3, G4): escalation to the supervisor and the manager,
 * on-call reachability, emergency plans, resolution and documentation.
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
        IncidentThresholds table = c.params.incidentThresholds();
        if (i.severity() != IncidentSeverity.ROUTINE) {
            Duration limit = table.supervisor(i.category(), i.severity());
            Instant deadline = deadline(c, i.openedAt(), limit);
            if (deadline != null && !escalatedTo(c, i, Role.SUPERVISOR, deadline)) {
                c.add(
                        DefaultRule.ESCALATION_SUPERVISOR_LATE,
                        i.id(),
                        one(i.reportedBy()),
                        i.date(),
                        deadline,
                        i.category(),
                        i.severity().name(),
                        minutes(limit));
            }
        }
        if (i.severity() == IncidentSeverity.MAJOR) {
            Duration limit = table.manager(i.category(), i.severity());
            Instant deadline = deadline(c, i.openedAt(), limit);
            if (deadline != null && !escalatedTo(c, i, Role.MANAGER, deadline)) {
                c.add(
                        DefaultRule.ESCALATION_MANAGER_LATE,
                        i.id(),
                        reporterAndSupervisorsReached(c, i),
                        i.date(),
                        deadline,
                        i.category(),
                        i.severity().name(),
                        minutes(limit));
            }
            if (c.params.planCategories().contains(i.category())) {
                Instant planDeadline = deadline(c, i.openedAt(), c.params.planActivation());
                if (planDeadline != null && !atOrBefore(i.planActivatedAt(), planDeadline)) {
                    c.add(
                            DefaultRule.EMERGENCY_PLAN_LATE,
                            i.id(),
                            one(i.reportedBy()),
                            i.date(),
                            planDeadline,
                            i.category(),
                            minutes(c.params.planActivation()));
                }
            }
        }
        onCallUnreachable(c, i);
        Duration resolution = table.resolution(i.category(), i.severity());
        Instant resolveBy = deadline(c, i.openedAt(), resolution);
        if (resolveBy != null && !atOrBefore(i.resolvedAt(), resolveBy)) {
            c.add(
                    DefaultRule.INCIDENT_UNRESOLVED,
                    i.id(),
                    one(i.reportedBy()),
                    i.date(),
                    resolveBy,
                    i.category(),
                    i.severity().name(),
                    minutes(resolution),
                    text(c.seen(i.resolvedAt())));
        }
        if (i.severity() == IncidentSeverity.MAJOR
                && c.happened(i.resolvedAt())
                && (Checks.isBlank(i.process()) || Checks.isBlank(i.result()))) {
            List<String> missing = new ArrayList<>(2);
            if (Checks.isBlank(i.process())) {
                missing.add("process");
            }
            if (Checks.isBlank(i.result())) {
                missing.add("result");
            }
            c.add(
                    DefaultRule.MAJOR_INCIDENT_UNDOCUMENTED,
                    i.id(),
                    one(i.reportedBy()),
                    i.date(),
                    i.resolvedAt(),
                    String.join(", ", missing));
        }
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
        firstMiss.forEach((person, at) ->
                c.add(DefaultRule.ONCALL_UNREACHABLE, i.id() + "/" + person, List.of(person), i.date(), at, person));
    }
}
