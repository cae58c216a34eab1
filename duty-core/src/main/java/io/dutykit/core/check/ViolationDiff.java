package io.dutykit.core.check;

import io.dutykit.core.Checks;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a change of the rules does to real data (SPEC section 6.1, {@code duty rules diff}): the
 * violations the changed rules find that the base rules do not ({@link #added}), those they no longer
 * find ({@link #removed}), those both find with another severity, clause or responsible people
 * ({@link #changed}), counted by rule and by person. A violation is the same in both when site, rule
 * and subject are; its message may differ (a changed parameter changes the values it quotes).
 *
 * @param byRule per rule id, in id order
 * @param byPerson per site and responsible staff member (the staff id empty for violations nobody is
 *     responsible for), most affected first
 */
public record ViolationDiff(
        List<Violation> added,
        List<Violation> removed,
        List<Change> changed,
        List<RuleCount> byRule,
        List<PersonCount> byPerson) {

    public ViolationDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        byRule = List.copyOf(byRule);
        byPerson = List.copyOf(byPerson);
    }

    /** A violation both rule sets find, with another severity, clause or responsible people. */
    public record Change(Violation before, Violation after) {}

    /** How many violations of one rule a change adds, removes and changes. */
    public record RuleCount(String rule, int added, int removed, int changed) {}

    /**
     * How many violations one person is responsible for that a change adds and removes.
     *
     * @param staff the staff id, or "" for violations nobody is responsible for
     * @param name the person's name, or "" when the records give none
     */
    public record PersonCount(String site, String staff, String name, int added, int removed) {}

    /** True when the change adds, removes and changes nothing. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /**
     * Checks each site with both rule sets and compares.
     *
     * @param periodOf the period to check a site over (e.g. the months its rosters cover)
     */
    public static ViolationDiff compare(
            ProcedureRules base,
            ProcedureRules changed,
            Collection<SiteRecords> sites,
            java.util.function.Function<SiteRecords, CheckPeriod> periodOf,
            Instant asOf) {
        List<Violation> before = new ArrayList<>();
        List<Violation> after = new ArrayList<>();
        Map<String, Map<String, Staff>> staff = new LinkedHashMap<>();
        for (SiteRecords site : sites) {
            CheckPeriod period = periodOf.apply(site);
            before.addAll(base.evaluate(site, period, asOf));
            after.addAll(changed.evaluate(site, period, asOf));
            staff.put(site.site().id(), site.staffById());
        }
        return of(before, after, staff);
    }

    /**
     * Compares two lists of violations of the same data.
     *
     * @param staff per site id, its staff by id (for names); may be empty
     */
    public static ViolationDiff of(
            List<Violation> before, List<Violation> after, Map<String, Map<String, Staff>> staff) {
        Checks.required(staff, "staff");
        Map<String, Violation> was = index(before);
        Map<String, Violation> is = index(after);
        List<Violation> added = new ArrayList<>();
        List<Violation> removed = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        is.forEach((key, v) -> {
            Violation old = was.get(key);
            if (old == null) {
                added.add(v);
            } else if (old.severity() != v.severity()
                    || !old.clause().equals(v.clause())
                    || !old.responsible().equals(v.responsible())) {
                changes.add(new Change(old, v));
            }
        });
        was.forEach((key, v) -> {
            if (!is.containsKey(key)) {
                removed.add(v);
            }
        });
        added.sort(Violation.REPORT_ORDER);
        removed.sort(Violation.REPORT_ORDER);
        changes.sort(Comparator.comparing(Change::after, Violation.REPORT_ORDER));

        Map<String, int[]> rules = new TreeMap<>();
        added.forEach(v -> rules.computeIfAbsent(v.rule(), r -> new int[3])[0]++);
        removed.forEach(v -> rules.computeIfAbsent(v.rule(), r -> new int[3])[1]++);
        changes.forEach(c -> rules.computeIfAbsent(c.after().rule(), r -> new int[3])[2]++);
        List<RuleCount> byRule = new ArrayList<>();
        rules.forEach((rule, n) -> byRule.add(new RuleCount(rule, n[0], n[1], n[2])));

        Map<List<String>, int[]> people = new LinkedHashMap<>();
        count(added, people, 0);
        count(removed, people, 1);
        List<PersonCount> byPerson = new ArrayList<>();
        people.forEach((key, n) -> {
            Staff person = staff.getOrDefault(key.get(0), Map.of()).get(key.get(1));
            String name = person == null || person.name() == null ? "" : person.name();
            byPerson.add(new PersonCount(key.get(0), key.get(1), name, n[0], n[1]));
        });
        byPerson.sort(Comparator.comparingInt((PersonCount p) -> -(p.added() + p.removed()))
                .thenComparing(PersonCount::site)
                .thenComparing(PersonCount::staff));
        return new ViolationDiff(added, removed, changes, byRule, byPerson);
    }

    private static void count(List<Violation> violations, Map<List<String>, int[]> people, int column) {
        for (Violation v : violations) {
            List<String> responsible = v.responsible().isEmpty() ? List.of("") : v.responsible();
            for (String person : responsible) {
                people.computeIfAbsent(List.of(v.site(), person), k -> new int[2])[column]++;
            }
        }
    }

    private static Map<String, Violation> index(List<Violation> violations) {
        Map<String, Violation> map = new LinkedHashMap<>();
        for (Violation v : violations) {
            map.putIfAbsent(key(v), v);
        }
        return map;
    }

    private static String key(Violation v) {
        return v.site() + "\u0000" + v.rule() + "\u0000" + v.subject();
    }

    @Override
    public String toString() {
        return "ViolationDiff[+" + added.size() + " -" + removed.size() + " ~" + changed.size() + "]";
    }
}
