package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.reports.HandoverSheet.Mark;
import io.dutykit.reports.HandoverSheet.Page;
import io.dutykit.reports.HandoverSheet.Punctuality;
import io.dutykit.reports.HandoverSheet.SignatureCheck;
import io.dutykit.reports.HandoverSheet.Verification;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Computes the {@link HandoverSheet} of a duty date from the records. */
final class HandoverSheets {
    private HandoverSheets() {}

    static HandoverSheet compute(ReportRequest request) {
        SiteRecords records = request.records();
        List<Page> pages = records.handovers().stream()
                .filter(h -> h.date().equals(request.date()))
                .sorted(Comparator.comparing(Handover::scheduledAt).thenComparing(Handover::id))
                .map(h -> page(request, h))
                .toList();
        return new HandoverSheet(DailyReports.header(request), request.date(), pages);
    }

    static Page page(ReportRequest request, Handover handover) {
        Instant asOf = request.asOf();
        int discrepant = 0;
        int missing = 0;
        int damaged = 0;
        for (InventoryLine line : handover.inventory()) {
            if (line.isDiscrepant()) {
                discrepant++;
            }
            missing += line.missing();
            damaged += line.damaged();
        }
        String hash = handover.contentHash();
        List<SignatureCheck> signatures = List.of(
                signature(handover, SignatureRole.OUTGOING, handover.outgoing(), hash, asOf),
                signature(handover, SignatureRole.INCOMING, handover.incoming(), hash, asOf));
        List<Violation> violations = request.siteViolations().stream()
                .filter(v -> DailyReports.concerns(v, handover))
                .sorted(Violation.REPORT_ORDER)
                .toList();
        return new Page(
                handover,
                mark(
                        handover.scheduledAt(),
                        Minutes.known(handover.incomingArrivedAt(), asOf),
                        request.minutes(Parameters.INCOMING_LEAD),
                        asOf),
                mark(
                        handover.scheduledAt(),
                        Minutes.known(handover.outgoingReadyAt(), asOf),
                        request.minutes(Parameters.OUTGOING_LEAD),
                        asOf),
                handover.inventory(),
                discrepant,
                missing,
                damaged,
                handover.anomalies(),
                handover.carriedOver().stream()
                        .map(id -> ItemLookup.of(request.records(), id, asOf))
                        .toList(),
                signatures,
                hash,
                Minutes.known(handover.completedAt(), asOf),
                violations);
    }

    /** On time when {@code at} is at or before {@code scheduledAt - leadMinutes}. */
    static Mark mark(Instant scheduledAt, Instant at, int leadMinutes, Instant asOf) {
        Instant deadline = scheduledAt.minusSeconds(60L * leadMinutes);
        if (at == null) {
            return new Mark(
                    null, null, leadMinutes, asOf.isBefore(deadline) ? Punctuality.PENDING : Punctuality.MISSING);
        }
        boolean onTime = !at.isAfter(deadline);
        return new Mark(
                at, Minutes.between(at, scheduledAt), leadMinutes, onTime ? Punctuality.ON_TIME : Punctuality.LATE);
    }

    private static SignatureCheck signature(
            Handover handover, SignatureRole role, String expected, String hash, Instant asOf) {
        Signature signature = handover.signatures().stream()
                .filter(s -> s.role() == role && !s.at().isAfter(asOf))
                .findFirst()
                .orElse(null);
        Verification verification;
        if (signature == null) {
            verification = Verification.MISSING;
        } else if (!signature.staff().equals(expected)) {
            verification = Verification.WRONG_SIGNER;
        } else if (signature.contentHash() == null) {
            verification = Verification.NO_HASH;
        } else {
            verification = signature.contentHash().equals(hash) ? Verification.VERIFIED : Verification.MISMATCH;
        }
        return new SignatureCheck(role, expected, signature, verification);
    }
}
