package io.dutykit.rules.fact;

import java.time.Instant;

/**
 * An escalation made at or before as-of, with the roles of the person it went to.
 *
 * @param afterHours {@code at} lies outside office hours (clause 4.1.7)
 */
public record EscalationFact(
        String incidentId,
        String to,
        Instant at,
        boolean reached,
        boolean toSupervisor,
        boolean toManager,
        boolean toManagerLevel,
        boolean afterHours) {}
