package io.dutykit.reference;

import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An incident reported by wang, open, with no escalations, unless told otherwise. */
final class IncidentBuilder {
    private final String id;
    private LocalDate date;
    private Instant openedAt;
    private String reportedBy = "wang";
    private String category = "WATER_LEAK";
    private IncidentSeverity severity = IncidentSeverity.ROUTINE;
    private final List<Escalation> escalations = new ArrayList<>();
    private Instant planActivatedAt;
    private Instant resolvedAt;
    private String process = "isolated the valve";
    private String result = "repaired";

    private IncidentBuilder(String id) {
        this.id = id;
    }

    static IncidentBuilder anIncident(String id) {
        return new IncidentBuilder(id);
    }

    IncidentBuilder openedAt(Instant value) {
        openedAt = value;
        return this;
    }

    IncidentBuilder date(LocalDate value) {
        date = value;
        return this;
    }

    IncidentBuilder reportedBy(String value) {
        reportedBy = value;
        return this;
    }

    IncidentBuilder category(String value) {
        category = value;
        return this;
    }

    IncidentBuilder severity(IncidentSeverity value) {
        severity = value;
        return this;
    }

    IncidentBuilder escalatedTo(String to, Instant at, boolean reached) {
        escalations.add(Escalation.of(to, at, reached));
        return this;
    }

    IncidentBuilder planActivatedAt(Instant value) {
        planActivatedAt = value;
        return this;
    }

    IncidentBuilder resolvedAt(Instant value) {
        resolvedAt = value;
        return this;
    }

    IncidentBuilder process(String value) {
        process = value;
        return this;
    }

    IncidentBuilder result(String value) {
        result = value;
        return this;
    }

    Incident build() {
        LocalDate d = date != null ? date : Fixtures.SITE.dutyDateOf(openedAt);
        return new Incident(
                id,
                d,
                openedAt,
                reportedBy,
                category,
                severity,
                escalations,
                planActivatedAt,
                resolvedAt,
                process,
                result);
    }
}
