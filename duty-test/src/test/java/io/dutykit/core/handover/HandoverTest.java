package io.dutykit.core.handover;

import static io.dutykit.test.data.HandoverBuilder.anOpenHandover;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.ProcedureRefusedException;
import org.junit.jupiter.api.Test;

class HandoverTest {
    private final Handover opened = anOpenHandover().build();

    private Handover signedByBoth() {
        return opened.signAsOutgoing("chen", at("2026-11-02T17:28")).signAsIncoming("wang", at("2026-11-02T17:29"));
    }

    @Test
    void the_life_cycle_runs_from_arrival_to_completion() {
        Handover done = opened.recordIncomingArrival(at("2026-11-02T17:24"))
                .recordOutgoingReady(at("2026-11-02T17:15"))
                .countInventory(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null))
                .recordAnomaly(new Anomaly("lobby door lock sticks", "reported to maintenance"))
                .carryOver("e-17")
                .signAsOutgoing("chen", at("2026-11-02T17:28"))
                .signAsIncoming("wang", at("2026-11-02T17:29"))
                .complete(at("2026-11-02T17:30"));

        assertThat(done.isCompleted()).isTrue();
        assertThat(done.isSignedByBoth()).isTrue();
        assertThat(done.carriedOver()).containsExactly("e-17");
        assertThat(done.signaturesMatchContent()).isTrue();
        assertThat(done.signature(SignatureRole.OUTGOING).orElseThrow().contentHash())
                .isEqualTo(done.contentHash());
    }

    @Test
    void the_incoming_signs_only_after_the_outgoing() {
        assertThatThrownBy(() -> opened.signAsIncoming("wang", at("2026-11-02T17:29")))
                .isInstanceOfSatisfying(ProcedureRefusedException.class, e -> assertThat(e.clause())
                        .isEqualTo("4.2.1"))
                .hasMessageContaining("chen");
    }

    @Test
    void only_the_outgoing_signs_as_outgoing_and_only_the_incoming_as_incoming() {
        assertThatThrownBy(() -> opened.signAsOutgoing("wang", at("2026-11-02T17:28")))
                .isInstanceOfSatisfying(ProcedureRefusedException.class, e -> assertThat(e.code())
                        .isEqualTo("OUTGOING_SIGNATURE_NOT_OUTGOING"))
                .hasMessageContaining("wang may not sign handover " + opened.id() + " as the outgoing officer");
        Handover outgoingSigned = opened.signAsOutgoing("chen", at("2026-11-02T17:28"));
        assertThatThrownBy(() -> outgoingSigned.signAsIncoming("liu", at("2026-11-02T17:29")))
                .isInstanceOfSatisfying(ProcedureRefusedException.class, e -> assertThat(e.code())
                        .isEqualTo("INCOMING_SIGNATURE_NOT_INCOMING"))
                .hasMessageContaining("liu may not sign handover " + opened.id() + " as the incoming officer");
    }

    @Test
    void nobody_signs_twice() {
        Handover outgoingSigned = opened.signAsOutgoing("chen", at("2026-11-02T17:28"));
        assertThatThrownBy(() -> outgoingSigned.signAsOutgoing("chen", at("2026-11-02T17:29")))
                .isInstanceOf(ProcedureRefusedException.class)
                .hasMessageContaining("already signed");
    }

    @Test
    void the_content_hash_changes_when_the_content_changes() {
        String before = opened.contentHash();
        assertThat(opened.countInventory(new InventoryLine("FLASK", 1, 1, 0, null))
                        .contentHash())
                .isNotEqualTo(before);
        assertThat(opened.carryOver("e-17").contentHash()).isNotEqualTo(before);
        assertThat(opened.recordIncomingArrival(at("2026-11-02T17:24")).contentHash())
                .isNotEqualTo(before);
        assertThat(anOpenHandover().build().contentHash()).isEqualTo(before);
    }

    @Test
    void a_signature_no_longer_matches_content_altered_behind_its_back() {
        Handover signed = opened.signAsOutgoing("chen", at("2026-11-02T17:28"));
        Handover altered = new Handover(
                signed.id(),
                signed.date(),
                signed.scheduledAt(),
                signed.outgoing(),
                signed.incoming(),
                signed.incomingArrivedAt(),
                signed.outgoingReadyAt(),
                signed.inventory(),
                signed.anomalies(),
                java.util.List.of("inc-9"),
                signed.signatures(),
                signed.completedAt());
        assertThat(signed.signaturesMatchContent()).isTrue();
        assertThat(altered.signaturesMatchContent()).isFalse();
    }

    @Test
    void nothing_changes_after_a_signature() {
        Handover signed = opened.signAsOutgoing("chen", at("2026-11-02T17:28"));
        assertThatThrownBy(() -> signed.countInventory(new InventoryLine("FLASK", 1, 0, 0, "lost")))
                .isInstanceOfSatisfying(ProcedureRefusedException.class, e -> assertThat(e.clause())
                        .isEqualTo("4.2.1"));
        assertThatThrownBy(() -> signed.carryOver("e-17")).isInstanceOf(ProcedureRefusedException.class);
        assertThatThrownBy(() -> signed.recordAnomaly(new Anomaly("broken window", null)))
                .isInstanceOf(ProcedureRefusedException.class);
    }

    @Test
    void nothing_changes_after_completion() {
        Handover done = signedByBoth().complete(at("2026-11-02T17:30"));
        assertThatThrownBy(() -> done.recordIncomingArrival(at("2026-11-02T17:31")))
                .isInstanceOfSatisfying(ProcedureRefusedException.class, e -> assertThat(e.clause())
                        .isEqualTo("4.1.8"));
        assertThatThrownBy(() -> done.complete(at("2026-11-02T17:31")))
                .isInstanceOf(ProcedureRefusedException.class)
                .hasMessageContaining("already completed");
    }

    @Test
    void a_handover_completes_only_when_both_have_signed() {
        Handover outgoingSigned = opened.signAsOutgoing("chen", at("2026-11-02T17:28"));
        assertThatThrownBy(() -> outgoingSigned.complete(at("2026-11-02T17:30")))
                .isInstanceOfSatisfying(ProcedureRefusedException.class, e -> assertThat(e.clause())
                        .isEqualTo("4.2.2"));
    }

    @Test
    void a_recount_replaces_the_earlier_count_of_the_item() {
        Handover counted = opened.countInventory(new InventoryLine("FLASK", 2, 1, 0, null))
                .countInventory(new InventoryLine("FLASK", 2, 2, 0, null));
        assertThat(counted.inventory()).containsExactly(new InventoryLine("FLASK", 2, 2, 0, null));
    }

    @Test
    void unexplained_lists_missing_or_damaged_items_and_unexplained_anomalies() {
        Handover handover = anOpenHandover()
                .inventory(new InventoryLine("WALKIE_TALKIE", 2, 1, 0, null))
                .inventory(new InventoryLine("FIRE_EXTINGUISHER", 4, 4, 1, "dented, replacement ordered"))
                .inventory(new InventoryLine("FLASK", 1, 1, 0, null))
                .anomaly("water on the car park floor", null)
                .build();
        assertThat(handover.unexplained()).containsExactly("WALKIE_TALKIE", "0");
        assertThat(handover.explainAnomaly(0, "pipe leak, reported").unexplained())
                .containsExactly("WALKIE_TALKIE");
    }

    @Test
    void explaining_an_anomaly_that_does_not_exist_names_the_index() {
        assertThatThrownBy(() -> opened.explainAnomaly(3, "x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("no anomaly 3");
    }

    @Test
    void a_handover_cannot_have_the_same_officer_on_both_sides() {
        assertThatThrownBy(
                        () -> anOpenHandover().outgoing("wang").incoming("wang").build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("wang")
                .hasMessageContaining("ho-2026-11-02");
    }
}
