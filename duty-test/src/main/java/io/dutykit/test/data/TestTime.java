package io.dutykit.test.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Times of the test data, written as a person at the site reads them: site-local in Asia/Shanghai
 * (the default zone of a site, SPEC section 3), e.g. {@code at("2026-11-02T17:25")} or with seconds
 * {@code at("2026-11-02T17:25:01")}.
 */
public final class TestTime {
    /** The zone of the test sites. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private TestTime() {}

    /** The instant of a site-local date-time ({@code yyyy-MM-ddTHH:mm[:ss]}) in Asia/Shanghai; null stays null. */
    public static Instant at(String localDateTime) {
        if (localDateTime == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "\"" + localDateTime
                            + "\" is not a local date-time; write it as 2026-11-02T17:25 or 2026-11-02T17:25:01",
                    e);
        }
    }

    /** A date written {@code yyyy-MM-dd}. */
    public static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    /**
     * A time written either in full ({@code 2026-11-02T17:24}) or as a time of day ({@code 17:24}) on the
     * site-local date of {@code day}.
     */
    static Instant atOrOn(String time, Instant day) {
        if (time == null) {
            return null;
        }
        if (time.indexOf('T') >= 0) {
            return at(time);
        }
        LocalDate local = day.atZone(ZONE).toLocalDate();
        return at(local + "T" + time);
    }
}
