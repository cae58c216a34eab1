package io.dutykit.core.handover;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.procedure.Refusal;
import io.dutykit.core.site.InventoryItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A handover (交接班) between the outgoing and the incoming officer, as a life cycle (4.2.1, 4.2.2):
 * the incoming arrives, the outgoing is ready, the inventory is counted, anomalies are explained,
 * unfinished work is carried over, the outgoing signs, then the incoming, then it is complete.
 * Each step returns the next state; nothing changes once the handover is complete.
 *
 * @param date the duty date of the shift the handover starts, or of the shift it ends when it
 *     starts none (SPEC section 4)
 * @param checks the incoming's checks before taking over (4.2.1); not part of the signed content
 *     ({@link #contentHash()}): the incoming records them until they sign
 */
public record Handover(
        String id,
        LocalDate date,
        Instant scheduledAt,
        String outgoing,
        String incoming,
        Instant incomingArrivedAt,
        Instant outgoingReadyAt,
        List<InventoryLine> inventory,
        List<Anomaly> anomalies,
        List<String> carriedOver,
        List<Signature> signatures,
        Instant completedAt,
        List<HandoverCheck> checks) {

    public Handover {
        Checks.requiredText(id, "handovers[].id");
        Checks.required(date, "handovers[].date");
        Checks.required(scheduledAt, "handovers[].scheduledAt");
        Checks.requiredText(outgoing, "handovers[].outgoing");
        Checks.requiredText(incoming, "handovers[].incoming");
        inventory = Checks.list(inventory);
        anomalies = Checks.list(anomalies);
        carriedOver = Checks.list(carriedOver);
        signatures = Checks.list(signatures);
        checks = Checks.list(checks);
        if (outgoing.equals(incoming)) {
            throw InvalidValueException.of("handover %s has %s as both outgoing and incoming", id, outgoing);
        }
    }

    /** A handover without checks by the incoming. */
    public Handover(
            String id,
            LocalDate date,
            Instant scheduledAt,
            String outgoing,
            String incoming,
            Instant incomingArrivedAt,
            Instant outgoingReadyAt,
            List<InventoryLine> inventory,
            List<Anomaly> anomalies,
            List<String> carriedOver,
            List<Signature> signatures,
            Instant completedAt) {
        this(
                id,
                date,
                scheduledAt,
                outgoing,
                incoming,
                incomingArrivedAt,
                outgoingReadyAt,
                inventory,
                anomalies,
                carriedOver,
                signatures,
                completedAt,
                List.of());
    }

    /** A handover scheduled at a shift boundary, before anyone has arrived. */
    public static Handover schedule(String id, LocalDate date, Instant scheduledAt, String outgoing, String incoming) {
        return new Handover(
                id,
                date,
                scheduledAt,
                outgoing,
                incoming,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    public Optional<Signature> signature(SignatureRole role) {
        return signatures.stream().filter(s -> s.role() == role).findFirst();
    }

    /** True when the outgoing signed as OUTGOING and the incoming as INCOMING. */
    public boolean isSignedByBoth() {
        return signature(SignatureRole.OUTGOING)
                        .filter(s -> s.staff().equals(outgoing))
                        .isPresent()
                && signature(SignatureRole.INCOMING)
                        .filter(s -> s.staff().equals(incoming))
                        .isPresent();
    }

    /** The incoming officer arrives at the service centre (4.2.1: 5 minutes early). */
    public Handover recordIncomingArrival(Instant at) {
        requireOpenForChanges();
        return copy(
                Checks.required(at, "incomingArrivedAt"),
                outgoingReadyAt,
                inventory,
                anomalies,
                carriedOver,
                signatures,
                completedAt);
    }

    /** The outgoing officer has the items in order and the desk clean (4.2.2: 15 minutes before). */
    public Handover recordOutgoingReady(Instant at) {
        requireOpenForChanges();
        return copy(
                incomingArrivedAt,
                Checks.required(at, "outgoingReadyAt"),
                inventory,
                anomalies,
                carriedOver,
                signatures,
                completedAt);
    }

    /** Records the count of one item, replacing an earlier count of the same item. */
    public Handover countInventory(InventoryLine line) {
        requireOpenForChanges();
        List<InventoryLine> lines = new ArrayList<>();
        for (InventoryLine existing : inventory) {
            if (!existing.item().equals(line.item())) {
                lines.add(existing);
            }
        }
        lines.add(line);
        return copy(incomingArrivedAt, outgoingReadyAt, lines, anomalies, carriedOver, signatures, completedAt);
    }

    /** Records an anomaly found in the area, with the outgoing's explanation if given. */
    public Handover recordAnomaly(Anomaly anomaly) {
        requireOpenForChanges();
        List<Anomaly> list = new ArrayList<>(anomalies);
        list.add(anomaly);
        return copy(incomingArrivedAt, outgoingReadyAt, inventory, list, carriedOver, signatures, completedAt);
    }

    /** The outgoing explains the anomaly at {@code index} (0-based), replacing an earlier explanation. */
    public Handover explainAnomaly(int index, String explanation) {
        requireOpenForChanges();
        if (index < 0 || index >= anomalies.size()) {
            throw InvalidValueException.of(
                    "handover %s has no anomaly %d (it has %d, numbered from 0)", id, index, anomalies.size());
        }
        List<Anomaly> list = new ArrayList<>(anomalies);
        list.set(index, new Anomaly(anomalies.get(index).description(), explanation));
        return copy(incomingArrivedAt, outgoingReadyAt, inventory, list, carriedOver, signatures, completedAt);
    }

    /** The inventory items and anomaly indexes that still need the outgoing's explanation (4.2.1). */
    public List<String> unexplained() {
        return unexplained(List.of());
    }

    /**
     * The inventory items and anomaly indexes that still need the outgoing's explanation (4.2.1), a line
     * of an item on the site's checklist measured against the checklist's {@code expected}.
     */
    public List<String> unexplained(List<InventoryItem> checklist) {
        List<String> open = new ArrayList<>();
        for (InventoryLine line : inventory) {
            if (line.needsExplanation(expectedOf(line, checklist))) {
                open.add(line.item());
            }
        }
        for (int i = 0; i < anomalies.size(); i++) {
            if (!anomalies.get(i).isExplained()) {
                open.add(String.valueOf(i));
            }
        }
        return open;
    }

    /** The items of the site's checklist that have no line in this handover's count (4.2.1: count all). */
    public List<String> uncounted(List<InventoryItem> checklist) {
        List<String> missing = new ArrayList<>();
        for (InventoryItem item : checklist) {
            if (inventory.stream().noneMatch(line -> line.item().equals(item.item()))) {
                missing.add(item.item());
            }
        }
        return missing;
    }

    private static int expectedOf(InventoryLine line, List<InventoryItem> checklist) {
        for (InventoryItem item : checklist) {
            if (item.item().equals(line.item())) {
                return item.expected();
            }
        }
        return line.expected();
    }

    /**
     * The incoming records a check before taking over (4.2.1). A check of a code already recorded leaves
     * the handover as it is; none is recorded once the incoming has signed or the handover is complete.
     */
    public Handover recordCheck(HandoverCheck check) {
        Checks.required(check, "check");
        if (isCompleted()) {
            throw ProcedureRefusedException.of(Refusal.HANDOVER_COMPLETED_UNCHANGEABLE, id);
        }
        if (signature(SignatureRole.INCOMING).isPresent()) {
            throw ProcedureRefusedException.of(Refusal.CHECK_AFTER_INCOMING_SIGNED, check.check(), id);
        }
        if (checks.stream().anyMatch(c -> c.check().equals(check.check()))) {
            return this;
        }
        List<HandoverCheck> list = new ArrayList<>(checks);
        list.add(check);
        return copy(
                incomingArrivedAt, outgoingReadyAt, inventory, anomalies, carriedOver, signatures, completedAt, list);
    }

    /**
     * The codes of {@code required} that have no check by the incoming with an {@code at} in {@code [from,
     * until]}, in the order given.
     */
    public List<String> missingChecks(List<String> required, Instant from, Instant until) {
        List<String> missing = new ArrayList<>();
        for (String code : required) {
            boolean done = checks.stream()
                    .anyMatch(c -> c.check().equals(code)
                            && c.by().equals(incoming)
                            && !c.at().isBefore(from)
                            && !c.at().isAfter(until));
            if (!done) {
                missing.add(code);
            }
        }
        return missing;
    }

    /** The incoming acknowledges an open entry or incident for follow-up (4.2.1). */
    public Handover carryOver(String entryOrIncidentId) {
        requireOpenForChanges();
        if (carriedOver.contains(entryOrIncidentId)) {
            return this;
        }
        List<String> list = new ArrayList<>(carriedOver);
        list.add(Checks.requiredText(entryOrIncidentId, "carriedOver[]"));
        return copy(incomingArrivedAt, outgoingReadyAt, inventory, anomalies, list, signatures, completedAt);
    }

    /** The outgoing signs first (4.2.2: leaves only after both have signed). */
    public Handover signAsOutgoing(String staff, Instant at) {
        requireOpenForSignature();
        if (!outgoing.equals(staff)) {
            throw ProcedureRefusedException.of(Refusal.OUTGOING_SIGNATURE_NOT_OUTGOING, staff, id, outgoing);
        }
        if (signature(SignatureRole.OUTGOING).isPresent()) {
            throw ProcedureRefusedException.of(Refusal.OUTGOING_ALREADY_SIGNED, id);
        }
        return withSignature(new Signature(staff, SignatureRole.OUTGOING, at, contentHash()));
    }

    /** The incoming signs after the outgoing (4.2.1: both sign when all is confirmed). */
    public Handover signAsIncoming(String staff, Instant at) {
        requireOpenForSignature();
        if (!incoming.equals(staff)) {
            throw ProcedureRefusedException.of(Refusal.INCOMING_SIGNATURE_NOT_INCOMING, staff, id, incoming);
        }
        if (signature(SignatureRole.OUTGOING).isEmpty()) {
            throw ProcedureRefusedException.of(Refusal.INCOMING_BEFORE_OUTGOING, id, outgoing);
        }
        if (signature(SignatureRole.INCOMING).isPresent()) {
            throw ProcedureRefusedException.of(Refusal.INCOMING_ALREADY_SIGNED, id);
        }
        return withSignature(new Signature(staff, SignatureRole.INCOMING, at, contentHash()));
    }

    /**
     * Completes the handover once both have signed. Whether important work is still open (4.2.2) is a
     * question for the procedure rules, asked by the use case before it calls this.
     */
    public Handover complete(Instant at) {
        if (isCompleted()) {
            throw ProcedureRefusedException.of(Refusal.HANDOVER_ALREADY_COMPLETED, id, completedAt);
        }
        if (!isSignedByBoth()) {
            throw ProcedureRefusedException.of(Refusal.HANDOVER_NOT_SIGNED_BY_BOTH, id);
        }
        return copy(
                incomingArrivedAt,
                outgoingReadyAt,
                inventory,
                anomalies,
                carriedOver,
                signatures,
                Checks.required(at, "completedAt"));
    }

    /**
     * SHA-256 (hex) of the handover's content — everything but its signatures, completion and the
     * incoming's checks — in the canonical form of {@link CanonicalJson}. A signature carries the hash at signing, so a later
     * change to what was signed no longer matches.
     */
    public String contentHash() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", id);
        content.put("date", date.toString());
        content.put("scheduledAt", CanonicalJson.instant(scheduledAt));
        content.put("outgoing", outgoing);
        content.put("incoming", incoming);
        content.put("incomingArrivedAt", CanonicalJson.instant(incomingArrivedAt));
        content.put("outgoingReadyAt", CanonicalJson.instant(outgoingReadyAt));
        List<Object> lines = new ArrayList<>();
        for (InventoryLine line : inventory) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("item", line.item());
            map.put("expected", line.expected());
            map.put("counted", line.counted());
            map.put("damaged", line.damaged());
            map.put("explanation", line.explanation());
            lines.add(map);
        }
        content.put("inventory", lines);
        List<Object> found = new ArrayList<>();
        for (Anomaly anomaly : anomalies) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("description", anomaly.description());
            map.put("explanation", anomaly.explanation());
            found.add(map);
        }
        content.put("anomalies", found);
        content.put("carriedOver", List.copyOf(carriedOver));
        return CanonicalJson.sha256Hex(CanonicalJson.write(content));
    }

    /** True when every signature's content hash matches the current content (or was not recorded). */
    public boolean signaturesMatchContent() {
        String hash = contentHash();
        return signatures.stream()
                .allMatch(s -> s.contentHash() == null || s.contentHash().equals(hash));
    }

    private Handover withSignature(Signature signature) {
        List<Signature> list = new ArrayList<>(signatures);
        list.add(signature);
        return copy(incomingArrivedAt, outgoingReadyAt, inventory, anomalies, carriedOver, list, completedAt);
    }

    /** This handover with its changeable parts replaced; who, when, which shift and the checks stay as they are. */
    private Handover copy(
            Instant incomingArrivedAt,
            Instant outgoingReadyAt,
            List<InventoryLine> inventory,
            List<Anomaly> anomalies,
            List<String> carriedOver,
            List<Signature> signatures,
            Instant completedAt) {
        return copy(
                incomingArrivedAt, outgoingReadyAt, inventory, anomalies, carriedOver, signatures, completedAt, checks);
    }

    private Handover copy(
            Instant incomingArrivedAt,
            Instant outgoingReadyAt,
            List<InventoryLine> inventory,
            List<Anomaly> anomalies,
            List<String> carriedOver,
            List<Signature> signatures,
            Instant completedAt,
            List<HandoverCheck> checks) {
        return new Handover(
                id,
                date,
                scheduledAt,
                outgoing,
                incoming,
                incomingArrivedAt,
                outgoingReadyAt,
                inventory,
                anomalies,
                carriedOver,
                signatures,
                completedAt,
                checks);
    }

    private void requireOpenForChanges() {
        if (isCompleted()) {
            throw ProcedureRefusedException.of(Refusal.HANDOVER_COMPLETED_UNCHANGEABLE, id);
        }
        if (!signatures.isEmpty()) {
            throw ProcedureRefusedException.of(Refusal.HANDOVER_SIGNED_UNCHANGEABLE, id);
        }
    }

    private void requireOpenForSignature() {
        if (isCompleted()) {
            throw ProcedureRefusedException.of(Refusal.HANDOVER_COMPLETED_UNCHANGEABLE, id);
        }
    }
}
