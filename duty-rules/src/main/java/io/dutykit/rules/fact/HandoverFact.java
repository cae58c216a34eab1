package io.dutykit.rules.fact;

import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A handover as it stood at as-of, with its inventory lines, anomalies (numbered from 0), the
 * signatures and the incoming's checks made by as-of; match them with {@code from}, e.g. {@code
 * InventoryLine( damaged > 0 ) from $h.inventory}.
 *
 * @param inventory the lines counted; a line of an item on the site's checklist ({@code
 *     site.inventory}) carries the checklist's {@code expected}, not its own (SPEC section 4.1)
 * @param judged completed, or {@code handover.judgeAfterMinutes} past {@code scheduledAt}, at or
 *     before as-of
 * @param atShiftStart the handover's {@code scheduledAt} is the start of its date's duty shift
 * @param checks the incoming's checks (4.2.1) made by as-of
 * @param checksUntil the end of the window in which a check counts: {@code completedAt}, or when not
 *     completed by as-of its judging time ({@code scheduledAt} + {@code handover.judgeAfterMinutes})
 * @param outgoingSignedAt the earliest signature of the outgoing in role OUTGOING, or null
 * @param incomingSignedAt the earliest signature of the incoming in role INCOMING, or null
 * @param signedAfterCompletion who signed (anyone, any role) after {@code completedAt}, ids sorted;
 *     empty when not completed
 */
public record HandoverFact(
        String id,
        LocalDate date,
        Instant scheduledAt,
        String outgoing,
        String incoming,
        Instant incomingArrivedAt,
        Instant outgoingReadyAt,
        List<String> carriedOver,
        List<InventoryLine> inventory,
        List<AnomalyFact> anomalies,
        List<Signature> signatures,
        Instant completedAt,
        boolean judged,
        boolean inScope,
        boolean atShiftStart,
        List<HandoverCheck> checks,
        Instant checksUntil,
        Instant outgoingSignedAt,
        Instant incomingSignedAt,
        List<String> signedAfterCompletion) {
    public HandoverFact {
        carriedOver = List.copyOf(carriedOver);
        inventory = List.copyOf(inventory);
        anomalies = List.copyOf(anomalies);
        signatures = List.copyOf(signatures);
        checks = List.copyOf(checks);
        signedAfterCompletion = List.copyOf(signedAfterCompletion);
    }

    /**
     * True when the handover carries a signature (made by as-of) of {@code staff} in {@code role},
     * e.g. {@code !signedBy(outgoing, SignatureRole.OUTGOING)}: cheaper than matching {@code
     * Signature( … ) from $h.signatures}, which the engine evaluates as a sub-network per handover.
     */
    public boolean signedBy(String staff, SignatureRole role) {
        for (Signature signature : signatures) {
            if (signature.role() == role && signature.staff().equals(staff)) {
                return true;
            }
        }
        return false;
    }

    /** The instant a violation of this handover is dated: {@code completedAt}, else {@code scheduledAt}. */
    public Instant when() {
        return completedAt != null ? completedAt : scheduledAt;
    }
}
