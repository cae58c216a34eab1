package io.dutykit.core.port;

import io.dutykit.core.handover.Handover;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Stores handovers; the key is the handover id. At most one handover exists per site, duty date and
 * scheduled instant: of two officers taking over the same shift at once, exactly one save succeeds.
 */
public interface HandoverStore extends RecordStore<Handover> {

    Optional<Handover> findScheduled(String siteId, LocalDate date, Instant scheduledAt);
}
