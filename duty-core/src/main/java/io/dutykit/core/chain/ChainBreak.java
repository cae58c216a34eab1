package io.dutykit.core.chain;

import io.dutykit.core.Checks;

/**
 * The first place where a site's duty log does not verify (SPEC section 8).
 *
 * @param seq the sequence number of the log record that does not verify, or null when the break is a
 *     list item that no log record wrote
 * @param recordId the id of that log record, or the key of the list item that no log record wrote
 * @param problem what is wrong
 * @param message what is wrong, in words, naming the record and what to look at next
 */
public record ChainBreak(Long seq, String recordId, Problem problem, String message) {

    /** What kind of break verification found. */
    public enum Problem {
        /** A sequence number is not the one expected: a record was removed, inserted or reordered. */
        SEQ_GAP,
        /** A record does not chain from the hash of the record before it. */
        PREV_HASH_MISMATCH,
        /** A record's stored hash is not the hash of its content: it was altered. */
        HASH_MISMATCH,
        /** The log starts after seq 1 but no checkpoint record names where it continues from. */
        CHECKPOINT_MISSING,
        /** A record's type or data cannot be read as the record it claims to be. */
        MALFORMED,
        /** A signed handover's content no longer matches the hash its signatures carry. */
        SIGNATURE_MISMATCH,
        /** A list (entries, handovers, …) disagrees with the state the log rebuilds. */
        LIST_DISAGREES,
        /** A chain head signed outside the database (a review's logHead) is not in the chain. */
        ANCHOR_NOT_FOUND
    }

    public ChainBreak {
        Checks.required(problem, "problem");
    }

    @Override
    public String toString() {
        return (seq == null ? "" : "log record " + seq + " ") + "(" + recordId + "): " + problem + ": " + message;
    }
}
