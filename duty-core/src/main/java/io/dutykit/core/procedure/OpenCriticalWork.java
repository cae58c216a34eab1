package io.dutykit.core.procedure;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The work that blocks a handover (4.2.2), as the default rule {@code
 * HANDOVER_WITH_OPEN_CRITICAL_WORK} defines it: open at the instant, logged or opened before it, and
 * <em>owned</em> by the outgoing just before it (SPEC section 4 "owned", {@link Ownership}: written or
 * reported by them and not handed on since, or carried over to them at an earlier completed handover)
 * — an important entry (not a PATROL, THANKS or CORRECTION record) without a {@code closedAt} at or
 * before it, or a DIFFICULT or MAJOR incident without a {@code resolvedAt} at or before it. Both
 * engines name the blocking items of a refusal with this one definition: entries first, then
 * incidents, each in time order then by id; each reason says how the item came to the outgoing.
 */
public final class OpenCriticalWork {
    private OpenCriticalWork() {}

    /** May the handover complete at {@code at}: allowed, or refused naming each blocking item and why. */
    public static HandoverDecision decide(SiteRecords records, Handover handover, Instant at) {
        String outgoing = handover.outgoing();
        ZoneId zone = records.site().zone();
        // the handovers completed by then decide who owns what; this one passes nothing on before it completes
        Ownership ownership = Ownership.of(records.handovers(), at);
        List<LogEntry> entries = new ArrayList<>();
        for (LogEntry e : records.entries()) {
            if (e.important()
                    && e.at().isBefore(at)
                    && e.isOpenAt(at)
                    && ownership.ownerBefore(e.id(), Ownership.creator(e), at).equals(outgoing)) {
                entries.add(e);
            }
        }
        List<Incident> incidents = new ArrayList<>();
        for (Incident i : records.incidents()) {
            if (i.severity().isCritical()
                    && i.openedAt().isBefore(at)
                    && i.isOpenAt(at)
                    && ownership.ownerBefore(i.id(), Ownership.creator(i), at).equals(outgoing)) {
                incidents.add(i);
            }
        }
        if (entries.isEmpty() && incidents.isEmpty()) {
            return HandoverDecision.allow();
        }
        entries.sort(Comparator.comparing(LogEntry::at).thenComparing(LogEntry::id));
        incidents.sort(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id));
        List<String> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (LogEntry e : entries) {
            ids.add(e.id());
            reasons.add(String.format(
                    "important entry %s (%s, logged %s by %s%s) is still open: close it before handing over (4.2.2)",
                    e.id(),
                    e.kind(),
                    MessageArguments.text(e.at(), zone),
                    e.author(),
                    carried(ownership.lastTransfer(e.id(), at), at)));
        }
        for (Incident i : incidents) {
            ids.add(i.id());
            reasons.add(String.format(
                    "%s incident %s (%s, opened %s by %s%s) is not resolved: resolve it before handing over (4.2.2)",
                    i.severity(),
                    i.id(),
                    i.category(),
                    MessageArguments.text(i.openedAt(), zone),
                    i.reportedBy(),
                    carried(ownership.lastTransfer(i.id(), at), at)));
        }
        return HandoverDecision.refuse(ids, reasons);
    }

    /** ", carried over to X at H" for work passed on before {@code at}, else nothing. */
    private static String carried(Optional<Ownership.Transfer> transfer, Instant at) {
        return transfer.filter(t -> t.at().isBefore(at))
                .map(t -> ", carried over to " + t.to() + " at " + t.handoverId())
                .orElse("");
    }
}
