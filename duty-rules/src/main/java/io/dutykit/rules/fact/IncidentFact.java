package io.dutykit.rules.fact;

import io.dutykit.core.incident.IncidentSeverity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An incident with the thresholds of its category and severity from the incident threshold table
 * (the {@code *} row when the category has none). A threshold is null when the table leaves it blank.
 * Instants after as-of read as null; blank {@code process}/{@code result} read as null.
 *
 * @param evidence references to photos or documents attached to the incident itself (4.2.2)
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
        Duration resolveWithin,
        List<String> evidence) {
    public IncidentFact {
        evidence = List.copyOf(evidence);
    }
}
