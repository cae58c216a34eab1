package io.dutykit.test.data;

import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.site.TimeOfDayRange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds sites: {@code aSite().holiday("2026-10-01").workday("2026-10-10").build()}. By default
 * garden-court ("Garden Court"), Asia/Shanghai, Monday to Friday working days, the default duty
 * windows (17:30–08:30, weekends and holidays 08:30–08:30) and office hours (08:30–17:30), no
 * checklist of public items.
 */
public final class SiteBuilder {
    /** The default site's id. */
    public static final String GARDEN_COURT = "garden-court";

    private String id = GARDEN_COURT;
    private String name = "Garden Court";
    private ZoneId zone = TestTime.ZONE;
    private final Set<LocalDate> holidays = new LinkedHashSet<>();
    private final Set<LocalDate> workdays = new LinkedHashSet<>();
    private TimeOfDayRange workdayDuty;
    private TimeOfDayRange nonWorkdayDuty;
    private TimeOfDayRange officeHours;
    private final List<InventoryItem> inventory = new ArrayList<>();

    private SiteBuilder() {}

    public static SiteBuilder aSite() {
        return new SiteBuilder();
    }

    /** The default site, garden-court: what the other builders derive duty dates from. */
    public static Site gardenCourt() {
        return aSite().build();
    }

    public SiteBuilder id(String value) {
        id = value;
        return this;
    }

    public SiteBuilder name(String value) {
        name = value;
        return this;
    }

    public SiteBuilder zone(String value) {
        zone = ZoneId.of(value);
        return this;
    }

    /** A public holiday ({@code yyyy-MM-dd}): a non-working day. */
    public SiteBuilder holiday(String date) {
        holidays.add(LocalDate.parse(date));
        return this;
    }

    /** A make-up working day (调休上班, {@code yyyy-MM-dd}): working even at a weekend. */
    public SiteBuilder workday(String date) {
        workdays.add(LocalDate.parse(date));
        return this;
    }

    /** The duty window on working days, e.g. {@code ("18:00", "08:00")}. */
    public SiteBuilder workdayDuty(String start, String end) {
        workdayDuty = TimeOfDayRange.of(start, end);
        return this;
    }

    /** The duty window on weekends and holidays. */
    public SiteBuilder nonWorkdayDuty(String start, String end) {
        nonWorkdayDuty = TimeOfDayRange.of(start, end);
        return this;
    }

    /** Office hours on working days. */
    public SiteBuilder officeHours(String start, String end) {
        officeHours = TimeOfDayRange.of(start, end);
        return this;
    }

    /** A line of the site's checklist of public items (4.2.1), e.g. {@code ("WALKIE_TALKIE", 2)}. */
    public SiteBuilder inventory(String item, int expected) {
        inventory.add(new InventoryItem(item, expected));
        return this;
    }

    public Site build() {
        return new Site(
                id,
                name,
                zone,
                new SiteCalendar(holidays, workdays),
                workdayDuty,
                nonWorkdayDuty,
                officeHours,
                inventory);
    }
}
