package io.dutykit.test.data;

import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds incidents: {@code anIncident().severity(IncidentSeverity.MAJOR).escalatedTo("li", "20:05", true).build()}.
 * By default a ROUTINE {@code WATER_LEAK} {@code inc-1} reported by wang at 20:00 on 2026-11-02 and
 * resolved an hour later with its process and result; {@link #unresolved()} leaves it open. Times are
 * site-local in Asia/Shanghai, in full or as a time of day on the day it was opened; without {@link
 * #date} the duty date is that of the shift containing {@code openedAt} at the {@link #site}.
 *
 * <p>What the procedure asks beyond the escalations themselves is done unless told otherwise: on a
 * DIFFICULT or MAJOR incident, a supervisor reached by an {@link #escalatedTo} escalation records a
 * decision 5 minutes after it (4.1.5; {@link #withoutDecisions()}); on a MAJOR incident, someone of
 * manager level reached after hours is back on site 20 minutes after it (4.1.7; {@link
 * #withoutOnSiteReturns()}) and the incident carries evidence {@code photo:ID-scene.jpg} (4.2.2; {@link
 * #withoutEvidence()}). Roles are those of {@link TestStaff} unless {@link #staff} says otherwise;
 * escalations given whole ({@link #escalation}) are kept as given.
 */
public final class IncidentBuilder {
    private static final Duration RESOLVED_AFTER = Duration.ofHours(1);
    private static final Duration DECIDED_AFTER = Duration.ofMinutes(5);
    private static final Duration ON_SITE_AFTER = Duration.ofMinutes(20);

    private Site site = SiteBuilder.gardenCourt();
    private String id = "inc-1";
    private LocalDate date;
    private Instant openedAt = TestTime.at("2026-11-02T20:00");
    private String reportedBy = TestStaff.WANG.id();
    private String category = "WATER_LEAK";
    private IncidentSeverity severity = IncidentSeverity.ROUTINE;
    private final List<Escalation> escalations = new ArrayList<>();
    /** The escalations added by {@link #escalatedTo}, which get the defaults (same objects as in the list). */
    private final List<Escalation> plain = new ArrayList<>();

    private List<Staff> staff = TestStaff.all();
    private boolean decisions = true;
    private boolean onSiteReturns = true;
    private List<String> evidence;
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
        Escalation escalation = Escalation.of(to, at, reached);
        plain.add(escalation);
        return escalation(escalation);
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

    /** The people whose roles decide who is a supervisor or of manager level (default {@link TestStaff#all()}). */
    public IncidentBuilder staff(List<Staff> people) {
        staff = List.copyOf(people);
        return this;
    }

    /** No supervisor records a decision on the escalations of {@link #escalatedTo}. */
    public IncidentBuilder withoutDecisions() {
        decisions = false;
        return this;
    }

    /** Nobody reached comes back on site. */
    public IncidentBuilder withoutOnSiteReturns() {
        onSiteReturns = false;
        return this;
    }

    /** References to evidence of the work (4.2.2), in place of the default. */
    public IncidentBuilder evidence(String... references) {
        evidence = new ArrayList<>(List.of(references));
        return this;
    }

    /** No evidence attached. */
    public IncidentBuilder withoutEvidence() {
        evidence = new ArrayList<>();
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
        List<Escalation> list = new ArrayList<>();
        for (Escalation escalation : escalations) {
            list.add(plain.stream().anyMatch(p -> p == escalation) ? withDefaults(escalation) : escalation);
        }
        List<String> references = evidence != null
                ? evidence
                : severity == IncidentSeverity.MAJOR ? List.of("photo:" + id + "-scene.jpg") : List.of();
        return new Incident(
                id,
                dutyDate,
                openedAt,
                reportedBy,
                category,
                severity,
                list,
                planActivatedAt,
                resolved,
                process,
                result,
                references);
    }

    private Escalation withDefaults(Escalation escalation) {
        Escalation done = escalation;
        if (decisions
                && severity != IncidentSeverity.ROUTINE
                && escalation.reached()
                && has(escalation.to(), Staff::isSupervisor)) {
            done = done.withDecision(
                    "handle it as the emergency plan says", escalation.at().plus(DECIDED_AFTER));
        }
        if (onSiteReturns
                && severity == IncidentSeverity.MAJOR
                && escalation.reached()
                && has(escalation.to(), Staff::isManagerLevel)
                && !site.isOfficeHours(escalation.at())) {
            done = done.withOnSite(escalation.at().plus(ON_SITE_AFTER));
        }
        return done;
    }

    private boolean has(String staffId, Predicate<Staff> role) {
        return staff.stream().anyMatch(s -> s.id().equals(staffId) && role.test(s));
    }
}
