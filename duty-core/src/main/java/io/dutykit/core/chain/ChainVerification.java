package io.dutykit.core.chain;

import java.util.Optional;

/**
 * The outcome of verifying a site's duty log.
 *
 * @param records how many log records were checked
 * @param head the hash of the last record (the value a supervisor signs), or null for an empty log
 * @param firstBreak the first record that does not verify, or null when everything verifies
 */
public record ChainVerification(long records, String head, ChainBreak firstBreak) {

    /** A verification that found nothing wrong. */
    public static ChainVerification intact(long records, String head) {
        return new ChainVerification(records, head, null);
    }

    /** A verification that found {@code firstBreak}. */
    public static ChainVerification broken(long records, String head, ChainBreak firstBreak) {
        return new ChainVerification(records, head, firstBreak);
    }

    /** True when every record chains, every hash matches and the lists agree with the log. */
    public boolean isIntact() {
        return firstBreak == null;
    }

    public Optional<ChainBreak> breakFound() {
        return Optional.ofNullable(firstBreak);
    }

    /** One line for people: "intact: N records, head H" or the first break. */
    public String describe() {
        return isIntact() ? "intact: " + records + " log records, head " + head : "broken at " + firstBreak;
    }
}
