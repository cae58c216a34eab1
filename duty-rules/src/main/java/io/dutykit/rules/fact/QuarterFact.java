package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A calendar quarter that overlaps the period.
 *
 * @param label e.g. {@code 2026-Q4}
 * @param end 00:00 site-local on the first day of the next quarter
 */
public record QuarterFact(String label, LocalDate firstDay, LocalDate lastDay, boolean inScope, Instant end) {}
