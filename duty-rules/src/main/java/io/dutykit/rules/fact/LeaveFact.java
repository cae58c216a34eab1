package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A leave request; approved when {@code approvedBy} is not null. Blank texts read as null.
 *
 * @param approvedBySupervisor the person who approved it holds the SUPERVISOR role
 */
public record LeaveFact(
        String id,
        String staff,
        LocalDate date,
        boolean inScope,
        String approvedBy,
        Instant approvedAt,
        String substitute,
        boolean approvedBySupervisor) {}
