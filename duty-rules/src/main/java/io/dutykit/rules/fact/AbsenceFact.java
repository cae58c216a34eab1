package io.dutykit.rules.fact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An absence from the post that began at or before as-of.
 *
 * @param until {@code to}, or as-of while the absence goes on
 * @param length {@code until - from}
 * @param date the duty date of the shift containing {@code from}, else its site-local date
 */
public record AbsenceFact(
        String id,
        String staff,
        Instant from,
        Instant until,
        Duration length,
        LocalDate date,
        boolean inScope,
        String coveredBy) {}
