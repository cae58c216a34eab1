package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A duty report for duty date {@code date}.
 *
 * @param reviewedBy the supervisor who reviewed it, or null
 * @param reviewedAt when it was reviewed, or null when not reviewed by as-of
 * @param reviewedBySupervisor {@code reviewedBy} holds the SUPERVISOR role
 */
public record DutyReportFact(
        LocalDate date,
        String author,
        Instant submittedAt,
        String reviewedBy,
        Instant reviewedAt,
        boolean reviewedBySupervisor) {}
