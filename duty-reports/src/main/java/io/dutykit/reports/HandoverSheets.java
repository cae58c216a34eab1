package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.procedure.Ownership;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.reports.HandoverSheet.CheckLine;
import io.dutykit.reports.HandoverSheet.CheckStatus;
import io.dutykit.reports.HandoverSheet.ChecklistLine;
import io.dutykit.reports.HandoverSheet.Checks;
import io.dutykit.reports.HandoverSheet.Count;
import io.dutykit.reports.HandoverSheet.Mark;
import io.dutykit.reports.HandoverSheet.OwnedWork;
import io.dutykit.reports.HandoverSheet.Page;
import io.dutykit.reports.HandoverSheet.Punctuality;
import io.dutykit.reports.HandoverSheet.SignatureCheck;
import io.dutykit.reports.HandoverSheet.Verification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Computes the {@link HandoverSheet} of a duty date from the records. */
final class HandoverSheets {
    private HandoverSheets() {}

    static HandoverSheet compute(ReportRequest request) {
        SiteRecords records = request.records();
        ItemLookup lookup = new ItemLookup(records, request.asOf());
        Readings readings = new Readings(request);
        List<Page> pages = records.handovers().stream()
                .filter(h -> h.date().equals(request.date()))
                .sorted(Comparator.comparing(Handover::scheduledAt).thenComparing(Handover::id))
                .map(h -> page(request, h, lookup, readings))
                .toList();
        return new HandoverSheet(DailyReports.header(request), request.date(), pages);
    }

