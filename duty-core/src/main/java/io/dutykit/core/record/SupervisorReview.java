package io.dutykit.core.record;

import io.dutykit.core.Checks;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The supervisor's check and signature of the duty log of a duty date, each working morning (4.3).
 *
 * @param logHead the chain head of the site's log that the supervisor signed (SPEC section 8), so a
 *     rewrite or truncation of the log is detectable against it
 */
public record SupervisorReview(LocalDate date, String supervisor, Instant at, String logHead) {
    public SupervisorReview {
        Checks.required(date, "reviews[].date");
        Checks.requiredText(supervisor, "reviews[].supervisor");
        Checks.required(at, "reviews[].at");
        logHead = Checks.blankToNull(logHead);
    }

    /** Reviews are identified by duty date and supervisor. */
    public String key() {
        return date + "/" + supervisor;
    }
}
