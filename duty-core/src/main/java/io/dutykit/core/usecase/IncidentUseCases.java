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
import java.util.List;
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
        // a decision given with the escalation is recorded at once (decidedAt, 4.1.5)
        Incident next = current.escalateTo(
                new Escalation(toId, now, reached, decision, null, Checks.isBlank(decision) ? null : now));
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

    /**
     * The supervisor reached about the incident records their decision (4.1.5) on their latest reached
     * escalation, now; also after the incident was resolved (D6). The same decision again returns the
     * stored incident; another one is refused (4.1.8).
     */
    Incident recordDecision(String siteId, String incidentId, String decision, String actorId) {
        Checks.requiredText(decision, "decision");
        ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.DECISION_NOT_SUPERVISOR, incidentId);
        Incident current = find(siteId, incidentId);
        Optional<Escalation> latest = latestEscalationTo(current, actorId, true);
        if (latest.isPresent() && latest.get().hasDecision()) {
            if (latest.get().decision().equals(decision)) {
                return current;
            }
            throw ProcedureRefusedException.of(
                    Refusal.DECISION_ALREADY_RECORDED,
                    incidentId,
                    actorId,
                    latest.get().decision(),
                    latest.get().decidedAt());
        }
        Instant now = ctx.now();
        Incident next = current.recordDecision(actorId, decision, now);
        Escalation escalation = latestEscalationTo(next, actorId, true).orElseThrow();
        return save(
                siteId,
                current,
                next,
                DeskContext.recordId(
                        incidentId,
                        ChangeType.INCIDENT_DECISION_RECORDED,
                        actorId,
                        escalation.at().getEpochSecond()),
                ChangeType.INCIDENT_DECISION_RECORDED,
                now,
                actorId);
    }

    /**
     * Someone of manager level escalated to about the incident records being back on site (4.1.7), now,
     * on their latest escalation; also after the incident was resolved (D6). Once recorded, a repeat
     * returns the stored incident.
     */
    Incident recordOnSite(String siteId, String incidentId, String actorId) {
        ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        if (!actor.isManagerLevel()) {
            throw ProcedureRefusedException.of(Refusal.ON_SITE_NOT_MANAGER_LEVEL, actorId, incidentId);
        }
        Incident current = find(siteId, incidentId);
        Optional<Escalation> latest = latestEscalationTo(current, actorId, false);
        if (latest.isPresent() && latest.get().onSiteAt() != null) {
            return current;
        }
        Instant now = ctx.now();
        return save(
                siteId,
                current,
                current.recordOnSite(actorId, now),
                DeskContext.recordId(incidentId, ChangeType.INCIDENT_ON_SITE_RECORDED, actorId),
                ChangeType.INCIDENT_ON_SITE_RECORDED,
                now,
                actorId);
    }

    /**
     * Attaches references to evidence (4.2.2) as a new record: the snapshot gains them, nothing else
     * changes. Its reporter, its owner now, the officer on duty or anyone of manager level attaches.
     */
    Incident attachEvidence(String siteId, String incidentId, List<String> references, String actorId) {
        List<String> refs = DeskContext.evidence(references);
        Site site = ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        Incident current = find(siteId, incidentId);
        Instant now = ctx.now();
        if (!ctx.mayDocument(siteId, site, actor, incidentId, current.reportedBy(), now)) {
            throw ProcedureRefusedException.of(Refusal.EVIDENCE_NOT_ALLOWED, actorId, incidentId, current.reportedBy());
        }
        if (current.evidence().containsAll(refs)) {
            return current;
        }
        return save(
                siteId,
                current,
                current.attachEvidence(refs),
                DeskContext.recordId(
                        incidentId,
                        ChangeType.INCIDENT_EVIDENCE_ATTACHED,
                        now.toEpochMilli(),
                        DeskContext.shortHash(String.join("\n", refs))),
                ChangeType.INCIDENT_EVIDENCE_ATTACHED,
                now,
                actorId);
    }

    private static Optional<Escalation> latestEscalationTo(Incident incident, String person, boolean reachedOnly) {
        Escalation found = null;
        for (Escalation e : incident.escalations()) {
            if (e.to().equals(person)
                    && (!reachedOnly || e.reached())
                    && (found == null || !e.at().isBefore(found.at()))) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    private Incident find(String siteId, String incidentId) {
        return ctx.stores
                .incidents()
                .find(siteId, Checks.requiredText(incidentId, "incident id"))
                .orElseThrow(() -> new NotFoundException("no incident with id " + incidentId + " at site " + siteId));
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
