package io.dutykit.reference;

import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/** Shared test data: the site, its people, and site-local times written as text. */
final class Fixtures {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Site SITE = Site.of("garden-court", "Garden Court", ZONE, SiteCalendar.WEEKDAYS_ONLY);

    /** Duty officers wang and chen alternate nights; liu is the day-staff officer; li and sun supervise. */
    static final List<Staff> STAFF = List.of(
            Staff.of("wang", "王芳", Role.DUTY_OFFICER),
            Staff.of("chen", "陈明", Role.DUTY_OFFICER),
            Staff.of("liu", "刘洋", Role.DUTY_OFFICER),
            Staff.of("li", "李强", Role.SUPERVISOR),
            Staff.of("sun", "孙丽", Role.SUPERVISOR),
            Staff.of("zhao", "赵敏", Role.MANAGER),
            Staff.of("zhou", "周勇", Role.SECURITY_SUPERVISOR),
            Staff.of("ma", "马涛", Role.MAINTENANCE_SUPERVISOR),
            Staff.of("guest", "访客"));

    private Fixtures() {}

    /** A site-local instant, e.g. {@code at("2026-11-02T17:25")} or {@code at("2026-11-02T17:25:01")}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** The reference rules with the parameters of a {@code procedure.properties} given as properties. */
    static ReferenceProcedureRules rulesWith(Properties parameters) {
        Map<String, String> values = new TreeMap<>();
        parameters.stringPropertyNames().forEach(k -> values.put(k, parameters.getProperty(k)));
        return new ReferenceProcedureRules(
                ParameterValues.defaults().with(values, "test.properties"), IncidentThresholdTable.defaults());
    }

    static Site siteWith(Set<LocalDate> holidays, Set<LocalDate> workdays) {
        return Site.of("garden-court", "Garden Court", ZONE, new SiteCalendar(holidays, workdays));
    }
}
