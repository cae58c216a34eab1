package io.dutykit.reports;

import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
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
     * @param checklist the site's checklist of public items, each against this count (4.2.1: count all
     *     items); empty when the site keeps no checklist
     * @param extraLines inventory lines of items not on the checklist (every line, without a checklist)
     * @param checks the incoming's checks before taking over (4.2.1), against {@code
     *     handover.requiredChecks}
     * @param outgoingWork the open work the outgoing owned just before completion (or, not completed, as
     *     of the report): what they had to finish or hand on (SPEC section 4 "owned")
     * @param incomingFirst whether the incoming signed strictly before the outgoing
     * @param signedAfterCompletion who signed after the handover was completed (by as-of), by id
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
            List<Violation> violations,
            List<ChecklistLine> checklist,
            List<InventoryLine> extraLines,
            Checks checks,
            List<OwnedWork> outgoingWork,
            boolean incomingFirst,
            List<String> signedAfterCompletion) {}

    /**
     * One item of the site's checklist and its line in the count.
     *
     * @param expected how many the checklist says the post holds (it wins over the line's own {@code expected})
     * @param line the line counted, or null when the item was not counted
     */
    public record ChecklistLine(String item, int expected, InventoryLine line, Count status) {}

    /** How a checklist item was counted, against the checklist's {@code expected}. */
    public enum Count {
        COUNTED,
        DISCREPANT_EXPLAINED,
        DISCREPANT_UNEXPLAINED,
        NOT_COUNTED
    }

    /**
     * The incoming's checks: each required one, and any other recorded, with whether it counts.
     *
     * @param from the window's start: {@code scheduledAt − handover.checksLeadMinutes}
     * @param until its end: the completion, or the judging time while the handover is not completed
     * @param closed whether the window had closed by as-of
     */
    public record Checks(Instant from, Instant until, boolean closed, List<CheckLine> lines) {}

    /**
     * One check.
     *
     * @param recorded the check as recorded (the one that counts when there is one), or null
     */
    public record CheckLine(String check, boolean required, HandoverCheck recorded, CheckStatus status) {}

    /** Whether a check counts for the incoming (HANDOVER_CHECKS_MISSING). */
    public enum CheckStatus {
        /** By the incoming, inside the window. */
        DONE,
        /** By the incoming, but outside the window. */
        OUTSIDE_WINDOW,
        /** Recorded by someone other than the incoming. */
        BY_SOMEONE_ELSE,
        MISSING,
        /** Not done yet while the window is still open. */
        PENDING,
        /** A check recorded that {@code handover.requiredChecks} does not ask for. */
        NOT_REQUIRED
    }

    /**
     * Work the outgoing owned at the handover.
     *
     * @param critical an important entry or a DIFFICULT or MAJOR incident: to be finished, never handed on
     * @param carried whether this handover carries it over
     */
    public record OwnedWork(CarriedItem item, boolean critical, boolean carried) {}

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
     * @param order 1 for the first of the two signatures, 2 for the second (both 1 when at the same
     *     instant); null when not signed
     * @param afterCompletion whether it was made after the handover was completed
     */
    public record SignatureCheck(
            SignatureRole role,
            String expectedStaff,
            Signature signature,
            Verification verification,
            Integer order,
            boolean afterCompletion) {}

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
