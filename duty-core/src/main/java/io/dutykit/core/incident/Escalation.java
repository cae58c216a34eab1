package io.dutykit.core.incident;

import io.dutykit.core.Checks;
import java.time.Instant;

/**
 * A report of an incident to someone above the duty officer (4.1.5, 4.1.7). It counts as made at
 * {@code at} whether or not the person was reached.
 *
 * @param decision what the supervisor decided (4.1.5), if recorded
 * @param onSiteAt when the person came back on site (4.1.7), if they did
 */
public record Escalation(String to, Instant at, boolean reached, String decision, Instant onSiteAt) {
    public Escalation {
        Checks.requiredText(to, "escalations[].to");
        Checks.required(at, "escalations[].at");
    }

    public static Escalation of(String to, Instant at, boolean reached) {
        return new Escalation(to, at, reached, null, null);
    }
}
