package io.dutykit.core.procedure;

import static io.dutykit.test.data.HandoverBuilder.aHandover;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.procedure.Ownership.Transfer;
import io.dutykit.test.data.EntryBuilder;
import io.dutykit.test.data.IncidentBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 4 "owned" (2026-12-03): e-1, written by chen, is carried over at the handover chen → wang
 * completed at 17:32 on 2 November, then at wang → liu completed at 17:32 on the 3rd.
 */
class OwnershipTest {
    private static final Instant LATER = at("2026-12-01T00:00");

    private final Handover first = aHandover()
            .id("ho-1")
            .outgoing("chen")
            .incoming("wang")
            .carriedOver("e-1", "inc-1")
            .build();
    private final Handover second = aHandover()
            .id("ho-2")
            .scheduledAt("2026-11-03T17:30")
            .outgoing("wang")
            .incoming("liu")
            .carriedOver("e-1")
            .build();

    @Test
    void without_a_transfer_the_creator_owns_it() {
        Ownership ownership = Ownership.of(List.of(first, second), LATER);

        assertThat(ownership.ownerAt("e-9", "chen", LATER)).isEqualTo("chen");
        assertThat(ownership.ownerBefore("e-9", "chen", LATER)).isEqualTo("chen");
        assertThat(Ownership.none().ownerAt("e-1", "chen", LATER)).isEqualTo("chen");
        assertThat(Ownership.creator(EntryBuilder.anEntry().author("he").build()))
                .isEqualTo("he");
        assertThat(Ownership.creator(
                        IncidentBuilder.anIncident().reportedBy("sun").build()))
                .isEqualTo("sun");
    }

    @Test
    void work_passes_at_the_completion_at_or_before_the_instant_and_just_before_it_not_yet() {
        Ownership ownership = Ownership.of(List.of(first, second), LATER);
        Instant completed = at("2026-11-02T17:32");

        assertThat(ownership.ownerAt("e-1", "chen", completed.minusSeconds(1))).isEqualTo("chen");
        assertThat(ownership.ownerAt("e-1", "chen", completed)).isEqualTo("wang");
        assertThat(ownership.ownerBefore("e-1", "chen", completed))
                .as("the outgoing's work at a handover: owned just before its completion")
                .isEqualTo("chen");
        assertThat(ownership.ownerBefore("e-1", "chen", completed.plusSeconds(1)))
                .isEqualTo("wang");
        assertThat(ownership.ownerAt("e-1", "chen", at("2026-11-03T17:31:59"))).isEqualTo("wang");
        assertThat(ownership.ownerBefore("e-1", "chen", at("2026-11-03T17:32")))
                .as("wang's work at ho-2")
                .isEqualTo("wang");
        assertThat(ownership.ownerAt("e-1", "chen", at("2026-11-03T17:32"))).isEqualTo("liu");
        assertThat(ownership.ownerAt("inc-1", "wang", LATER)).isEqualTo("wang");
    }

    @Test
    void a_carried_item_passes_to_the_incoming_whoever_the_outgoing_was() {
        Handover third = aHandover()
                .id("ho-3")
                .scheduledAt("2026-11-04T17:30")
                .outgoing("zhao")
                .incoming("chen")
                .carriedOver("e-1")
                .build();
        Ownership ownership = Ownership.of(List.of(first, second, third), LATER);

        assertThat(ownership.ownerAt("e-1", "chen", LATER)).isEqualTo("chen");
        assertThat(ownership.lastTransfer("e-1", LATER))
                .contains(new Transfer("e-1", at("2026-11-04T17:32"), "chen", "zhao", "ho-3"));
        assertThat(ownership.transfers("e-1")).extracting(Transfer::handoverId).containsExactly("ho-1", "ho-2", "ho-3");
        assertThat(ownership.passedTo("wang")).containsExactlyInAnyOrder("e-1", "inc-1");
        assertThat(ownership.passedTo("liu")).containsExactly("e-1");
        assertThat(ownership.passedTo("li")).isEmpty();
    }

    @Test
    void handovers_completed_after_as_of_or_not_completed_pass_nothing() {
        Handover open = aHandover()
                .id("ho-open")
                .scheduledAt("2026-11-05T17:30")
                .outgoing("liu")
                .incoming("chen")
                .carriedOver("e-1")
                .notCompleted()
                .build();
        Ownership asOfFirst = Ownership.of(List.of(first, second, open), at("2026-11-03T17:31:59"));

        assertThat(asOfFirst.ownerAt("e-1", "chen", LATER))
                .as("ho-2 has not happened yet")
                .isEqualTo("wang");
        assertThat(asOfFirst.passedTo("liu")).isEmpty();
        assertThat(Ownership.of(List.of(first, second, open), at("2026-11-03T17:32"))
                        .ownerAt("e-1", "chen", LATER))
                .isEqualTo("liu");
    }

    @Test
    void two_handovers_passing_one_item_at_the_same_instant_are_an_input_error() {
        Handover sameInstant = aHandover()
                .id("ho-twin")
                .scheduledAt("2026-11-02T17:30")
                .date("2026-11-02")
                .outgoing("liu")
                .incoming("zhao")
                .carriedOver("inc-1")
                .build();

        assertThatThrownBy(() -> Ownership.of(List.of(first, sameInstant), LATER))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("inc-1")
                .hasMessageContaining("ho-1")
                .hasMessageContaining("ho-twin")
                .hasMessageContaining("ambiguous");
        assertThat(Ownership.of(List.of(first, sameInstant), at("2026-11-02T17:31"))
                        .passedTo("zhao"))
                .as("neither is completed by as-of")
                .isEmpty();
    }
}
