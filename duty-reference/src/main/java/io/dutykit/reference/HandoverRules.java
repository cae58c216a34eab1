package io.dutykit.reference;

import static io.dutykit.reference.CheckContext.one;

import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The handover rules of 4.2: every HANDOVER_* rule. */
final class HandoverRules {
    private HandoverRules() {}

    static void check(CheckContext c) {
        handoverMissing(c);
        Map<String, List<Handover>> completedByOutgoing = new HashMap<>();
        for (Handover h : c.index.records.handovers()) {
            if (!c.inScope(h.date()) || !c.judged(h)) {
                continue;
            }
            arrivalAndReadiness(c, h);
            inventoryAndAnomalies(c, h);
            signatures(c, h);
            if (c.happened(h.completedAt())) {
                completedByOutgoing
                        .computeIfAbsent(h.outgoing(), k -> new ArrayList<>())
                        .add(h);
            }
        }
        completedByOutgoing.forEach((outgoing, handovers) -> openWork(c, outgoing, handovers));
    }

    private static void handoverMissing(CheckContext c) {
        for (LocalDate date = c.period.from(); !date.isAfter(c.period.to()); date = date.plusDays(1)) {
            Instant start = c.index.shift(date).start();
            if (start.isAfter(c.asOf) || c.index.handoverAtStart(date) != null) {
                continue;
            }
            c.add(DefaultRules.HANDOVER_MISSING, date.toString(), one(c.index.rostered.get(date)), date, start, date);
        }
    }

    private static void arrivalAndReadiness(CheckContext c, Handover h) {
        Instant arrivalDeadline = h.scheduledAt().minus(c.param(Parameters.INCOMING_LEAD));
        Instant arrived = c.seen(h.incomingArrivedAt());
        if (arrived == null || arrived.isAfter(arrivalDeadline)) {
            c.add(
                    DefaultRules.HANDOVER_INCOMING_LATE,
                    h.id(),
                    one(h.incoming()),
                    h.date(),
                    arrivalDeadline,
                    h.incoming(),
                    arrived,
                    h.scheduledAt());
        }
        Instant readyDeadline = h.scheduledAt().minus(c.param(Parameters.OUTGOING_LEAD));
        Instant ready = c.seen(h.outgoingReadyAt());
        if (ready == null || ready.isAfter(readyDeadline)) {
            c.add(
                    DefaultRules.HANDOVER_OUTGOING_UNPREPARED,
                    h.id(),
                    one(h.outgoing()),
                    h.date(),
                    readyDeadline,
                    h.outgoing(),
                    ready,
                    h.scheduledAt());
        }
    }

    private static void inventoryAndAnomalies(CheckContext c, Handover h) {
        Instant at = c.handoverInstant(h);
        Set<String> items = new HashSet<>();
        for (InventoryLine line : h.inventory()) {
            if (line.needsExplanation() && items.add(line.item())) {
                c.add(
                        DefaultRules.HANDOVER_INVENTORY_UNEXPLAINED,
                        h.id() + "/" + line.item(),
                        one(h.outgoing()),
                        h.date(),
                        at,
                        line.item(),
                        line.expected(),
                        line.counted(),
                        line.damaged());
            }
        }
        List<Anomaly> anomalies = h.anomalies();
        for (int i = 0; i < anomalies.size(); i++) {
            if (!anomalies.get(i).isExplained()) {
                c.add(
                        DefaultRules.HANDOVER_ANOMALY_UNEXPLAINED,
                        h.id() + "/" + i,
                        one(h.outgoing()),
                        h.date(),
                        at,
                        anomalies.get(i).description());
            }
        }
    }

    private static void signatures(CheckContext c, Handover h) {
        boolean outgoingSigned = false;
        boolean incomingSigned = false;
        for (Signature s : h.signatures()) {
            if (!c.happened(s.at())) {
                continue;
            }
            if (s.role() == SignatureRole.OUTGOING && s.staff().equals(h.outgoing())) {
                outgoingSigned = true;
            } else if (s.role() == SignatureRole.INCOMING && s.staff().equals(h.incoming())) {
                incomingSigned = true;
            }
        }
        if (!outgoingSigned || !incomingSigned) {
            String unsigned = outgoingSigned ? h.incoming() : h.outgoing();
            c.add(DefaultRules.HANDOVER_UNSIGNED, h.id(), one(unsigned), h.date(), c.handoverInstant(h), unsigned);
        }
    }

    /**
     * HANDOVER_WITH_OPEN_CRITICAL_WORK and HANDOVER_ITEM_NOT_CARRIED for the completed handovers of one
     * outgoing officer: one sweep over their work in time order, keeping only what is still open.
     */
    private static void openWork(CheckContext c, String outgoing, List<Handover> handovers) {
        handovers.sort(Comparator.comparing(Handover::completedAt));
        List<LogEntry> entries = c.index.workByAuthor.getOrDefault(outgoing, List.of());
        List<Incident> incidents = c.index.incidentsByReporter.getOrDefault(outgoing, List.of());
        OpenWork open = new OpenWork(entries, incidents);
        for (Handover h : handovers) {
            Instant at = h.completedAt();
            open.advanceTo(at);
            List<String> critical = new ArrayList<>();
            List<String> notCarried = new ArrayList<>();
            for (LogEntry e : open.entries) {
                if (e.important()) {
                    critical.add(e.id());
                } else if (!h.carriedOver().contains(e.id())) {
                    notCarried.add(e.id());
                }
            }
            for (Incident i : open.incidents) {
                if (i.severity().isCritical()) {
                    critical.add(i.id());
                } else if (!h.carriedOver().contains(i.id())) {
                    notCarried.add(i.id());
                }
            }
            if (!critical.isEmpty()) {
                c.add(
                        DefaultRules.HANDOVER_WITH_OPEN_CRITICAL_WORK,
                        h.id(),
                        one(h.outgoing()),
                        h.date(),
                        at,
                        h.outgoing());
            }
            for (String id : notCarried) {
                c.add(
                        DefaultRules.HANDOVER_ITEM_NOT_CARRIED,
                        h.id() + "/" + id,
                        one(h.incoming()),
                        h.date(),
                        at,
                        id,
                        h.incoming());
            }
        }
    }

    /** What one person has open as time advances: entries and incidents opened before and not yet closed. */
    static final class OpenWork {
        private final List<LogEntry> allEntries;
        private final List<Incident> allIncidents;
        private int nextEntry;
        private int nextIncident;
        final List<LogEntry> entries = new ArrayList<>();
        final List<Incident> incidents = new ArrayList<>();

        OpenWork(List<LogEntry> entriesByAt, List<Incident> incidentsByOpenedAt) {
            this.allEntries = entriesByAt;
            this.allIncidents = incidentsByOpenedAt;
        }

        /**
         * Moves to the instant (never backwards): adds what was opened before it, drops what was closed
         * at or before it, which stays closed for every later instant.
         */
        void advanceTo(Instant at) {
            while (nextEntry < allEntries.size()
                    && allEntries.get(nextEntry).at().isBefore(at)) {
                entries.add(allEntries.get(nextEntry++));
            }
            while (nextIncident < allIncidents.size()
                    && allIncidents.get(nextIncident).openedAt().isBefore(at)) {
                incidents.add(allIncidents.get(nextIncident++));
            }
            entries.removeIf(e -> e.closedAt() != null && !e.closedAt().isAfter(at));
            incidents.removeIf(i -> i.resolvedAt() != null && !i.resolvedAt().isAfter(at));
        }
    }
}
