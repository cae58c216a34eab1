package io.dutykit.core.record;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.procedure.Refusal;
import java.time.Duration;
import java.time.Instant;

/** A time the officer was away from the post (4.1.5: stay at the post, never leave it). */
public record Absence(String id, String staff, Instant from, Instant to, String coveredBy, String reason) {
    public Absence {
        Checks.requiredText(id, "absences[].id");
        Checks.requiredText(staff, "absences[].staff");
        Checks.required(from, "absences[].from");
        coveredBy = Checks.blankToNull(coveredBy);
        if (to != null && to.isBefore(from)) {
            throw InvalidValueException.of("to (%s) is before from (%s) for absence %s", to, from, id);
        }
    }

    /** The officer is back at the post. */
    public Absence end(Instant at) {
        if (to != null) {
            throw ProcedureRefusedException.of(Refusal.ABSENCE_ALREADY_ENDED, id, to);
        }
        return new Absence(id, staff, from, Checks.required(at, "to"), coveredBy, reason);
    }

    /** How long the absence lasted, or has lasted by {@code asOf} while it goes on. */
    public Duration lengthAsOf(Instant asOf) {
        Instant end = to != null ? to : asOf;
        return Duration.between(from, end).isNegative() ? Duration.ZERO : Duration.between(from, end);
    }
}
