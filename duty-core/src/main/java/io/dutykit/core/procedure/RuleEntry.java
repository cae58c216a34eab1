package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.check.ViolationSeverity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One rule of the catalogue: its stable id, the clause it enforces, its severity, the keys of its
 * title, message and plain-language description in the bundles {@code
 * io/dutykit/core/check/violations*.properties}, the parameters it reads, and the names of its
 * message arguments in the order the message's {@code {0}}, {@code {1}}… use them. Both engines fill
 * exactly these arguments, in this order.
 *
 * @param clause the clause or clauses, as violations show them: {@code 4.1.4, 4.1.5}
 * @param parameters the keys of the {@link Parameters} the rule reads
 * @param thresholdColumns the columns of the {@link IncidentThresholdTable} the rule reads
 * @param arguments the message arguments' names, e.g. {@code [incoming, rostered]}; for a rule the
 *     catalogue knows only from the compiled rules, empty
 * @param origin whether the rule is a default one as shipped, a default one a company changed, or
 *     one a company added
 */
public record RuleEntry(
        String id,
        String clause,
        ViolationSeverity severity,
        List<String> parameters,
        List<String> thresholdColumns,
        List<String> arguments,
        Origin origin) {

    /** Where the rule comes from. */
    public enum Origin {
        /** A default rule, as shipped. */
        DEFAULT,
        /** A default rule that a company's rules folder replaced or gave another clause or severity. */
        CHANGED,
        /** A rule a company added under an id of its own. */
        ADDED
    }

    public RuleEntry {
        Checks.requiredText(id, "id");
        Checks.requiredText(clause, "clause");
        Checks.required(severity, "severity");
        parameters = Checks.list(parameters);
        thresholdColumns = Checks.list(thresholdColumns);
        arguments = Checks.list(arguments);
        Checks.required(origin, "origin");
    }

    /** The clauses one by one: {@code [4.1.4, 4.1.5]}. */
    public List<String> clauses() {
        return Arrays.stream(clause.split(",")).map(String::strip).toList();
    }

    /** The key of the rule's message, whose placeholders are its {@link #arguments}. */
    public String messageKey() {
        return id;
    }

    /** The key of the rule's short title, e.g. {@code HANDOVER_INCOMING_LATE.title}. */
    public String titleKey() {
        return id + ".title";
    }

    /** The key of the rule's plain-language description (what it checks, for compliance staff). */
    public String descriptionKey() {
        return id + ".description";
    }

    /**
     * The title in the locale (zh or en), if the default bundles have one; a company's texts are read
     * through {@link RuleCatalogue#title}.
     */
    public Optional<String> title(Locale locale) {
        return ViolationMessages.template(titleKey(), locale);
    }

    /**
     * The description in the locale (zh or en), if the default bundles have one; a company's texts are
     * read through {@link RuleCatalogue#description}.
     */
    public Optional<String> description(Locale locale) {
        return ViolationMessages.template(descriptionKey(), locale);
    }

    /** This entry with what the compiled rules say: another clause, severity or origin. */
    public RuleEntry as(String clause, ViolationSeverity severity, Origin origin) {
        return new RuleEntry(id, clause, severity, parameters, thresholdColumns, arguments, origin);
    }
}
