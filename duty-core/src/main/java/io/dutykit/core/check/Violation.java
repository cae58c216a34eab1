package io.dutykit.core.check;

import io.dutykit.core.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A breach of the procedure found by a check (SPEC section 4).
 *
 * @param site the site the violation was found at
 * @param rule the stable rule id, e.g. {@code HANDOVER_INCOMING_LATE}
 * @param clause the clause of the procedure, e.g. {@code 4.2.1}
 * @param subject the id of the record the violation is about (a handover id, a duty date, …)
 * @param responsible the staff ids responsible, possibly empty when nobody fits
 * @param date the subject's duty date (for a month or quarter, its first day)
 * @param at the instant the rule was broken (a deadline, or the offending record's instant); null
 *     when there is none
 * @param messageKey the key of the message in the message bundles (the rule id for the default rules)
 * @param arguments the message's arguments, already formatted as text
 */
public record Violation(
        String site,
        String rule,
        String clause,
        ViolationSeverity severity,
        String subject,
        List<String> responsible,
        LocalDate date,
        Instant at,
        String messageKey,
        List<String> arguments) {

    /** The order of SPEC section 7: site, date, rule id, then subject. */
    public static final Comparator<Violation> REPORT_ORDER = Comparator.comparing(Violation::site)
            .thenComparing(Violation::date, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Violation::rule)
            .thenComparing(Violation::subject);

    public Violation {
        Checks.requiredText(site, "site");
        Checks.requiredText(rule, "rule");
        Checks.requiredText(clause, "clause");
        Checks.required(severity, "severity");
        Checks.requiredText(subject, "subject");
        responsible = Checks.list(responsible);
        messageKey = messageKey == null ? rule : messageKey;
        arguments = Checks.list(arguments);
    }
}
