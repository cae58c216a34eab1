package io.dutykit.core.site;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one duty shift of duty date {@code date} at a site: the half-open window {@code [start, end)}
 * (SPEC section 3). On a working day it runs 17:30 to 08:30 the next day, on a non-working day 08:30
 * to 08:30 the next day, unless the site sets other times.
 */
public record DutyShift(LocalDate date, Instant start, Instant end, boolean workingDay) {
    public DutyShift {
        Checks.required(date, "date");
        Checks.required(start, "start");
        Checks.required(end, "end");
        if (!end.isAfter(start)) {
            throw InvalidValueException.of("shift of %s ends (%s) before it starts (%s)", date, end, start);
        }
    }

    /** True when the instant lies in {@code [start, end)}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** True once the shift has ended at or before the instant. */
    public boolean hasEndedBy(Instant instant) {
        return !end.isAfter(instant);
    }
}
