package io.dutykit.core.record;

import io.dutykit.core.Checks;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.procedure.Refusal;
import java.time.Instant;

/**
 * A telephone call at the service centre. Inbound calls are answered within three rings (4.1.5).
 *
 * @param rings how many rings before it was answered (or before the caller gave up), if known
 * @param staff who answered an inbound call, or who dialled an outbound one
 * @param entry the id of the duty-log entry that records the call (G4), if linked; blank reads as missing
 */
public record Call(
        String id,
        Instant at,
        CallLine line,
        CallDirection direction,
        Integer rings,
        boolean answered,
        String staff,
        String entry) {
    public Call {
        Checks.requiredText(id, "calls[].id");
        Checks.required(at, "calls[].at");
        Checks.required(line, "calls[].line");
        Checks.required(direction, "calls[].direction");
        if (rings != null) {
            Checks.notNegative(rings, "calls[" + id + "].rings");
        }
        staff = Checks.blankToNull(staff);
        entry = Checks.blankToNull(entry);
    }

    /** A call not linked to an entry. */
    public Call(
            String id,
            Instant at,
            CallLine line,
            CallDirection direction,
            Integer rings,
            boolean answered,
            String staff) {
        this(id, at, line, direction, rings, answered, staff, null);
    }

    /** Links the call to the entry that records it (G4); a link, once made, is not changed (4.1.8). */
    public Call linkTo(String entryId) {
        Checks.requiredText(entryId, "entry");
        if (entryId.equals(entry)) {
            return this;
        }
        if (entry != null) {
            throw ProcedureRefusedException.of(Refusal.CALL_ALREADY_LINKED, id, entry);
        }
        return new Call(id, at, line, direction, rings, answered, staff, entryId);
    }

    public boolean isInbound() {
        return direction == CallDirection.INBOUND;
    }
}
