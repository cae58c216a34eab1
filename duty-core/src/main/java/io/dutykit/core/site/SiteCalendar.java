package io.dutykit.core.site;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which dates are working days at a site (SPEC section 3): Monday to Friday, except the public
 * holidays, plus the make-up working days (调休上班) that fall on a weekend.
 */
public record SiteCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays) {
    public static final SiteCalendar WEEKDAYS_ONLY = new SiteCalendar(Set.of(), Set.of());

    public SiteCalendar {
        holidays = Checks.set(holidays);
        workdays = Checks.set(workdays);
        for (LocalDate date : holidays) {
            if (workdays.contains(date)) {
                throw InvalidValueException.of(
                        "calendar date %s is listed both as a holiday and as a make-up working day; keep it in one list",
                        date);
            }
        }
    }

    /** True on Monday to Friday that are not holidays, and on make-up working days. */
    public boolean isWorkingDay(LocalDate date) {
        if (workdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The first working day on or after {@code date}. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        // a calendar is finite, so a working day is always found within the holidays plus a week
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
