package io.dutykit.rules.fact;

import java.time.Duration;
import java.time.Instant;

/**
 * Time arithmetic for rule conditions: {@code Times.plus(openedAt, supervisorWithin)} is the instant
 * {@code supervisorWithin} after {@code openedAt}. (Conditions call these rather than {@code
 * Instant.plus}, whose generic signature the condition compiler cannot compare.)
 */
public final class Times {
    private Times() {}

    /** {@code instant + duration}. */
    public static Instant plus(Instant instant, Duration duration) {
        return instant.plus(duration);
    }

    /** The later of two instants. */
    public static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** {@code instant - duration}. */
    public static Instant minus(Instant instant, Duration duration) {
        return instant.minus(duration);
    }
}
