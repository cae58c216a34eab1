package io.dutykit.core.record;

import io.dutykit.core.Checks;
import java.time.Instant;
import java.time.LocalDate;

/** A supervisor's spot check of duty (3.1). */
public record SpotCheck(LocalDate date, String supervisor, Instant at, String findings) {
    public SpotCheck {
        Checks.required(date, "spotChecks[].date");
        Checks.requiredText(supervisor, "spotChecks[].supervisor");
        Checks.required(at, "spotChecks[].at");
    }

    public String key() {
        return date + "/" + supervisor + "/" + at;
    }
}
