package io.dutykit.core.usecase;

import io.dutykit.core.Checks;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.procedure.Refusal;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Incidents (4.1.3–4.1.5, G3, G4): opened by whoever meets them, escalated to the supervisor and the
 * manager, the emergency plan started, resolved with process and result. The reporter and anyone of
 * manager level (the supervisor decides, 4.1.5) handle an incident.
 */
final class IncidentUseCases {
    private final DeskContext ctx;

    IncidentUseCases(DeskContext ctx) {
        this.ctx = ctx;
    }

    Incident openIncident(
            String siteId, String incidentId, String category, IncidentSeverity severity, String actorId) {
        Checks.requiredText(incidentId, "incident id");
        Site site = ctx.site(siteId);
        ctx.staff(siteId, actorId);
        Optional<Incident> existing = ctx.stores.incidents().find(siteId, incidentId);
        if (existing.isPresent()
                && existing.get().reportedBy().equals(actorId)
                && existing.get().category().equals(category)
                && existing.get().severity() == severity) {
            return existing.get();
        }
        Instant now = ctx.now();
        Incident next = Incident.open(incidentId, site.dutyDateOf(now), now, actorId, category, severity);
        ctx.stores
                .incidents()
                .save(
                        siteId,
                        null,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(incidentId, ChangeType.INCIDENT_OPENED),
                                ChangeType.INCIDENT_OPENED,
                                now,
                                actorId));
        return next;
    }

    Incident escalate(String siteId, String incidentId, String toId, boolean reached, String decision, String actorId) {
        Incident current = handled(siteId, incidentId, actorId, Refusal.ESCALATION_NOT_ALLOWED);
        Staff to = ctx.staff(siteId, toId);
        if (!to.isManagerLevel()) {
            throw ProcedureRefusedException.of(Refusal.ESCALATION_NOT_MANAGER_LEVEL, incidentId, toId);
        }
        Instant now = ctx.now();
        long second = now.getEpochSecond();
        boolean retried = current.escalations().stream()
                .anyMatch(e -> e.to().equals(toId)
                        && e.reached() == reached
                        && Objects.equals(e.decision(), decision)
                        && e.at().getEpochSecond() == second);
        if (retried) {
            return current;
        }
        Incident next = current.escalateTo(new Escalation(toId, now, reached, decision, null));
        return save(
                siteId,
                current,
                next,
                DeskContext.recordId(incidentId, ChangeType.INCIDENT_ESCALATED, toId, second),
                ChangeType.INCIDENT_ESCALATED,
                now,
                actorId);
    }

    Incident activatePlan(String siteId, String incidentId, String actorId) {
        Incident current = handled(siteId, incidentId, actorId, Refusal.PLAN_NOT_ALLOWED);
        if (current.planActivatedAt() != null) {
            return current;
        }
        Instant now = ctx.now();
        return save(
                siteId,
                current,
                current.activatePlan(now),
                DeskContext.recordId(incidentId, ChangeType.INCIDENT_PLAN_ACTIVATED),
                ChangeType.INCIDENT_PLAN_ACTIVATED,
                now,
                actorId);
    }

    Incident resolve(String siteId, String incidentId, String process, String result, String actorId) {
        Incident current = handled(siteId, incidentId, actorId, Refusal.RESOLUTION_NOT_ALLOWED);
        if (current.isResolved()
                && Objects.equals(current.process(), process)
                && Objects.equals(current.result(), result)) {
            return current;
        }
        Instant now = ctx.now();
        return save(
                siteId,
                current,
                current.resolve(now, process, result),
                DeskContext.recordId(incidentId, ChangeType.INCIDENT_RESOLVED),
                ChangeType.INCIDENT_RESOLVED,
                now,
                actorId);
    }

    private Incident handled(String siteId, String incidentId, String actorId, Refusal refusal) {
        ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        Incident incident = ctx.stores
                .incidents()
                .find(siteId, Checks.requiredText(incidentId, "incident id"))
                .orElseThrow(() -> new NotFoundException("no incident with id " + incidentId + " at site " + siteId));
        if (!incident.reportedBy().equals(actorId) && !actor.isManagerLevel()) {
            throw ProcedureRefusedException.of(refusal, actorId, incidentId, incident.reportedBy());
        }
        return incident;
    }

    private Incident save(
            String siteId,
            Incident previous,
            Incident next,
            String recordId,
            ChangeType type,
            Instant now,
            String actorId) {
        ctx.stores.incidents().save(siteId, previous, next, DeskContext.change(recordId, type, now, actorId));
        return next;
    }
}
