package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A calendar month that overlaps the period (or a neighbour of one).
 *
 * @param start 00:00 site-local on the month's first day: the roster publication deadline (4.1.1)
 * @param processReviewDeadline 00:00 site-local on day {@code improvement.processReviewDueDays + 1}
 *     of the following month (G5)
 * @param end 00:00 site-local on the next month's first day: the month has ended (3.1)
 */
public record MonthFact(
        YearMonth month,
        LocalDate firstDay,
        boolean inScope,
        Instant start,
        Instant processReviewDeadline,
        Instant end) {}
