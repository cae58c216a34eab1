package io.dutykit.test.data;

import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds incidents: {@code anIncident().severity(IncidentSeverity.MAJOR).escalatedTo("li", "20:05", true).build()}.
 * By default a ROUTINE {@code WATER_LEAK} {@code inc-1} reported by wang at 20:00 on 2026-11-02 and
 * resolved an hour later with its process and result; {@link #unresolved()} leaves it open. Times are
 * site-local in Asia/Shanghai, in full or as a time of day on the day it was opened; without {@link
 * #date} the duty date is that of the shift containing {@code openedAt} at the {@link #site}.
 */
public final class IncidentBuilder {
    private static final Duration RESOLVED_AFTER = Duration.ofHours(1);

    private Site site = SiteBuilder.gardenCourt();
    private String id = "inc-1";
    private LocalDate date;
    private Instant openedAt = TestTime.at("2026-11-02T20:00");
    private String reportedBy = TestStaff.WANG.id();
    private String category = "WATER_LEAK";
    private IncidentSeverity severity = IncidentSeverity.ROUTINE;
    private final List<Escalation> escalations = new ArrayList<>();
    private Instant planActivatedAt;
    private boolean resolvedSet;
    private Instant resolvedAt;
    private String process = "isolated the valve";
    private String result = "repaired";

    private IncidentBuilder() {}

    public static IncidentBuilder anIncident() {
        return new IncidentBuilder();
    }

    /** The site whose shifts give the duty date when {@link #date} is not set. */
    public IncidentBuilder site(Site value) {
        site = value;
        return this;
    }

    public IncidentBuilder id(String value) {
        id = value;
        return this;
    }

    public IncidentBuilder date(String value) {
        return date(LocalDate.parse(value));
    }

    public IncidentBuilder date(LocalDate value) {
        date = value;
        return this;
    }

    public IncidentBuilder openedAt(String localDateTime) {
        return openedAt(TestTime.at(localDateTime));
    }

    public IncidentBuilder openedAt(Instant value) {
        openedAt = value;
        return this;
    }

    public IncidentBuilder reportedBy(String value) {
        reportedBy = value;
        return this;
    }

    public IncidentBuilder category(String value) {
        category = value;
        return this;
    }

    public IncidentBuilder severity(IncidentSeverity value) {
        severity = value;
        return this;
    }

    /** An escalation to {@code to} at the time (in full, or a time of day on the day it was opened). */
    public IncidentBuilder escalatedTo(String to, String time, boolean reached) {
        return escalatedTo(to, TestTime.atOrOn(time, openedAt), reached);
    }

    public IncidentBuilder escalatedTo(String to, Instant at, boolean reached) {
        return escalation(Escalation.of(to, at, reached));
    }

    /** An escalation as given (with a decision or an on-site return). */
    public IncidentBuilder escalation(Escalation escalation) {
        escalations.add(escalation);
        return this;
    }

    public IncidentBuilder planActivatedAt(String time) {
        return planActivatedAt(TestTime.atOrOn(time, openedAt));
    }

    public IncidentBuilder planActivatedAt(Instant value) {
        planActivatedAt = value;
        return this;
    }

    /** No emergency plan was started. */
    public IncidentBuilder planNotActivated() {
        return planActivatedAt((Instant) null);
    }

    public IncidentBuilder resolvedAt(String time) {
        return resolvedAt(TestTime.atOrOn(time, openedAt));
    }

    /** When it was resolved; null: still open. */
    public IncidentBuilder resolvedAt(Instant value) {
        resolvedSet = true;
        resolvedAt = value;
        return this;
    }

    /** Still open. */
    public IncidentBuilder unresolved() {
        return resolvedAt((Instant) null);
    }

    /** How it was handled and how it ended (G4); null or blank: not recorded. */
    public IncidentBuilder documented(String processText, String resultText) {
        return process(processText).result(resultText);
    }

    /** How it was handled (G4); null or blank: not recorded. */
    public IncidentBuilder process(String value) {
        process = value;
        return this;
    }

    /** How it ended (G4); null or blank: not recorded. */
    public IncidentBuilder result(String value) {
        result = value;
        return this;
    }

    public Incident build() {
        LocalDate dutyDate = date != null ? date : site.dutyDateOf(openedAt);
        Instant resolved = resolvedSet ? resolvedAt : openedAt.plus(RESOLVED_AFTER);
        return new Incident(
                id,
                dutyDate,
                openedAt,
                reportedBy,
                category,
                severity,
                escalations,
                planActivatedAt,
                resolved,
                process,
                result);
    }
}
