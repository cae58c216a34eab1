package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A supervisor's spot check of duty (3.1) made at or before as-of, dated in a month that overlaps the
 * period.
 *
 * @param month the month of {@code date}
 * @param bySupervisor {@code supervisor} holds the SUPERVISOR role
 */
public record SpotCheckFact(LocalDate date, YearMonth month, String supervisor, Instant at, boolean bySupervisor) {}
