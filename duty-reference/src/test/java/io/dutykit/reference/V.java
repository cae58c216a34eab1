package io.dutykit.reference;

import io.dutykit.core.check.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a rule test compares: rule, subject, responsible, date and at of a violation. */
record V(String rule, String subject, List<String> responsible, LocalDate date, Instant at) {

    static V of(Violation v) {
        return new V(v.rule(), v.subject(), v.responsible(), v.date(), v.at());
    }

    static V v(String rule, String subject, List<String> responsible, String date, Instant at) {
        return new V(rule, subject, responsible, LocalDate.parse(date), at);
    }

    static List<V> of(List<Violation> violations) {
        return violations.stream().map(V::of).toList();
    }
}
