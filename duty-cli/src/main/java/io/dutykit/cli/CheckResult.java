package io.dutykit.cli;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import java.time.Instant;
import java.util.List;

/** What one site's check found, ready to be written in any output format. */
record CheckResult(String site, CheckPeriod period, Instant asOf, List<Violation> violations) {
    CheckResult {
        violations = List.copyOf(violations);
    }
}
