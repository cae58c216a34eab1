package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The live decision "may this handover complete now?" (4.2.2), in plain Java so it answers in
 * microseconds. It applies exactly the definition of the DRL rule {@code
 * HANDOVER_WITH_OPEN_CRITICAL_WORK} (handover.drl): open work of the outgoing that counts at the
 * instant — an important entry they authored (not a PATROL, THANKS or CORRECTION record) without a
 * {@code closedAt} at or before it, or a DIFFICULT or MAJOR incident they reported without a {@code
 * resolvedAt} at or before it, logged or opened before the instant. A test checks the two agree.
 */
final class CompletionCheck {
    private CompletionCheck() {}

    static HandoverDecision decide(SiteRecords records, Handover handover, Instant at, ZoneId zone) {
        String outgoing = handover.outgoing();
        List<String> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (LogEntry e : records.entries()) {
            if (e.author().equals(outgoing) && e.important() && e.at().isBefore(at) && e.isOpenAt(at)) {
                ids.add(e.id());
                reasons.add(String.format(
                        "important entry %s (%s, logged %s by %s) is still open: close it before handing over (4.2.2)",
                        e.id(), e.kind(), DroolsProcedureRules.text(e.at(), zone), outgoing));
            }
        }
        for (Incident i : records.incidents()) {
            if (i.reportedBy().equals(outgoing)
                    && i.severity().isCritical()
                    && i.openedAt().isBefore(at)
                    && i.isOpenAt(at)) {
                ids.add(i.id());
                reasons.add(String.format(
                        "%s incident %s (%s, opened %s by %s) is not resolved: resolve it before handing over (4.2.2)",
                        i.severity(), i.id(), i.category(), DroolsProcedureRules.text(i.openedAt(), zone), outgoing));
            }
        }
        return ids.isEmpty() ? HandoverDecision.allow() : HandoverDecision.refuse(ids, reasons);
    }
}
