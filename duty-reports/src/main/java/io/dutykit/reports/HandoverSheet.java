package io.dutykit.reports;

import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The handover sheet (交接班记录) of a duty date: every handover whose {@code date} is D — the one
 * starting D's shift and the one ending it — in the order they were scheduled.
 */
public record HandoverSheet(ReportHeader header, LocalDate date, List<Page> handovers) {

    /**
     * One handover.
     *
     * @param arrival the incoming's arrival against the {@code handover.incomingLeadMinutes} mark (4.2.1)
     * @param readiness the outgoing's readiness against the {@code handover.outgoingLeadMinutes} mark (4.2.2)
     * @param discrepantLines inventory lines with something missing or damaged
     * @param missingItems the sum of {@code expected - counted} over lines short of items
     * @param damagedItems the sum of {@code damaged}
     * @param carriedOver the carried-over ids with what they name and whether they are closed by as-of
     * @param signatures the outgoing's and the incoming's signature, in that order, present or not
     * @param contentHash the handover's content hash now, which each signature should carry
     * @param violations the violations whose subject is this handover (or one of its lines)
     */
    public record Page(
            Handover handover,
            Mark arrival,
            Mark readiness,
            List<InventoryLine> inventory,
            int discrepantLines,
            int missingItems,
            int damagedItems,
            List<Anomaly> anomalies,
            List<CarriedItem> carriedOver,
            List<SignatureCheck> signatures,
            String contentHash,
            Instant completedAt,
            List<Violation> violations) {}

    /**
     * When someone was there, against a mark so many minutes before {@code scheduledAt}.
     *
     * @param minutesBefore how many minutes before {@code scheduledAt} (negative when after); null when missing
     */
    public record Mark(Instant at, Double minutesBefore, int requiredMinutes, Punctuality status) {}

    /** Whether a mark was met; exactly on the mark is on time (SPEC section 4). */
    public enum Punctuality {
        ON_TIME,
        LATE,
        MISSING,
        /** Not recorded yet, and the mark is still ahead of as-of. */
        PENDING
    }

    /**
     * A signature the handover needs.
     *
     * @param expectedStaff who should sign in this role: the outgoing or the incoming
     * @param signature the signature in this role, or null when nobody signed
     */
    public record SignatureCheck(
            SignatureRole role, String expectedStaff, Signature signature, Verification verification) {}

    /** Whether a signature is linked to what the handover holds now (SPEC section 8). */
    public enum Verification {
        /** The signature's content hash equals the handover's content hash. */
        VERIFIED,
        /** The handover changed after it was signed, or the signature was made for other content. */
        MISMATCH,
        /** The signature carries no content hash, so nothing links it to the content. */
        NO_HASH,
        /** Signed by someone other than the outgoing or incoming of this handover. */
        WRONG_SIGNER,
        /** Nobody signed in this role (by as-of). */
        MISSING
    }
}
