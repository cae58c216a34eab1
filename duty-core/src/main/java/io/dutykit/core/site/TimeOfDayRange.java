package io.dutykit.core.site;

import io.dutykit.core.Checks;
import java.time.LocalTime;

/**
 * A site-local time range such as the duty window 17:30–08:30 or the office hours 08:30–17:30. An
 * end at or before the start means the range runs into the next day.
 */
public record TimeOfDayRange(LocalTime start, LocalTime end) {
    public TimeOfDayRange {
        Checks.required(start, "start");
        Checks.required(end, "end");
    }

    public static TimeOfDayRange of(String start, String end) {
        return new TimeOfDayRange(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** True when the range runs past midnight into the next day. */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }
}
