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
        String result) {
    public Incident {
        Checks.requiredText(id, "incidents[].id");
        Checks.required(date, "incidents[].date");
        Checks.required(openedAt, "incidents[].openedAt");
        Checks.requiredText(reportedBy, "incidents[].reportedBy");
        Checks.code(category, "incidents[].category");
        Checks.required(severity, "incidents[].severity");
        escalations = Checks.list(escalations);
        if (resolvedAt != null && resolvedAt.isBefore(openedAt)) {
            throw InvalidValueException.of(
                    "resolvedAt (%s) is before openedAt (%s) for incident %s", resolvedAt, openedAt, id);
        }
    }

    public static Incident open(
            String id,
            LocalDate date,
            Instant openedAt,
            String reportedBy,
            String category,
            IncidentSeverity severity) {
        return new Incident(id, date, openedAt, reportedBy, category, severity, List.of(), null, null, null, null);
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
        return new Incident(
                id, date, openedAt, reportedBy, category, severity, list, planActivatedAt, resolvedAt, process, result);
    }

    /** Starts the matching emergency plan (G3); a plan is started once. */
    public Incident activatePlan(Instant at) {
        requireOpen();
        if (planActivatedAt != null) {
            throw ProcedureRefusedException.of(Refusal.PLAN_ALREADY_STARTED, id, planActivatedAt);
        }
        return new Incident(
                id,
                date,
                openedAt,
                reportedBy,
                category,
                severity,
                escalations,
                Checks.required(at, "planActivatedAt"),
                resolvedAt,
                process,
                result);
    }

    /**
     * Resolves the incident. A MAJOR incident is resolved only with its handling process and result
     * recorded in detail (G4).
     */
    public Incident resolve(Instant at, String handlingProcess, String handlingResult) {
        requireOpen();
        if (severity == IncidentSeverity.MAJOR && (Checks.isBlank(handlingProcess) || Checks.isBlank(handlingResult))) {
            throw ProcedureRefusedException.of(Refusal.MAJOR_INCIDENT_UNDOCUMENTED, id);
        }
        if (at.isBefore(openedAt)) {
            throw InvalidValueException.of("resolvedAt (%s) is before openedAt (%s) for incident %s", at, openedAt, id);
        }
        return new Incident(
                id,
                date,
                openedAt,
                reportedBy,
                category,
                severity,
                escalations,
                planActivatedAt,
                at,
                handlingProcess,
                handlingResult);
    }

    private void requireOpen() {
        if (resolvedAt != null) {
            throw ProcedureRefusedException.of(Refusal.INCIDENT_ALREADY_RESOLVED, id, resolvedAt);
        }
    }
}
