package io.dutykit.rules.fact;

import java.time.Instant;

/**
 * An escalation made at or before as-of, with the roles of the person it went to.
 *
 * @param afterHours {@code at} lies outside office hours (clause 4.1.7)
 * @param decision what the person decided (4.1.5), or null when blank
 * @param decidedAt when the decision was recorded, or null (also when after as-of)
 * @param onSiteAt when the person was back on site (4.1.7), or null (also when after as-of)
 */
public record EscalationFact(
        String incidentId,
        String to,
        Instant at,
        boolean reached,
        boolean toSupervisor,
        boolean toManager,
        boolean toManagerLevel,
        boolean afterHours,
        String decision,
        Instant decidedAt,
        Instant onSiteAt) {}
