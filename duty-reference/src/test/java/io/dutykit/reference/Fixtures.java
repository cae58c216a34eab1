package io.dutykit.reference;

import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.test.data.SiteBuilder;
import io.dutykit.test.data.TestTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * This module's test data beside duty-test's: the site (duty-test's garden-court, weekdays only), its
 * people — duty-test's cast but with sun a second supervisor (so "every supervisor" is li and sun), zhou
 * the security supervisor and a guest without a role — and the reference rules with changed parameters.
 */
final class Fixtures {
    static final Site SITE = SiteBuilder.gardenCourt();

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

    /** The reference rules with the parameters of a {@code procedure.properties} given as properties. */
    static ReferenceProcedureRules rulesWith(Properties parameters) {
        Map<String, String> values = new TreeMap<>();
        parameters.stringPropertyNames().forEach(k -> values.put(k, parameters.getProperty(k)));
        return new ReferenceProcedureRules(
                ParameterValues.defaults().with(values, "test.properties"), IncidentThresholdTable.defaults());
    }

    static Site siteWith(Set<LocalDate> holidays, Set<LocalDate> workdays) {
        return Site.of("garden-court", "Garden Court", TestTime.ZONE, new SiteCalendar(holidays, workdays));
    }
}
