package io.dutykit.rules.fact;

import io.dutykit.core.incident.IncidentSeverity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An incident with the thresholds of its category and severity from the incident threshold table
 * (the {@code *} row when the category has none). A threshold is null when the table leaves it blank.
 * Instants after as-of read as null; blank {@code process}/{@code result} read as null.
 */
public record IncidentFact(
        String id,
        LocalDate date,
        boolean inScope,
        Instant openedAt,
        String reportedBy,
        String category,
        IncidentSeverity severity,
        Instant planActivatedAt,
        Instant resolvedAt,
        String process,
        String result,
        Duration supervisorWithin,
        Duration managerWithin,
        Duration resolveWithin) {}
