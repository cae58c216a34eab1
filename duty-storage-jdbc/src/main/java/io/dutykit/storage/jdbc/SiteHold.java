package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.ChainBreak;
import java.time.Instant;

/**
 * A site held because its chain was found broken (SPEC 8.1): while a hold is active ({@link
 * #isActive()}) every append to the site is refused with {@code ChainBrokenException}. Released holds
 * stay, as the record of who released which break, when and why (docs/storage.md, "A broken chain stops
 * writes").
 *
 * @param foundBy {@code verify} (verification, the health check) or {@code append} (an append that
 *     re-hashed the last record)
 * @param releasedAt null while the hold is active
 */
public record SiteHold(
        String siteId,
        Instant heldAt,
        String foundBy,
        ChainBreak firstBreak,
        Instant releasedAt,
        String releasedBy,
        String releaseReason) {

    public boolean isActive() {
        return releasedAt == null;
    }

    /** Whether the hold is about this break: the same record and problem. */
    boolean isAbout(ChainBreak other) {
        return java.util.Objects.equals(firstBreak.seq(), other.seq())
                && java.util.Objects.equals(firstBreak.recordId(), other.recordId())
                && firstBreak.problem() == other.problem();
    }
}
