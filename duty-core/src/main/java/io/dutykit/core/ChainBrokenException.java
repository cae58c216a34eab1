package io.dutykit.core;

import io.dutykit.core.chain.ChainBreak;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A site's duty log does not verify, so nothing more is appended to it (SPEC 8.1: "a broken chain stops
 * writes"; clause 4.1.8: no record altered): either the append itself found that the last stored record
 * no longer hashes to the stored head, or the site is held since verification found a break further
 * back. Nothing was written. Appends stay refused until an operator acts (docs/storage.md, "A broken
 * chain stops writes"); the command line exits 3.
 */
public final class ChainBrokenException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    private final String siteId;
    private final ChainBreak firstBreak;
    private final Instant heldSince;

    /**
     * @param heldSince when the site was held (by verification or an earlier append), or null when this
     *     append found the break
     */
    public ChainBrokenException(String siteId, ChainBreak firstBreak, Instant heldSince) {
        super(message(siteId, firstBreak, heldSince));
        this.siteId = Objects.requireNonNull(siteId, "siteId");
        this.firstBreak = Objects.requireNonNull(firstBreak, "firstBreak");
        this.heldSince = heldSince;
    }

    private static String message(String siteId, ChainBreak firstBreak, Instant heldSince) {
        String where = firstBreak.seq() == null
                ? "record " + firstBreak.recordId()
                : "log record " + firstBreak.recordId() + " (seq " + firstBreak.seq() + ")";
        return "the duty log of site " + siteId + " does not verify at " + where + ": " + firstBreak.problem() + ": "
                + firstBreak.message() + (heldSince == null ? "" : "; the site is held since " + heldSince)
                + ". Nothing was written, and nothing more is appended until an operator has looked at it:"
                + " restore the database from a backup taken before the damage, or release the hold once the"
                + " break is understood (duty hold release; docs/storage.md, \"A broken chain stops writes\")";
    }

    public String siteId() {
        return siteId;
    }

    /** The first record that does not verify. */
    public ChainBreak firstBreak() {
        return firstBreak;
    }

    /** When the site was held, if it already was before this call; empty when this append found the break. */
    public Optional<Instant> heldSince() {
        return Optional.ofNullable(heldSince);
    }
}
