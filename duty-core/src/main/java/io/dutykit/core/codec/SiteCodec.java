package io.dutykit.core.codec;

import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.site.TimeOfDayRange;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The site ({@code SITE_CONFIGURED}): its id, name, zone, calendar, duty windows, office hours and
 * checklist of public items. A
 * dataset writes the calendar beside the site ({@code $.calendar}); a log snapshot nests it in the
 * site.
 */
public final class SiteCodec {
    private SiteCodec() {}

    public static final Field<TimeOfDayRange, LocalTime> START =
            Field.timeOfDay("start", TimeOfDayRange::start).required();
    public static final Field<TimeOfDayRange, LocalTime> END =
            Field.timeOfDay("end", TimeOfDayRange::end).required();

    /** A time range {@code {"start": "HH:MM", "end": "HH:MM"}}. */
    public static final Codec<TimeOfDayRange> RANGE = Codec.of(
            TimeOfDayRange.class,
            "a time range {\"start\": \"HH:MM\", \"end\": \"HH:MM\"}",
            v -> new TimeOfDayRange(v.get(START), v.get(END)),
            START,
            END);

    public static final Field<SiteCalendar, Set<LocalDate>> HOLIDAYS = Field.dates("holidays", SiteCalendar::holidays);
    public static final Field<SiteCalendar, Set<LocalDate>> WORKDAYS = Field.dates("workdays", SiteCalendar::workdays);

    /** The site's holidays and extra working days. */
    public static final Codec<SiteCalendar> CALENDAR = Codec.of(
            SiteCalendar.class,
            "the calendar",
            v -> new SiteCalendar(v.get(HOLIDAYS), v.get(WORKDAYS)),
            HOLIDAYS,
            WORKDAYS);

    public static final Field<InventoryItem, String> ITEM =
            Field.code("item", InventoryItem::item, "WALKIE_TALKIE").required();
    public static final Field<InventoryItem, Integer> EXPECTED =
            Field.count("expected", InventoryItem::expected).required();

    /** A line of the site's checklist of public items {@code {"item": "WALKIE_TALKIE", "expected": 2}}. */
    public static final Codec<InventoryItem> INVENTORY_ITEM = Codec.of(
            InventoryItem.class,
            "a checklist line",
            v -> new InventoryItem(v.get(ITEM), v.get(EXPECTED)),
            ITEM,
            EXPECTED);

    public static final Field<Site, String> ID = Field.id("id", Site::id, "the site id");
    public static final Field<Site, String> NAME = Field.text("name", Site::name);
    public static final Field<Site, ZoneId> ZONE =
            Field.zone("zone", Site::zone).required();
    public static final Field<Site, SiteCalendar> CALENDAR_FIELD = Field.object("calendar", Site::calendar, CALENDAR);
    public static final Field<Site, TimeOfDayRange> WORKDAY_DUTY =
            Field.object("workdayDuty", Site::workdayDuty, RANGE).leftOutAt(Site.DEFAULT_WORKDAY_DUTY);
    public static final Field<Site, TimeOfDayRange> NON_WORKDAY_DUTY =
            Field.object("nonWorkdayDuty", Site::nonWorkdayDuty, RANGE).leftOutAt(Site.DEFAULT_NON_WORKDAY_DUTY);
    public static final Field<Site, TimeOfDayRange> OFFICE_HOURS =
            Field.object("officeHours", Site::officeHours, RANGE).leftOutAt(Site.DEFAULT_OFFICE_HOURS);
    /** Since 2026-12-03: written only when the site keeps a checklist. */
    public static final Field<Site, List<InventoryItem>> INVENTORY =
            Field.objects("inventory", Site::inventory, INVENTORY_ITEM).absentWhenEmpty();

    public static final Codec<Site> CODEC = Codec.of(
            Site.class,
            "the site",
            v -> new Site(
                    v.get(ID),
                    v.get(NAME),
                    v.get(ZONE),
                    v.get(CALENDAR_FIELD),
                    v.get(WORKDAY_DUTY),
                    v.get(NON_WORKDAY_DUTY),
                    v.get(OFFICE_HOURS),
                    v.get(INVENTORY)),
            ID,
            NAME,
            ZONE,
            CALENDAR_FIELD,
            WORKDAY_DUTY,
            NON_WORKDAY_DUTY,
            OFFICE_HOURS,
            INVENTORY);
}
