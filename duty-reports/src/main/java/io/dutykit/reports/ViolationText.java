package io.dutykit.reports;

import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationMessages;

/** What a report says about one violation, in the report's language. */
final class ViolationText {
    private ViolationText() {}

    /**
     * The rule's short title from the rule catalogue's bundles (e.g. "Incoming officer late" for
     * {@code HANDOVER_INCOMING_LATE}), or its id for a rule without one.
     */
    static String title(Messages messages, String rule) {
        return messages.rules().title(rule, messages.locale());
    }

    /**
     * The violation's sentence from the rules' texts ({@link ViolationMessages}: the defaults and a
     * company's); when the violation carries too few arguments to fill its template in, the rule's title
     * and the record it is about.
     */
    static String message(Messages messages, Violation violation) {
        var template = messages.rules().text(violation.messageKey(), messages.locale());
        if (template.isEmpty()
                || placeholders(template.get()) <= violation.arguments().size()) {
            // no template: the rules' texts give the title and the values the rule passed, never nothing
            return messages.rules().message(violation, messages.locale());
        }
        return messages.text("violation.message", title(messages, violation.rule()), violation.subject());
    }

    static String severity(Messages messages, Violation violation) {
        return messages.text("severity." + violation.severity().name());
    }

    /** How many arguments the template uses: one more than its highest {@code {n}}. */
    private static int placeholders(String template) {
        int highest = -1;
        var matcher = java.util.regex.Pattern.compile("\\{(\\d+)").matcher(template);
        while (matcher.find()) {
            highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
        return highest + 1;
    }
}
