package io.dutykit.reference;

import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A compliant handover by default: arrived 10 min early, ready 20 min early, both signed, completed. */
final class HandoverBuilder {
    private String id;
    private LocalDate date;
    private Instant scheduledAt;
    private String outgoing;
    private String incoming;
    private Instant incomingArrivedAt;
    private Instant outgoingReadyAt;
    private final List<InventoryLine> inventory = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<String> carriedOver = new ArrayList<>();
    private List<Signature> signatures;
    private Instant completedAt;

    static HandoverBuilder aHandover(String id, LocalDate date, Instant scheduledAt, String outgoing, String incoming) {
        HandoverBuilder b = new HandoverBuilder();
        b.id = id;
        b.date = date;
        b.scheduledAt = scheduledAt;
        b.outgoing = outgoing;
        b.incoming = incoming;
        b.incomingArrivedAt = scheduledAt.minus(Duration.ofMinutes(10));
        b.outgoingReadyAt = scheduledAt.minus(Duration.ofMinutes(20));
        b.signatures = new ArrayList<>(List.of(
                new Signature(outgoing, SignatureRole.OUTGOING, scheduledAt.minus(Duration.ofMinutes(2)), null),
                new Signature(incoming, SignatureRole.INCOMING, scheduledAt.minus(Duration.ofMinutes(1)), null)));
        b.completedAt = scheduledAt.plus(Duration.ofMinutes(2));
        return b;
    }

    String id() {
        return id;
    }

    String outgoing() {
        return outgoing;
    }

    Instant scheduledAt() {
        return scheduledAt;
    }

    HandoverBuilder incoming(String value) {
        incoming = value;
        signatures.replaceAll(
                s -> s.role() == SignatureRole.INCOMING ? new Signature(value, s.role(), s.at(), null) : s);
        return this;
    }

    HandoverBuilder incomingArrivedAt(Instant value) {
        incomingArrivedAt = value;
        return this;
    }

    HandoverBuilder outgoingReadyAt(Instant value) {
        outgoingReadyAt = value;
        return this;
    }

    HandoverBuilder inventory(InventoryLine line) {
        inventory.add(line);
        return this;
    }

    HandoverBuilder anomaly(String description, String explanation) {
        anomalies.add(new Anomaly(description, explanation));
        return this;
    }

    HandoverBuilder carriedOver(String id) {
        carriedOver.add(id);
        return this;
    }

    HandoverBuilder withoutSignature(SignatureRole role) {
        signatures.removeIf(s -> s.role() == role);
        return this;
    }

    HandoverBuilder signature(String staff, SignatureRole role, Instant at) {
        signatures.removeIf(s -> s.role() == role);
        signatures.add(new Signature(staff, role, at, null));
        return this;
    }

    HandoverBuilder completedAt(Instant value) {
        completedAt = value;
        return this;
    }

    HandoverBuilder uncompleted() {
        completedAt = null;
        return this;
    }

    Handover build() {
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
                completedAt);
    }
}
