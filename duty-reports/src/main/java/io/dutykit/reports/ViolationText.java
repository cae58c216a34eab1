package io.dutykit.reports;

import io.dutykit.core.check.Violation;

/** What a report says about one violation, in the report's language. */
final class ViolationText {
    private ViolationText() {}

    /** The rule's short title, e.g. "Incoming officer late" for {@code HANDOVER_INCOMING_LATE}. */
    static String title(Messages messages, String rule) {
        return messages.textOr("rule." + rule, rule);
    }

    /** The violation's message: the rule's title and the record it is about. */
    static String message(Messages messages, Violation violation) {
        return messages.text("violation.message", title(messages, violation.rule()), violation.subject());
    }

    static String severity(Messages messages, Violation violation) {
        return messages.text("severity." + violation.severity().name());
    }
}
