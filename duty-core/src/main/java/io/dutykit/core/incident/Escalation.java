package io.dutykit.core.incident;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import java.time.Instant;

/**
 * A report of an incident to someone above the duty officer (4.1.5, 4.1.7). It counts as made at
 * {@code at} whether or not the person was reached.
 *
 * @param decision what the supervisor decided (4.1.5), if recorded
 * @param onSiteAt when the person came back on site (4.1.7), if they did
 * @param decidedAt when the decision was recorded; only with a non-blank decision
 */
public record Escalation(String to, Instant at, boolean reached, String decision, Instant onSiteAt, Instant decidedAt) {
    public Escalation {
        Checks.requiredText(to, "escalations[].to");
        Checks.required(at, "escalations[].at");
        if (decidedAt != null && Checks.isBlank(decision)) {
            throw InvalidValueException.of(
                    "escalation to %s at %s has decidedAt (%s) but no decision; record the decision with it",
                    to, at, decidedAt);
        }
    }

    /** An escalation without a recorded decision time. */
    public Escalation(String to, Instant at, boolean reached, String decision, Instant onSiteAt) {
        this(to, at, reached, decision, onSiteAt, null);
    }

    public static Escalation of(String to, Instant at, boolean reached) {
        return new Escalation(to, at, reached, null, null, null);
    }

    /** True when a non-blank decision is recorded. */
    public boolean hasDecision() {
        return !Checks.isBlank(decision);
    }

    /** This escalation with the decision the person reached recorded at {@code at} (4.1.5). */
    public Escalation withDecision(String text, Instant when) {
        Checks.requiredText(text, "decision");
        return new Escalation(to, at, reached, text, onSiteAt, Checks.required(when, "decidedAt"));
    }

    /** This escalation with the person back on site at {@code when} (4.1.7). */
    public Escalation withOnSite(Instant when) {
        return new Escalation(to, at, reached, decision, Checks.required(when, "onSiteAt"), decidedAt);
    }
}
