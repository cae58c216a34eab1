package io.dutykit.core.handover;

import io.dutykit.core.Checks;
import java.time.Instant;

/**
 * A check the incoming officer made before taking over (4.2.1, G2, 4.1.5): read the previous shift's
 * log, inspected the area, systems running, communication equipment working — a free upper-case code
 * such as {@code LOG_READ}, who made it and when.
 */
public record HandoverCheck(String check, String by, Instant at) {
    public HandoverCheck {
        Checks.code(check, "checks[].check");
        Checks.requiredText(by, "checks[" + check + "].by");
        Checks.required(at, "checks[" + check + "].at");
    }
}
