package io.dutykit.rules.fact;

import io.dutykit.core.procedure.Ownership;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The check itself as a fact: which site, the period of duty dates ({@code from}–{@code to}
 * inclusive), "now" ({@code asOf}), every staff member holding the SUPERVISOR role (ids sorted), and
 * who owns each entry and incident (SPEC section 4 "owned", the core's {@link Ownership}: the
 * handovers completed by as-of pass the ids of their {@code carriedOver} to their incoming).
 */
public record CheckContext(
        String site,
        ZoneId zone,
        Instant asOf,
        LocalDate from,
        LocalDate to,
        List<String> supervisors,
        Ownership ownership) {
    public CheckContext {
        supervisors = List.copyOf(supervisors);
        ownership = ownership == null ? Ownership.none() : ownership;
    }

    /**
     * Who owns the entry or incident at {@code t}: the incoming of the latest handover completed at or
     * before t that carried it over, else its {@code creator} (the entry's author, the incident's
     * reporter). "The owner at a deadline".
     */
    public String ownerAt(String id, String creator, Instant t) {
        return ownership.ownerAt(id, creator, t);
    }

    /**
     * Who owned the entry or incident just before {@code t}: as {@link #ownerAt} but counting only
     * handovers completed strictly before t. At a handover completed at t, the outgoing's work is what
     * this names them owner of.
     */
    public String ownerBefore(String id, String creator, Instant t) {
        return ownership.ownerBefore(id, creator, t);
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
