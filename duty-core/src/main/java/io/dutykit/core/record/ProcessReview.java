package io.dutykit.core.record;

import io.dutykit.core.Checks;
import java.time.Instant;
import java.time.YearMonth;

/** The monthly review of the duty process (G5). */
public record ProcessReview(YearMonth month, Instant heldAt, String findings) {
    public ProcessReview {
        Checks.required(month, "processReviews[].month");
        Checks.required(heldAt, "processReviews[].heldAt");
    }
}
