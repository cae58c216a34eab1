package io.dutykit.core.testdata;

import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds handovers for tests: {@code aHandover().incomingArrivedAt("2026-11-02T17:24").build()}. */
public final class HandoverBuilder {
    private String id = "ho-2026-11-02";
    private LocalDate date = LocalDate.parse("2026-11-02");
    private Instant scheduledAt = MutableClock.shanghai("2026-11-02T17:30");
    private String outgoing = "chen";
    private String incoming = "wang";
    private Instant incomingArrivedAt;
    private Instant outgoingReadyAt;
    private final List<InventoryLine> inventory = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<String> carriedOver = new ArrayList<>();
    private final List<Signature> signatures = new ArrayList<>();
    private Instant completedAt;

    private HandoverBuilder() {}

    public static HandoverBuilder aHandover() {
        return new HandoverBuilder();
    }

    public HandoverBuilder id(String value) {
        id = value;
        return this;
    }

    public HandoverBuilder date(String value) {
        date = LocalDate.parse(value);
        return this;
    }

    public HandoverBuilder scheduledAt(String shanghaiLocal) {
        scheduledAt = MutableClock.shanghai(shanghaiLocal);
        return this;
    }

    public HandoverBuilder outgoing(String value) {
        outgoing = value;
        return this;
    }

    public HandoverBuilder incoming(String value) {
        incoming = value;
        return this;
    }

    public HandoverBuilder incomingArrivedAt(String shanghaiLocal) {
        incomingArrivedAt = MutableClock.shanghai(shanghaiLocal);
        return this;
    }

    public HandoverBuilder outgoingReadyAt(String shanghaiLocal) {
        outgoingReadyAt = MutableClock.shanghai(shanghaiLocal);
        return this;
    }

    public HandoverBuilder inventory(InventoryLine line) {
        inventory.add(line);
        return this;
    }

    public HandoverBuilder anomaly(String description, String explanation) {
        anomalies.add(new Anomaly(description, explanation));
        return this;
    }

    public HandoverBuilder carriedOver(String itemId) {
        carriedOver.add(itemId);
        return this;
    }

    public HandoverBuilder signature(Signature signature) {
        signatures.add(signature);
        return this;
    }

    public HandoverBuilder completedAt(String shanghaiLocal) {
        completedAt = MutableClock.shanghai(shanghaiLocal);
        return this;
    }

    public Handover build() {
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
