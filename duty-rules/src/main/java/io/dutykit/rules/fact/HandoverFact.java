package io.dutykit.rules.fact;

import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A handover as it stood at as-of, with its inventory lines, anomalies (numbered from 0) and the
 * signatures made by as-of; match them with {@code from}, e.g. {@code InventoryLine( damaged > 0 )
 * from $h.inventory}.
 *
 * @param judged completed, or {@code handover.judgeAfterMinutes} past {@code scheduledAt}, at or
 *     before as-of
 * @param atShiftStart the handover's {@code scheduledAt} is the start of its date's duty shift
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
        boolean atShiftStart) {
    public HandoverFact {
        carriedOver = List.copyOf(carriedOver);
        inventory = List.copyOf(inventory);
        anomalies = List.copyOf(anomalies);
        signatures = List.copyOf(signatures);
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
