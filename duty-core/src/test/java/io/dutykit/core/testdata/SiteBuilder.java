package io.dutykit.core.testdata;

import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/** Builds sites for tests: {@code aSite().zone("Europe/Berlin").holiday("2026-10-01").build()}. */
public final class SiteBuilder {
    private String id = "garden-court";
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();

    private SiteBuilder() {}

    public static SiteBuilder aSite() {
        return new SiteBuilder();
    }

    public SiteBuilder id(String value) {
        id = value;
        return this;
    }

    public SiteBuilder zone(String value) {
        zone = ZoneId.of(value);
        return this;
    }

    public SiteBuilder holiday(String date) {
        holidays.add(LocalDate.parse(date));
        return this;
    }

    public SiteBuilder workday(String date) {
        workdays.add(LocalDate.parse(date));
        return this;
    }

    public Site build() {
        return Site.of(id, "Garden Court", zone, new SiteCalendar(holidays, workdays));
    }
}
