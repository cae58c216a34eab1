package io.dutykit.core.record;

import io.dutykit.core.Checks;
import java.time.Instant;

/**
 * A telephone call at the service centre. Inbound calls are answered within three rings (4.1.5).
 *
 * @param rings how many rings before it was answered (or before the caller gave up), if known
 * @param staff who answered an inbound call, or who dialled an outbound one
 */
public record Call(
        String id, Instant at, CallLine line, CallDirection direction, Integer rings, boolean answered, String staff) {
    public Call {
        Checks.requiredText(id, "calls[].id");
        Checks.required(at, "calls[].at");
        Checks.required(line, "calls[].line");
        Checks.required(direction, "calls[].direction");
        if (rings != null) {
            Checks.notNegative(rings, "calls[" + id + "].rings");
        }
        staff = Checks.blankToNull(staff);
    }

    public boolean isInbound() {
        return direction == CallDirection.INBOUND;
    }
}
