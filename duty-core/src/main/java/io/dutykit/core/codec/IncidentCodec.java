package io.dutykit.core.codec;

import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An incident ({@code INCIDENT_*}, {@code incidents[]}) and its escalations. */
public final class IncidentCodec {
    private IncidentCodec() {}

    public static final Field<Escalation, String> TO =
            Field.staff("to", Escalation::to).required();
    public static final Field<Escalation, Instant> ESCALATED_AT =
            Field.instant("at", Escalation::at).required();
    public static final Field<Escalation, Boolean> REACHED =
            Field.bool("reached", Escalation::reached).required();
    public static final Field<Escalation, String> DECISION = Field.text("decision", Escalation::decision);
    public static final Field<Escalation, Instant> ON_SITE_AT = Field.instant("onSiteAt", Escalation::onSiteAt);
    /** Since 2026-12-03: written only when set. */
    public static final Field<Escalation, Instant> DECIDED_AT =
            Field.instant("decidedAt", Escalation::decidedAt).absentWhenEmpty();

    public static final Codec<Escalation> ESCALATION = Codec.of(
            Escalation.class,
            "an escalation",
            v -> new Escalation(
                    v.get(TO),
                    v.get(ESCALATED_AT),
                    v.get(REACHED),
                    v.get(DECISION),
                    v.get(ON_SITE_AT),
                    v.get(DECIDED_AT)),
            TO,
            ESCALATED_AT,
            REACHED,
            DECISION,
            ON_SITE_AT,
            DECIDED_AT);

    public static final Field<Incident, String> ID = Field.id("id", Incident::id, "the incident id");
    public static final Field<Incident, LocalDate> DATE =
            Field.date("date", Incident::date).required();
    public static final Field<Incident, Instant> OPENED_AT =
            Field.instant("openedAt", Incident::openedAt).required();
    public static final Field<Incident, String> REPORTED_BY =
            Field.staff("reportedBy", Incident::reportedBy).required();
    public static final Field<Incident, String> CATEGORY =
            Field.code("category", Incident::category, "WATER_LEAK").required();
    public static final Field<Incident, IncidentSeverity> SEVERITY = Field.enumOf(
                    "severity", Incident::severity, IncidentSeverity.class, "a severity")
            .required();
    public static final Field<Incident, List<Escalation>> ESCALATIONS =
            Field.objects("escalations", Incident::escalations, ESCALATION);
    public static final Field<Incident, Instant> PLAN_ACTIVATED_AT =
            Field.instant("planActivatedAt", Incident::planActivatedAt);
    public static final Field<Incident, Instant> RESOLVED_AT = Field.instant("resolvedAt", Incident::resolvedAt);
    public static final Field<Incident, String> PROCESS = Field.text("process", Incident::process);
    public static final Field<Incident, String> RESULT = Field.text("result", Incident::result);
    /** Since 2026-12-03: written only when it holds a reference. */
    public static final Field<Incident, List<String>> EVIDENCE =
            Field.texts("evidence", Incident::evidence).absentWhenEmpty();

    public static final Codec<Incident> CODEC = Codec.of(
            Incident.class,
            "an incident",
            v -> new Incident(
                    v.get(ID),
                    v.get(DATE),
                    v.get(OPENED_AT),
                    v.get(REPORTED_BY),
                    v.get(CATEGORY),
                    v.get(SEVERITY),
                    v.get(ESCALATIONS),
                    v.get(PLAN_ACTIVATED_AT),
                    v.get(RESOLVED_AT),
                    v.get(PROCESS),
                    v.get(RESULT),
                    v.get(EVIDENCE)),
            ID,
            DATE,
            OPENED_AT,
            REPORTED_BY,
            CATEGORY,
            SEVERITY,
            ESCALATIONS,
            PLAN_ACTIVATED_AT,
            RESOLVED_AT,
            PROCESS,
            RESULT,
            EVIDENCE);
}
