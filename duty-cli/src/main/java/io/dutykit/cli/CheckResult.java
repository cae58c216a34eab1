package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one site's check found, ready to be written in any output format.
 *
 * @param zone the site's time zone: text and JUnit output show instants in it (SPEC section 3)
 * @param names staff names by id, shown beside the ids
 */
record CheckResult(
        String site,
        CheckPeriod period,
        Instant asOf,
        List<Violation> violations,
        ZoneId zone,
        Map<String, String> names) {
    CheckResult {
        violations = List.copyOf(violations);
        names = Map.copyOf(names);
    }

    /** The result of a check of {@code records}. */
    static CheckResult of(SiteRecords records, CheckPeriod period, Instant asOf, List<Violation> violations) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Staff staff : records.staff()) {
            if (staff.name() != null && !staff.name().isBlank()) {
                names.put(staff.id(), staff.name());
            }
        }
        return new CheckResult(
                records.site().id(), period, asOf, violations, records.site().zone(), names);
    }

    /** A staff member of this site as a person reads it (see {@link #person(String, String)}). */
    String person(String id) {
        return person(id, names.get(id));
    }

    /** A staff member as a person reads it: {@code 王芳 (wang)}, or the id when there is no name. */
    static String person(String id, String name) {
        return name == null || name.isBlank() ? id : name + " (" + id + ")";
    }
}
