package io.dutykit.reference;

import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.TestTime.at;
import static io.dutykit.test.data.TestTime.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.EntryKind;
import io.dutykit.test.data.HandoverBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** May liu's handover to wang at 17:30 on 3 November complete at 17:32? (4.2.2) */
class DecideCompletionTest {
    private static final Instant NOW = at("2026-11-03T17:32");

    private final World world = World.week();
    private final Handover handover = HandoverBuilder.aHandover()
            .id("ho-2026-11-03")
            .date(date("2026-11-03"))
            .scheduledAt(at("2026-11-03T17:30"))
            .outgoing("liu")
            .incoming("wang")
            .notCompleted()
            .build();

    private HandoverDecision decide() {
        return new ReferenceProcedureRules().decideCompletion(world.records(), handover, NOW);
    }

    @Test
    void allowed_when_the_outgoing_has_no_important_work_open() {
        world.entries.add(
                anEntry().id("e-1").author("liu").at(at("2026-11-03T10:00")).build());
        world.entries.add(anEntry()
                .id("e-2")
                .author("wang")
                .important()
                .at(at("2026-11-03T10:00"))
                .build());
        world.incidents.add(anIncident()
                .id("inc-1")
                .unresolved()
                .reportedBy("liu")
                .openedAt(at("2026-11-03T11:00"))
                .build());

        assertThat(decide()).isEqualTo(HandoverDecision.allow());
    }

    @Test
    void refused_while_an_important_entry_or_a_difficult_or_major_incident_of_the_outgoing_is_open() {
        world.entries.add(anEntry()
                .id("e-1")
                .author("liu")
                .kind(EntryKind.COMPLAINT)
                .important()
                .at(at("2026-10-20T10:00"))
                .build());
        world.incidents.add(anIncident()
                .id("inc-1")
                .unresolved()
                .reportedBy("liu")
                .severity(IncidentSeverity.MAJOR)
                .openedAt(at("2026-11-03T11:00"))
                .build());
        world.incidents.add(anIncident()
                .id("inc-2")
                .reportedBy("liu")
                .severity(IncidentSeverity.DIFFICULT)
                .openedAt(at("2026-11-03T12:00"))
                .resolvedAt(at("2026-11-03T17:32:01"))
                .build());

        HandoverDecision decision = decide();

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.blockingIds()).containsExactly("e-1", "inc-1", "inc-2");
        assertThat(decision.reasons()).hasSize(3);
        assertThat(decision.reasons().get(0)).contains("e-1", "COMPLAINT", "liu", "4.2.2");
        assertThat(decision.reasons().get(1)).contains("MAJOR", "inc-1", "4.2.2");
    }

    @Test
    void closed_exactly_at_the_instant_counts_as_closed_and_work_written_at_it_does_not_count() {
        world.entries.add(anEntry()
                .id("e-1")
                .author("liu")
                .important()
                .at(at("2026-11-03T10:00"))
                .closedAt(NOW)
                .build());
        world.entries.add(anEntry().id("e-2").author("liu").important().at(NOW).build());
        world.incidents.add(anIncident()
                .id("inc-1")
                .reportedBy("liu")
                .severity(IncidentSeverity.MAJOR)
                .openedAt(at("2026-11-03T11:00"))
                .resolvedAt(NOW)
                .build());
        world.entries.add(anEntry()
                .id("e-3")
                .author("liu")
                .kind(EntryKind.THANKS)
                .important()
                .at(at("2026-11-03T10:00"))
                .build());

        assertThat(decide().allowed()).isTrue();
    }

    @Test
    void agrees_with_the_batch_rule_at_the_same_instant() {
        world.entries.add(anEntry()
                .id("e-1")
                .author("liu")
                .important()
                .at(at("2026-11-03T10:00"))
                .closedAt(at("2026-11-03T17:40"))
                .build());

        assertThat(decide().blockingIds()).containsExactly("e-1");
        assertThat(world.found("HANDOVER_WITH_OPEN_CRITICAL_WORK"))
                .extracting(V::subject)
                .containsExactly("ho-" + date("2026-11-03"));
    }

    /**
     * SPEC section 4 "owned" (2026-12-03): liu's important complaint, carried over to wang at 17:32 on
     * the 3rd, blocks wang's next handover (Sunday the 8th, 08:30) and no longer liu's (the 4th).
     */
    @Test
    void important_work_carried_over_blocks_its_new_owner_not_its_author() {
        world.entries.add(anEntry()
                .id("e-1")
                .author("liu")
                .kind(EntryKind.COMPLAINT)
                .important()
                .at(at("2026-11-03T16:00"))
                .build());
        world.handoverOn("2026-11-03").carriedOver("e-1");
        ReferenceProcedureRules rules = new ReferenceProcedureRules();

        HandoverDecision liuOnThe4th = rules.decideCompletion(
                world.records(), world.handoverOn("2026-11-04").notCompleted().build(), at("2026-11-04T17:32"));
        HandoverDecision wangOnThe8th = rules.decideCompletion(
                world.records(), world.handoverOn("2026-11-08").notCompleted().build(), at("2026-11-08T08:32"));

        assertThat(liuOnThe4th.allowed()).isTrue();
        assertThat(wangOnThe8th.allowed()).isFalse();
        assertThat(wangOnThe8th.blockingIds()).containsExactly("e-1");
        assertThat(wangOnThe8th.reasons())
                .containsExactly(
                        "important entry e-1 (COMPLAINT, logged 2026-11-03 16:00 by liu, carried over to wang at"
                                + " ho-2026-11-03) is still open: close it before handing over (4.2.2)");
    }
}