    static Page page(ReportRequest request, Handover handover, ItemLookup lookup, Readings readings) {
        Instant asOf = request.asOf();
        List<InventoryItem> checklist = request.records().site().inventory();
        int discrepant = 0;
        int missing = 0;
        int damaged = 0;
        List<InventoryLine> extraLines = new ArrayList<>();
        for (InventoryLine line : handover.inventory()) {
            int expected = line.expected();
            var onChecklist = request.records().site().checklistItem(line.item());
            if (onChecklist.isPresent()) {
                expected = onChecklist.get().expected();
            } else {
                extraLines.add(line);
            }
            if (line.counted() < expected || line.damaged() > 0) {
                discrepant++;
            }
            missing += Math.max(0, expected - line.counted());
            damaged += line.damaged();
        }
        List<ChecklistLine> counted = new ArrayList<>();
        for (InventoryItem item : checklist) {
            InventoryLine line = handover.inventory().stream()
                    .filter(l -> l.item().equals(item.item()))
                    .findFirst()
                    .orElse(null);
            Count status;
            if (line == null) {
                status = Count.NOT_COUNTED;
            } else if (line.needsExplanation(item.expected())) {
                status = Count.DISCREPANT_UNEXPLAINED;
            } else if (line.counted() < item.expected() || line.damaged() > 0) {
                status = Count.DISCREPANT_EXPLAINED;
            } else {
                status = Count.COUNTED;
            }
            counted.add(new ChecklistLine(item.item(), item.expected(), line, status));
        }
        String hash = handover.contentHash();
        Instant completed = Minutes.known(handover.completedAt(), asOf);
        Signature outgoing = signatureOf(handover, SignatureRole.OUTGOING, asOf);
        Signature incoming = signatureOf(handover, SignatureRole.INCOMING, asOf);
        List<SignatureCheck> signatures = List.of(
                signature(handover, SignatureRole.OUTGOING, handover.outgoing(), outgoing, incoming, hash, completed),
                signature(handover, SignatureRole.INCOMING, handover.incoming(), incoming, outgoing, hash, completed));
        Instant outgoingSigned = earliest(handover, SignatureRole.OUTGOING, handover.outgoing(), asOf);
        Instant incomingSigned = earliest(handover, SignatureRole.INCOMING, handover.incoming(), asOf);
        boolean incomingFirst =
                outgoingSigned != null && incomingSigned != null && incomingSigned.isBefore(outgoingSigned);
        Set<String> late = new TreeSet<>();
        if (completed != null) {
            handover.signatures().stream()
                    .filter(sig -> sig.at().isAfter(completed) && !sig.at().isAfter(asOf))
                    .forEach(sig -> late.add(sig.staff()));
        }
        List<Violation> violations = request.siteViolations().stream()
                .filter(v -> DailyReports.concerns(v, handover))
                .sorted(Violation.REPORT_ORDER)
                .toList();
        Instant passedOn = DailyReports.passedOnAt(handover, asOf);
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
                        .map(id -> lookup.of(id, passedOn))
                        .toList(),
                signatures,
                hash,
                completed,
                violations,
                List.copyOf(counted),
                List.copyOf(extraLines),
                checks(request, handover, readings),
                outgoingWork(request.records(), handover, lookup, passedOn, asOf),
                incomingFirst,
                List.copyOf(late));
    }

    /** The incoming's checks against {@code handover.requiredChecks} and the window the rule reads (4.2.1). */
    static Checks checks(ReportRequest request, Handover handover, Readings readings) {
        Instant asOf = request.asOf();
        List<String> required = List.copyOf(request.parameters().get(Parameters.REQUIRED_CHECKS));
        Instant from = handover.scheduledAt().minus(request.parameters().get(Parameters.CHECKS_LEAD));
        Instant until = readings.judgedAt(handover);
        boolean closed = !until.isAfter(asOf);
        List<HandoverCheck> known =
                handover.checks().stream().filter(c -> !c.at().isAfter(asOf)).toList();
        List<CheckLine> lines = new ArrayList<>();
        for (String code : required) {
            List<HandoverCheck> recorded =
                    known.stream().filter(c -> c.check().equals(code)).toList();
            List<HandoverCheck> byIncoming = recorded.stream()
                    .filter(c -> c.by().equals(handover.incoming()))
                    .toList();
            HandoverCheck done = byIncoming.stream()
                    .filter(c -> !c.at().isBefore(from) && !c.at().isAfter(until))
                    .findFirst()
                    .orElse(null);
            HandoverCheck any = recorded.isEmpty() ? null : recorded.get(0);
            if (done != null) {
                lines.add(new CheckLine(code, true, done, CheckStatus.DONE));
            } else if (!closed) {
                lines.add(new CheckLine(code, true, any, CheckStatus.PENDING));
            } else if (!byIncoming.isEmpty()) {
                lines.add(new CheckLine(code, true, byIncoming.get(0), CheckStatus.OUTSIDE_WINDOW));
            } else if (any != null) {
                lines.add(new CheckLine(code, true, any, CheckStatus.BY_SOMEONE_ELSE));
            } else {
                lines.add(new CheckLine(code, true, null, CheckStatus.MISSING));
            }
        }
        known.stream()
                .filter(c -> !required.contains(c.check()))
                .forEach(c -> lines.add(new CheckLine(c.check(), false, c, CheckStatus.NOT_REQUIRED)));
        return new Checks(from, until, closed, List.copyOf(lines));
    }

    /**
     * The open work the outgoing owned just before {@code at} (the completion, or as-of while not
     * completed), SPEC section 4 "owned": entries that can be open work and incidents recorded before it,
     * open at it, whose owner just before it was the outgoing. In time order.
     */
    static List<OwnedWork> outgoingWork(
            SiteRecords records, Handover handover, ItemLookup lookup, Instant at, Instant asOf) {
        String outgoing = handover.outgoing();
        List<OwnedWork> work = new ArrayList<>();
        for (LogEntry e : records.entries()) {
            if (e.isWork()
                    && e.at().isBefore(at)
                    && !e.at().isAfter(asOf)
                    && e.isOpenAt(at)
                    && lookup.ownership()
                            .ownerBefore(e.id(), Ownership.creator(e), at)
                            .equals(outgoing)) {
                work.add(new OwnedWork(
                        lookup.of(e, at), e.important(), handover.carriedOver().contains(e.id())));
            }
        }
        for (Incident i : records.incidents()) {
            if (i.openedAt().isBefore(at)
                    && !i.openedAt().isAfter(asOf)
                    && i.isOpenAt(at)
                    && lookup.ownership()
                            .ownerBefore(i.id(), Ownership.creator(i), at)
                            .equals(outgoing)) {
                work.add(new OwnedWork(
                        lookup.of(i, at),
                        i.severity().isCritical(),
                        handover.carriedOver().contains(i.id())));
            }
        }
        work.sort(Comparator.comparing((OwnedWork w) -> w.item().since())
                .thenComparing(w -> w.item().id()));
        return List.copyOf(work);
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

    /** The first signature in the role made by as-of, whoever made it. */
    private static Signature signatureOf(Handover handover, SignatureRole role, Instant asOf) {
        return handover.signatures().stream()
                .filter(s -> s.role() == role && !s.at().isAfter(asOf))
                .findFirst()
                .orElse(null);
    }

    /** The earliest signature by the person in the role made by as-of (as HANDOVER_SIGNATURE_ORDER reads it). */
    private static Instant earliest(Handover handover, SignatureRole role, String staff, Instant asOf) {
        return handover.signatures().stream()
                .filter(s -> s.role() == role && s.staff().equals(staff) && !s.at().isAfter(asOf))
                .map(Signature::at)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static SignatureCheck signature(
            Handover handover,
            SignatureRole role,
            String expected,
            Signature signature,
            Signature other,
            String hash,
            Instant completed) {
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
        Integer order = signature == null ? null : other != null && other.at().isBefore(signature.at()) ? 2 : 1;
        boolean afterCompletion =
                signature != null && completed != null && signature.at().isAfter(completed);
        return new SignatureCheck(role, expected, signature, verification, order, afterCompletion);
    }
}
