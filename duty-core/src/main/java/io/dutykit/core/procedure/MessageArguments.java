package io.dutykit.core.procedure;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * How a rule's message arguments become text, the same for every engine: an instant in the site's
 * time zone as {@code 2026-11-02 17:25} (with {@code :30} seconds when it has any), a missing value
 * as {@code -}, anything else (ids, numbers, dates, months, severities) as its {@code toString()}.
 */
public final class MessageArguments {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** How a missing value is shown. */
    public static final String MISSING = "-";

    private MessageArguments() {}

    /** One argument as text. */
    public static String text(Object value, ZoneId zone) {
        if (value == null) {
            return MISSING;
        }
        if (value instanceof Instant instant) {
            ZonedDateTime local = instant.atZone(zone);
            return (local.getSecond() == 0 && local.getNano() == 0 ? MINUTES : SECONDS).format(local);
        }
        return value.toString();
    }

    /** The arguments as text, in order. */
    public static List<String> texts(List<?> values, ZoneId zone) {
        List<String> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            texts.add(text(value, zone));
        }
        return texts;
    }
}
