package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.port.DueNotifier;
import io.dutykit.core.testdata.DeskFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueDeskTest {
    private final DeskFixture f = new DeskFixture();

    private static final DueItem ESCALATION = new DueItem(
            DueKind.ESCALATION_TO_SUPERVISOR,
            "ESCALATION_SUPERVISOR_LATE",
            "4.1.5",
            "inc-3",
            at("2026-11-02T22:30"),
            List.of("wang"));
    private static final DueItem ARRIVAL = new DueItem(
            DueKind.INCOMING_ARRIVAL,
            "HANDOVER_INCOMING_LATE",
            "4.2.1",
            "ho-2026-11-02",
            at("2026-11-02T22:10"),
            List.of("wang"));

    /** A host notifier that remembers what it was told. */
    private static final class RecordingNotifier implements DueNotifier {
        final List<List<DueItem>> calls = new ArrayList<>();
        Instant asOf;

        @Override
        public void notifyDue(String siteId, Instant at, List<DueItem> due) {
            asOf = at;
            calls.add(due);
        }
    }

    @Test
    void what_is_due_comes_from_the_rules_as_of_now_soonest_first() {
        f.clock.set("2026-11-02T22:00");
        f.scripted().dueItems(List.of(ESCALATION, ARRIVAL));

        List<DueItem> due = f.desk.due(SITE, Duration.ofMinutes(30));

        assertThat(due).containsExactly(ARRIVAL, ESCALATION);
        assertThat(f.scripted().askedAt()).containsExactly(at("2026-11-02T22:00"));
        assertThat(f.scripted().lastHorizon()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void the_due_list_is_pushed_to_the_hosts_notifier() {
        f.clock.set("2026-11-02T22:00");
        f.scripted().dueItems(List.of(ESCALATION));
        RecordingNotifier notifier = new RecordingNotifier();

        f.desk.notifyDue(SITE, Duration.ofMinutes(30), notifier);

        assertThat(notifier.calls).containsExactly(List.of(ESCALATION));
        assertThat(notifier.asOf).isEqualTo(at("2026-11-02T22:00"));
    }

    @Test
    void nothing_is_pushed_when_nothing_is_due() {
        RecordingNotifier notifier = new RecordingNotifier();
        assertThat(f.desk.notifyDue(SITE, Duration.ofMinutes(30), notifier)).isEmpty();
        assertThat(notifier.calls).isEmpty();
    }

    @Test
    void a_negative_horizon_or_an_unknown_site_is_refused() {
        assertThatThrownBy(() -> f.desk.due(SITE, Duration.ofMinutes(-1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("PT-1M");
        assertThatThrownBy(() -> f.desk.due("nowhere", Duration.ofMinutes(1))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_check_evaluates_the_rules_as_of_now() {
        f.clock.set("2026-12-01T00:00");
        Violation violation = new Violation(
                SITE,
                "PATROL_OVERDUE",
                "G2",
                ViolationSeverity.WARNING,
                "2026-11-02",
                List.of("wang"),
                LocalDate.parse("2026-11-02"),
                null,
                null,
                List.of());
        f.scripted().violations(List.of(violation));

        assertThat(f.desk.check(SITE, CheckPeriod.of(DeskFixture.NOVEMBER))).containsExactly(violation);
        assertThat(f.scripted().askedAt()).containsExactly(at("2026-12-01T00:00"));
    }
}
