package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A handover as it stood at as-of. Its inventory lines, anomalies and signatures are separate facts
 * ({@link InventoryFact}, {@link AnomalyFact}, {@link SignatureFact}) linked by {@code handoverId}.
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
        Instant completedAt,
        boolean judged,
        boolean inScope,
        boolean atShiftStart) {
    public HandoverFact {
        carriedOver = List.copyOf(carriedOver);
    }

    /** The instant a violation of this handover is dated: {@code completedAt}, else {@code scheduledAt}. */
    public Instant when() {
        return completedAt != null ? completedAt : scheduledAt;
    }
}
