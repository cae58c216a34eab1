package io.dutykit.core.port;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.LogRecord;
import java.util.List;
import java.util.Optional;

/** Reads a site's chained duty log (SPEC section 8), and tells listeners when it grew. */
public interface DutyLogReader {

    /** The site's log records in chain order. */
    List<LogRecord> records(String siteId);

    /** The hash of the last record, the value a supervisor signs at the daily review. */
    Optional<String> head(String siteId);

    /**
     * Tails the site's log: its records with a seq greater than {@code afterSeq}, in seq order, at most
     * {@code limit} of them; empty when there are none yet. Records are visible only once their
     * transaction committed, and always as an unbroken run of seqs, so a consumer that reads on from the
     * last seq it handled — also after a restart — misses none and sees none twice. {@code afterSeq} 0
     * reads from the start. This default reads the whole log; the JDBC and in-memory stores read only the
     * slice.
     *
     * @throws InvalidValueException when {@code afterSeq} is negative or {@code limit} is not positive
     */
    default List<LogRecord> records(String siteId, long afterSeq, int limit) {
        checkTail(siteId, afterSeq, limit);
        return records(siteId).stream()
                .filter(r -> r.seq() > afterSeq)
                .limit(limit)
                .toList();
    }

    /**
     * Registers a listener called after each transaction that appended to a site's log committed, with
     * the site, the seqs appended and the kinds of record changed; never for a call that was rolled back,
     * refused or lost a race. It runs on a thread of the store, not the caller's: see {@link ChangeFeed}
     * for the threading, docs/embedding.md "Events and tailing" for an outbox built on it.
     *
     * @return closing it removes the listener
     * @throws UnsupportedOperationException when this store publishes no changes (the JDBC and in-memory
     *     stores do)
     */
    default ChangeFeed.Subscription subscribe(ChangeListener listener) {
        throw new UnsupportedOperationException(getClass().getName()
                + " publishes no changes; tail the log with records(siteId, afterSeq, limit) instead");
    }

    /** The checks of {@link #records(String, long, int)}'s arguments, for every implementation. */
    static void checkTail(String siteId, long afterSeq, int limit) {
        Checks.requiredText(siteId, "siteId");
        if (afterSeq < 0) {
            throw InvalidValueException.of(
                    "afterSeq (%s) must be 0 or more: the last seq you read, 0 for none", afterSeq);
        }
        if (limit < 1) {
            throw InvalidValueException.of("limit (%s) must be 1 or more, e.g. 500", limit);
        }
    }
}
