package io.dutykit.reference;

import static io.dutykit.reference.CheckContext.one;

import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The handover rules of 4.2 and 4.1: every HANDOVER_* rule. */
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
            checks(c, h);
            if (!c.happened(h.completedAt())) {
                c.add(
                        DefaultRules.HANDOVER_NOT_COMPLETED,
                        h.id(),
                        one(h.outgoing()),
                        h.date(),
                        h.scheduledAt(),
                        h.outgoing(),
                        h.incoming(),
                        h.scheduledAt());
            } else {
                signatureOrder(c, h);
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
        Set<String> counted = new HashSet<>();
        for (InventoryLine line : h.inventory()) {
            counted.add(line.item());
            // an item on the site's checklist is measured against the checklist's count
            int expected = c.index.checklist.getOrDefault(line.item(), line.expected());
            if (line.needsExplanation(expected) && items.add(line.item())) {
                c.add(
                        DefaultRules.HANDOVER_INVENTORY_UNEXPLAINED,
                        h.id() + "/" + line.item(),
                        one(h.outgoing()),
                        h.date(),
                        at,
                        line.item(),
                        expected,
                        line.counted(),
                        line.damaged());
            }
        }
        c.index.checklist.forEach((item, expected) -> {
            if (!counted.contains(item)) {
                c.add(
                        DefaultRules.HANDOVER_INVENTORY_INCOMPLETE,
                        h.id() + "/" + item,
                        one(h.outgoing()),
                        h.date(),
                        at,
                        item,
                        expected);
            }
        });
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
     * HANDOVER_SIGNATURE_ORDER for a completed handover: the incoming's earliest signature (as INCOMING)
     * strictly before the outgoing's earliest (as OUTGOING), or anyone signing after completion; one
     * violation, against the incoming when they signed first, else against everyone who signed late.
     */
    private static void signatureOrder(CheckContext c, Handover h) {
        Instant completed = h.completedAt();
        Instant outgoingAt = null;
        Instant incomingAt = null;
        Set<String> late = new TreeSet<>();
        for (Signature s : h.signatures()) {
            if (!c.happened(s.at())) {
                continue;
            }
            if (s.role() == SignatureRole.OUTGOING && s.staff().equals(h.outgoing())) {
                outgoingAt = earlier(outgoingAt, s.at());
            }
            if (s.role() == SignatureRole.INCOMING && s.staff().equals(h.incoming())) {
                incomingAt = earlier(incomingAt, s.at());
            }
            if (s.at().isAfter(completed)) {
                late.add(s.staff());
            }
        }
        boolean incomingFirst = outgoingAt != null && incomingAt != null && incomingAt.isBefore(outgoingAt);
        if (!incomingFirst && late.isEmpty()) {
            return;
        }
        c.add(
                DefaultRules.HANDOVER_SIGNATURE_ORDER,
                h.id(),
                incomingFirst ? one(h.incoming()) : List.copyOf(late),
                h.date(),
                completed,
                h.outgoing(),
                outgoingAt,
                h.incoming(),
                incomingAt,
                completed,
                late.isEmpty() ? null : String.join(", ", late));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /**
     * HANDOVER_CHECKS_MISSING: each code of handover.requiredChecks without a check of that code by the
     * incoming between handover.checksLeadMinutes before the handover and its completion (not completed:
     * its judging time).
     */
    private static void checks(CheckContext c, Handover h) {
        Set<String> required = c.param(Parameters.REQUIRED_CHECKS);
        if (required.isEmpty()) {
            return;
        }
        Instant from = h.scheduledAt().minus(c.param(Parameters.CHECKS_LEAD));
        Instant completed = c.seen(h.completedAt());
        Instant until = completed != null ? completed : h.scheduledAt().plus(c.param(Parameters.JUDGE_AFTER));
        for (String code : required) {
            boolean done = false;
            for (HandoverCheck check : h.checks()) {
                if (check.check().equals(code)
                        && check.by().equals(h.incoming())
                        && c.happened(check.at())
                        && !check.at().isBefore(from)
                        && !check.at().isAfter(until)) {
                    done = true;
                    break;
                }
            }
            if (!done) {
                c.add(
                        DefaultRules.HANDOVER_CHECKS_MISSING,
                        h.id() + "/" + code,
                        one(h.incoming()),
                        h.date(),
                        until,
                        code,
                        h.incoming(),
                        from,
                        until);
            }
        }
    }

    /**
     * HANDOVER_WITH_OPEN_CRITICAL_WORK and HANDOVER_ITEM_NOT_CARRIED for the completed handovers of one
     * outgoing officer: the work they own just before each completion (SPEC section 4 "owned") — what
     * they wrote or reported and nobody took over since, found by one sweep over their own work in time
     * order, and what earlier handovers passed to them — that is still open.
     */
    private static void openWork(CheckContext c, String outgoing, List<Handover> handovers) {
        handovers.sort(Comparator.comparing(Handover::completedAt));
        List<LogEntry> entries = c.index.workByAuthor.getOrDefault(outgoing, List.of());
        List<Incident> incidents = c.index.incidentsByReporter.getOrDefault(outgoing, List.of());
        OpenWork open = new OpenWork(entries, incidents);
        Set<String> passed = c.ownership.passedTo(outgoing);
        for (Handover h : handovers) {
            Instant at = h.completedAt();
            open.advanceTo(at);
            List<String> critical = new ArrayList<>();
            Set<String> notCarried = new LinkedHashSet<>();
            // entries and incidents apart: ids are unique within their own list only
            Set<String> seenEntries = new HashSet<>();
            Set<String> seenIncidents = new HashSet<>();
            for (LogEntry e : open.entries) {
                if (c.ownership.ownerBefore(e.id(), e.author(), at).equals(outgoing) && seenEntries.add(e.id())) {
                    sort(e.id(), e.important(), h, critical, notCarried);
                }
            }
            for (Incident i : open.incidents) {
                if (c.ownership.ownerBefore(i.id(), i.reportedBy(), at).equals(outgoing) && seenIncidents.add(i.id())) {
                    sort(i.id(), i.severity().isCritical(), h, critical, notCarried);
                }
            }
            for (String id : passed) {
                LogEntry e = c.index.entriesById.get(id);
                if (e != null
                        && e.at().isBefore(at)
                        && e.isOpenAt(at)
                        && c.ownership.ownerBefore(id, e.author(), at).equals(outgoing)
                        && seenEntries.add(id)) {
                    sort(id, e.important(), h, critical, notCarried);
                }
                Incident i = c.index.incidentsById.get(id);
                if (i != null
                        && i.openedAt().isBefore(at)
                        && i.isOpenAt(at)
                        && c.ownership.ownerBefore(id, i.reportedBy(), at).equals(outgoing)
                        && seenIncidents.add(id)) {
                    sort(id, i.severity().isCritical(), h, critical, notCarried);
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

    /** Critical work blocks the handover; other work must be carried over by it. */
    private static void sort(String id, boolean critical, Handover h, List<String> blocking, Set<String> notCarried) {
        if (critical) {
            blocking.add(id);
        } else if (!h.carriedOver().contains(id)) {
            notCarried.add(id);
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
