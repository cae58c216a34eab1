package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;

/** A duty report for duty date {@code date}. */
public record DutyReportFact(LocalDate date, String author, Instant submittedAt) {}
