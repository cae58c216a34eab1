package io.dutykit.core.incident;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.procedure.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Something that happened on duty and needs handling (4.1.3, 4.1.4): opened, escalated to the
 * supervisor and the manager as its severity requires, an emergency plan started where one exists
 * (G3), and resolved with its process and result recorded (G4).
 *
 * @param category a free upper-case code such as {@code WATER_LEAK} or {@code FIRE}
 * @param evidence references to photos or documents of the work (4.2.2), none blank
 */
public record Incident(
        String id,
        LocalDate date,
        Instant openedAt,
        String reportedBy,
        String category,
        IncidentSeverity severity,
        List<Escalation> escalations,
        Instant planActivatedAt,
        Instant resolvedAt,
        String process,
        String result,
        List<String> evidence) {
    public Incident {
        Checks.requiredText(id, "incidents[].id");
        Checks.required(date, "incidents[].date");
        Checks.required(openedAt, "incidents[].openedAt");
        Checks.requiredText(reportedBy, "incidents[].reportedBy");
        Checks.code(category, "incidents[].category");
        Checks.required(severity, "incidents[].severity");
        escalations = Checks.list(escalations);
        evidence = Checks.evidence(evidence, "incidents[" + id + "].evidence");
        if (resolvedAt != null && resolvedAt.isBefore(openedAt)) {
            throw InvalidValueException.of(
                    "resolvedAt (%s) is before openedAt (%s) for incident %s", resolvedAt, openedAt, id);
        }
    }

    /** An incident without evidence attached. */
    public Incident(
            String id,
            LocalDate date,
            Instant openedAt,
            String reportedBy,
            String category,
            IncidentSeverity severity,
            List<Escalation> escalations,
            Instant planActivatedAt,
            Instant resolvedAt,
            String process,
            String result) {
        this(
                id,
                date,
                openedAt,
                reportedBy,
                category,
                severity,
                escalations,
                planActivatedAt,
                resolvedAt,
                process,
                result,
                List.of());
    }

    public static Incident open(
            String id,
            LocalDate date,
            Instant openedAt,
            String reportedBy,
            String category,
            IncidentSeverity severity) {
        return new Incident(
                id, date, openedAt, reportedBy, category, severity, List.of(), null, null, null, null, List.of());
    }

    /** True until the incident is resolved at or before the instant. */
    public boolean isOpenAt(Instant instant) {
        return resolvedAt == null || resolvedAt.isAfter(instant);
    }

    public boolean isResolved() {
        return resolvedAt != null;
    }

    /** Reports the incident to someone above the officer (4.1.5), reached or not. */
    public Incident escalateTo(Escalation escalation) {
        requireOpen();
        List<Escalation> list = new ArrayList<>(escalations);
        list.add(escalation);
        return withEscalations(list);
    }

    /** Starts the matching emergency plan (G3); a plan is started once. */
    public Incident activatePlan(Instant at) {
        requireOpen();
        if (planActivatedAt != null) {
            throw ProcedureRefusedException.of(Refusal.PLAN_ALREADY_STARTED, id, planActivatedAt);
        }
        return copy(escalations, Checks.required(at, "planActivatedAt"), resolvedAt, process, result, evidence);
    }

    /**
     * Resolves the incident. A MAJOR incident is resolved only with its handling process and result
     * recorded in detail (G4) and evidence attached (4.2.2).
     */
    public Incident resolve(Instant at, String handlingProcess, String handlingResult) {
        requireOpen();
        if (severity == IncidentSeverity.MAJOR && (Checks.isBlank(handlingProcess) || Checks.isBlank(handlingResult))) {
            throw ProcedureRefusedException.of(Refusal.MAJOR_INCIDENT_UNDOCUMENTED, id);
        }
        if (severity == IncidentSeverity.MAJOR && evidence.isEmpty()) {
            // D7 (docs/rules.md, "Live refusals"): MAJOR_INCIDENT_WITHOUT_EVIDENCE refused before it happens
            throw ProcedureRefusedException.of(Refusal.MAJOR_INCIDENT_WITHOUT_EVIDENCE, id);
        }
        if (at.isBefore(openedAt)) {
            throw InvalidValueException.of("resolvedAt (%s) is before openedAt (%s) for incident %s", at, openedAt, id);
        }
        return copy(escalations, planActivatedAt, at, handlingProcess, handlingResult, evidence);
    }

    /**
     * The supervisor reached about the incident records their decision (4.1.5) on their latest reached
     * escalation. Allowed after the incident was resolved: a decision documents, it does not handle.
     */
    public Incident recordDecision(String supervisor, String decision, Instant at) {
        int index = latestEscalationTo(supervisor, true);
        if (index < 0) {
            throw ProcedureRefusedException.of(Refusal.DECISION_NOT_REACHED, supervisor, id);
        }
        List<Escalation> list = new ArrayList<>(escalations);
        list.set(index, escalations.get(index).withDecision(decision, at));
        return withEscalations(list);
    }

    /**
     * The person escalated to records being back on site (4.1.7) on their latest escalation. Allowed
     * after the incident was resolved.
     */
    public Incident recordOnSite(String person, Instant at) {
        int index = latestEscalationTo(person, false);
        if (index < 0) {
            throw ProcedureRefusedException.of(Refusal.ON_SITE_NOT_ESCALATED, person, id);
        }
        List<Escalation> list = new ArrayList<>(escalations);
        list.set(index, escalations.get(index).withOnSite(at));
        return withEscalations(list);
    }

    /**
     * Attaches references to evidence of the work (4.2.2): appended, each once; nothing is removed.
     * Allowed after the incident was resolved.
     */
    public Incident attachEvidence(List<String> references) {
        List<String> list = new ArrayList<>(evidence);
        for (String reference : Checks.evidence(references, "evidence")) {
            if (!list.contains(reference)) {
                list.add(reference);
            }
        }
        return copy(escalations, planActivatedAt, resolvedAt, process, result, list);
    }

    /** The index of the latest escalation to the person (reached, when {@code reachedOnly}), or -1. */
    private int latestEscalationTo(String person, boolean reachedOnly) {
        int found = -1;
        for (int i = 0; i < escalations.size(); i++) {
            Escalation e = escalations.get(i);
            if (e.to().equals(person)
                    && (!reachedOnly || e.reached())
                    && (found < 0 || !e.at().isBefore(escalations.get(found).at()))) {
                found = i;
            }
        }
        return found;
    }

    private Incident withEscalations(List<Escalation> list) {
        return copy(list, planActivatedAt, resolvedAt, process, result, evidence);
    }

    /** This incident with its changeable parts replaced; what it is and when it was opened stay. */
    private Incident copy(
            List<Escalation> escalations,
            Instant planActivatedAt,
            Instant resolvedAt,
            String process,
            String result,
            List<String> evidence) {
        return new Incident(
                id,
                date,
                openedAt,
                reportedBy,
                category,
                severity,
                escalations,
                planActivatedAt,
                resolvedAt,
                process,
                result,
                evidence);
    }

    private void requireOpen() {
        if (resolvedAt != null) {
            throw ProcedureRefusedException.of(Refusal.INCIDENT_ALREADY_RESOLVED, id, resolvedAt);
        }
    }
}
