package io.dutykit.core.site;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A resident service centre: its time zone, calendar, duty windows and office hours. Every shift
 * window is computed in the site's zone; every instant is kept as an instant.
 *
 * @param workdayDuty the duty window on a working day (default 17:30–08:30)
 * @param nonWorkdayDuty the duty window on a weekend or holiday (default 08:30–08:30, 24 hours)
 * @param officeHours office hours on working days (default 08:30–17:30); every other instant is after
 *     hours (clause 4.1.7)
 * @param inventory the checklist of public items counted at every handover (4.2.1), one line per item;
 *     empty when the site keeps none
 */
public record Site(
        String id,
        String name,
        ZoneId zone,
        SiteCalendar calendar,
        TimeOfDayRange workdayDuty,
        TimeOfDayRange nonWorkdayDuty,
        TimeOfDayRange officeHours,
        List<InventoryItem> inventory) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final TimeOfDayRange DEFAULT_WORKDAY_DUTY = TimeOfDayRange.of("17:30", "08:30");
    public static final TimeOfDayRange DEFAULT_NON_WORKDAY_DUTY = TimeOfDayRange.of("08:30", "08:30");
    public static final TimeOfDayRange DEFAULT_OFFICE_HOURS = TimeOfDayRange.of("08:30", "17:30");

    public Site {
        Checks.requiredText(id, "site.id");
        zone = zone == null ? DEFAULT_ZONE : zone;
        calendar = calendar == null ? SiteCalendar.WEEKDAYS_ONLY : calendar;
        workdayDuty = workdayDuty == null ? DEFAULT_WORKDAY_DUTY : workdayDuty;
        nonWorkdayDuty = nonWorkdayDuty == null ? DEFAULT_NON_WORKDAY_DUTY : nonWorkdayDuty;
        officeHours = officeHours == null ? DEFAULT_OFFICE_HOURS : officeHours;
        inventory = Checks.list(inventory);
        Set<String> items = new HashSet<>();
        for (InventoryItem line : inventory) {
            if (!items.add(line.item())) {
                throw InvalidValueException.of(
                        "site %s lists item %s twice in its inventory checklist; keep one line per item",
                        id, line.item());
            }
        }
    }

    /** A site without an inventory checklist. */
    public Site(
            String id,
            String name,
            ZoneId zone,
            SiteCalendar calendar,
            TimeOfDayRange workdayDuty,
            TimeOfDayRange nonWorkdayDuty,
            TimeOfDayRange officeHours) {
        this(id, name, zone, calendar, workdayDuty, nonWorkdayDuty, officeHours, List.of());
    }

    /** A site with the default zone, duty windows and office hours. */
    public static Site of(String id, String name, ZoneId zone, SiteCalendar calendar) {
        return new Site(id, name, zone, calendar, null, null, null);
    }

    /** The checklist's line for the item, if the site keeps one. */
    public Optional<InventoryItem> checklistItem(String item) {
        return inventory.stream().filter(line -> line.item().equals(item)).findFirst();
    }

    public boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(date);
    }

    /** The duty shift of duty date {@code date}. */
    public DutyShift shiftOf(LocalDate date) {
        boolean working = isWorkingDay(date);
        TimeOfDayRange window = working ? workdayDuty : nonWorkdayDuty;
        ZonedDateTime start = date.atTime(window.start()).atZone(zone);
        LocalDate endDate = window.crossesMidnight() ? date.plusDays(1) : date;
        ZonedDateTime end = endDate.atTime(window.end()).atZone(zone);
        return new DutyShift(date, start.toInstant(), end.toInstant(), working);
    }

    /** The shift whose half-open window contains the instant, if any. */
    public Optional<DutyShift> shiftContaining(Instant instant) {
        LocalDate local = localDate(instant);
        // a shift starts on its own date and lasts at most a day, so only two can contain the instant
        DutyShift today = shiftOf(local);
        if (today.contains(instant)) {
            return Optional.of(today);
        }
        DutyShift yesterday = shiftOf(local.minusDays(1));
        return yesterday.contains(instant) ? Optional.of(yesterday) : Optional.empty();
    }

    /** The shift that ends exactly at the instant, if any. */
    public Optional<DutyShift> shiftEndingAt(Instant instant) {
        LocalDate local = localDate(instant);
        for (LocalDate date : new LocalDate[] {local.minusDays(1), local}) {
            DutyShift shift = shiftOf(date);
            if (shift.end().equals(instant)) {
                return Optional.of(shift);
            }
        }
        return Optional.empty();
    }

    /** The shift that starts exactly at the instant, if any. */
    public Optional<DutyShift> shiftStartingAt(Instant instant) {
        DutyShift shift = shiftOf(localDate(instant));
        return shift.start().equals(instant) ? Optional.of(shift) : Optional.empty();
    }

    /**
     * The duty date a record at this instant belongs to: that of the shift containing it, or, outside
     * every shift, its site-local calendar date (SPEC section 4).
     */
    public LocalDate dutyDateOf(Instant instant) {
        return shiftContaining(instant).map(DutyShift::date).orElseGet(() -> localDate(instant));
    }

    /**
     * The duty date of a handover scheduled at the instant: the date of the shift it starts or, when
     * it starts none, of the shift it ends; empty when it does neither.
     */
    public Optional<LocalDate> handoverDateOf(Instant scheduledAt) {
        return shiftStartingAt(scheduledAt).or(() -> shiftEndingAt(scheduledAt)).map(DutyShift::date);
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** Office hours are {@code [start, end)} site-local on working days; everything else is after hours. */
    public boolean isOfficeHours(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        var time = local.toLocalTime();
        return !time.isBefore(officeHours.start()) && time.isBefore(officeHours.end());
    }
}
