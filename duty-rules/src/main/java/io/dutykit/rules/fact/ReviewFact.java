package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A supervisor's review (signature) of the duty log of duty date {@code date} (4.3).
 *
 * @param bySupervisor the person who signed holds the SUPERVISOR role
 */
public record ReviewFact(LocalDate date, String supervisor, Instant at, boolean bySupervisor) {}
