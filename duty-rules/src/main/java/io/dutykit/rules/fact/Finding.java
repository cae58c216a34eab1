package io.dutykit.rules.fact;

import io.dutykit.core.check.ViolationSeverity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.kie.api.definition.rule.Rule;

/**
 * What a rule inserts when it fires: a violation, with the rule's id, clause and severity read from
 * its {@code @id}, {@code @clause} and {@code @severity} metadata.
 *
 * @param arguments the message arguments ({@code {0}}, {@code {1}}… in violations.properties);
 *     instants are shown in the site's time zone
 */
public record Finding(
        String rule,
        String clause,
        ViolationSeverity severity,
        String subject,
        List<String> responsible,
        LocalDate date,
        Instant at,
        List<Object> arguments) {

    /** The clause shown for a rule that names none. */
    public static final String NO_CLAUSE = "-";

    public Finding {
        responsible = List.copyOf(responsible);
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /**
     * The finding of the firing rule. Responsible people are given in order; blanks and repeats are
     * dropped. Use it in a consequence: {@code insert(Finding.of(drools.getRule(), …))}.
     */
    public static Finding of(
            Rule rule, String subject, List<String> responsible, LocalDate date, Instant at, Object... arguments) {
        Map<String, Object> meta = rule.getMetaData();
        String id = text(meta.get("id"), rule.getName());
        String clause = text(meta.get("clause"), NO_CLAUSE);
        ViolationSeverity severity = severity(text(meta.get("severity"), "WARNING"));
        return new Finding(id, clause, severity, subject, people(responsible), date, at, Arrays.asList(arguments));
    }

    /** A rule's id as its findings report it: its {@code @id}, else its name. */
    public static String idOf(Rule rule) {
        return text(rule.getMetaData().get("id"), rule.getName());
    }

    /** A rule's clause as its findings report it: its {@code @clause}, else {@value #NO_CLAUSE}. */
    public static String clauseOf(Rule rule) {
        return text(rule.getMetaData().get("clause"), NO_CLAUSE);
    }

    /** A rule's severity as its findings report it: its {@code @severity}, else WARNING. */
    public static ViolationSeverity severityOf(Rule rule) {
        return severity(text(rule.getMetaData().get("severity"), "WARNING"));
    }

    /** The people in order, without blanks and repeats. */
    private static List<String> people(List<String> responsible) {
        if (responsible.size() == 1) {
            String person = responsible.get(0);
            return person == null || person.isBlank() ? List.of() : List.of(person);
        }
        LinkedHashSet<String> people = new LinkedHashSet<>();
        for (String person : responsible) {
            if (person != null && !person.isBlank()) {
                people.add(person);
            }
        }
        return List.copyOf(people);
    }

    /** Joins two lists of responsible people, e.g. the reporter and every supervisor reached. */
    public static List<String> people(String first, List<?> more) {
        List<String> all = new ArrayList<>();
        all.add(first);
        for (Object o : more) {
            all.add(String.valueOf(o));
        }
        return all;
    }

    /** The ids sorted, without repeats: e.g. the supervisors reached about an incident, collected unordered. */
    public static List<String> sorted(Collection<?> ids) {
        return ids.stream().map(String::valueOf).distinct().sorted().toList();
    }

    /** The values as one message argument, {@code "li, sun"}; null (shown as {@code -}) when there are none. */
    public static String joined(Collection<?> values) {
        return values.isEmpty() ? null : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** A single responsible person, or nobody when {@code person} is null. */
    public static List<String> person(String person) {
        return person == null ? List.of() : List.of(person);
    }

    static String text(Object value, String fallback) {
        if (value == null) {
            return fallback;
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isBlank() ? fallback : s;
    }

    static ViolationSeverity severity(String value) {
        try {
            return ViolationSeverity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ViolationSeverity.WARNING;
        }
    }
}
