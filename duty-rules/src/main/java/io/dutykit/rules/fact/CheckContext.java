package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The check itself as a fact: which site, the period of duty dates ({@code from}–{@code to}
 * inclusive), "now" ({@code asOf}), and every staff member holding the SUPERVISOR role.
 */
public record CheckContext(
        String site, ZoneId zone, Instant asOf, LocalDate from, LocalDate to, List<String> supervisors) {
    public CheckContext {
        supervisors = List.copyOf(supervisors);
    }

    /** True when the duty date lies in the period. */
    public boolean inPeriod(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
