package io.dutykit.core.check;

import io.dutykit.core.Checks;
import java.time.Instant;
import java.util.List;

/**
 * A deadline coming up that nobody has met yet: what, about which record, by when, and who should act.
 *
 * @param rule the rule that fires if the deadline passes
 */
public record DueItem(
        DueKind kind, String rule, String clause, String subject, Instant deadline, List<String> responsible) {
    public DueItem {
        Checks.required(kind, "kind");
        Checks.requiredText(subject, "subject");
        Checks.required(deadline, "deadline");
        responsible = Checks.list(responsible);
    }
}
