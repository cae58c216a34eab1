package io.dutykit.core.testdata;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.LogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written stand-in for the rules port. {@code decideCompletion} applies the 4.2.2 test plainly
 * (important entries and DIFFICULT/MAJOR incidents of the outgoing open at the instant); the due list
 * and violations are whatever the test scripts. It remembers what it was asked.
 */
public final class ScriptedRules implements ProcedureRules {
    private List<DueItem> due = List.of();
    private List<Violation> violations = List.of();
    private final List<Instant> askedAt = new ArrayList<>();
    private Duration lastHorizon;

    public ScriptedRules dueItems(List<DueItem> items) {
        due = List.copyOf(items);
        return this;
    }

    public ScriptedRules violations(List<Violation> list) {
        violations = List.copyOf(list);
        return this;
    }

    /** The instants at which the desk asked for a decision or a due list, in order. */
    public List<Instant> askedAt() {
        return List.copyOf(askedAt);
    }

    public Duration lastHorizon() {
        return lastHorizon;
    }

    @Override
    public List<Violation> evaluate(SiteRecords records, CheckPeriod period, Instant asOf) {
        askedAt.add(asOf);
        return violations;
    }

    @Override
    public HandoverDecision decideCompletion(SiteRecords records, Handover handover, Instant at) {
        askedAt.add(at);
        List<String> blocking = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (LogEntry entry : records.entries()) {
            if (entry.author().equals(handover.outgoing()) && entry.important() && entry.isOpenAt(at)) {
                blocking.add(entry.id());
                reasons.add("important entry " + entry.id() + " is open");
            }
        }
        for (Incident incident : records.incidents()) {
            if (incident.reportedBy().equals(handover.outgoing())
                    && incident.severity().isCritical()
                    && incident.isOpenAt(at)) {
                blocking.add(incident.id());
                reasons.add(incident.severity() + " incident " + incident.id() + " is open");
            }
        }
        return blocking.isEmpty() ? HandoverDecision.allow() : HandoverDecision.refuse(blocking, reasons);
    }

    @Override
    public List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon) {
        askedAt.add(asOf);
        lastHorizon = horizon;
        return due;
    }
}
