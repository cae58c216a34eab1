package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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

    /** The site-local date of an instant. */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The site-local time of day of an instant. */
    public LocalTime localTime(Instant instant) {
        return instant.atZone(zone).toLocalTime();
    }

    /** The site-local hour (0–23) of an instant, e.g. {@code $c.localHour(at) < 6} for "before 06:00". */
    public int localHour(Instant instant) {
        return instant.atZone(zone).getHour();
    }

    /** True when the duty date lies in the period. */
    public boolean inPeriod(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
