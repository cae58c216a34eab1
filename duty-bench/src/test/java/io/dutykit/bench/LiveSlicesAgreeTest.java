package io.dutykit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.port.LiveSlice;
import io.dutykit.core.procedure.DueWindow;
import io.dutykit.dataset.generate.DatasetGenerator;
import io.dutykit.reference.ReferenceProcedureRules;
import io.dutykit.rules.DroolsProcedureRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 8.1: a live call reads a bounded slice, and the slice is enough. On generated data — ordinary and
 * full of lapses — both engines give from the slice exactly the answer they give from the whole history:
 * every handover's completion decision at its scheduled time, at its completion and an hour later, and
 * the due list every three hours of two months for three horizons.
 */
class LiveSlicesAgreeTest {
    private static final ProcedureRules DROOLS = DroolsProcedureRules.defaults();
    private static final ProcedureRules REFERENCE = new ReferenceProcedureRules();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("seed 7", new DatasetGenerator(7).site(1, DatasetGenerator.DEFAULT_FIRST_MONTH, 2)),
                Arguments.of(
                        "seed 99, one lapse in four",
                        new DatasetGenerator(99, new DatasetGenerator.Rates(0.25))
                                .site(2, DatasetGenerator.DEFAULT_FIRST_MONTH, 2)));
    }

    @Test
    void the_completion_slice_decides_as_the_whole_history_does() {
        int refused = 0;
        for (SiteRecords whole : cases().map(a -> (SiteRecords) a.get()[1]).toList()) {
            refused += compareDecisions(whole);
        }
        assertThat(refused).as("refusals among the decisions compared").isPositive();
    }

    private static int compareDecisions(SiteRecords whole) {
        int refused = 0;
        for (ProcedureRules rules : List.of(DROOLS, REFERENCE)) {
            for (Handover h : whole.handovers()) {
                for (Instant at : instants(h)) {
                    SiteRecords slice = LiveSlice.forCompletion(h, at).apply(whole);
                    var fromWhole = rules.decideCompletion(whole, h, at);
                    assertThat(rules.decideCompletion(slice, h, at))
                            .as("%s, %s at %s", rules.getClass().getSimpleName(), h.id(), at)
                            .isEqualTo(fromWhole);
                    refused += fromWhole.allowed() ? 0 : 1;
                }
            }
        }
        return refused;
    }

    private static List<Instant> instants(Handover h) {
        Instant done =
                h.completedAt() != null ? h.completedAt() : h.scheduledAt().plusSeconds(600);
        return List.of(h.scheduledAt(), done, done.plus(Duration.ofHours(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_due_slice_lists_what_the_whole_history_lists(String name, SiteRecords whole) {
        int listed = 0;
        java.util.Set<io.dutykit.core.check.DueKind> kinds =
                java.util.EnumSet.noneOf(io.dutykit.core.check.DueKind.class);
        Instant start = whole.handovers().get(0).scheduledAt().minus(Duration.ofDays(1));
        Instant end = start.plus(Duration.ofDays(62));
        for (ProcedureRules rules : List.of(DROOLS, REFERENCE)) {
            for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofHours(3))) {
                for (Duration horizon : List.of(Duration.ZERO, Duration.ofMinutes(45), Duration.ofHours(26))) {
                    DueWindow window = rules.model().deadlines().window(whole.site(), t, horizon);
                    SiteRecords slice = window.liveSlice().apply(whole);
                    var fromWhole = rules.due(whole, t, horizon);
                    assertThat(rules.due(slice, t, horizon))
                            .as("due at %s within %s", t, horizon)
                            .isEqualTo(fromWhole);
                    listed += fromWhole.size();
                    fromWhole.forEach(item -> kinds.add(item.kind()));
                }
            }
        }
        assertThat(listed).isGreaterThan(100);
        // the slice reads the entries and calls logged in the window and the handovers that carried them
        // over (migration V4's logged_at): the requests and calls due are among what both agree on
        assertThat(kinds)
                .as("due kinds listed")
                .contains(
                        io.dutykit.core.check.DueKind.CALL_LOGGING,
                        io.dutykit.core.check.DueKind.REQUEST_CLOSING,
                        io.dutykit.core.check.DueKind.DUTY_REPORT_REVIEW);
    }
}
