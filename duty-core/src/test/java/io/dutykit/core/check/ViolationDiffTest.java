package io.dutykit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a rules change does: violations added, removed and changed, counted by rule and by person. */
class ViolationDiffTest {
    private static Violation v(String rule, String subject, ViolationSeverity severity, String... staff) {
        return new Violation(
                "garden-court",
                rule,
                "G2",
                severity,
                subject,
                List.of(staff),
                LocalDate.of(2026, 11, 2),
                null,
                null,
                List.of());
    }

    private static final Map<String, Map<String, Staff>> STAFF = Map.of(
            "garden-court",
            Map.of(
                    "wang",
                    Staff.of("wang", "王芳", Role.DUTY_OFFICER),
                    "chen",
                    Staff.of("chen", "陈军", Role.DUTY_OFFICER)));

    @Test
    void counts_what_a_change_adds_removes_and_changes_by_rule_and_by_person() {
        List<Violation> before = List.of(
                v("CALL_ANSWERED_LATE", "c-1", ViolationSeverity.WARNING, "wang"),
                v("CALL_ANSWERED_LATE", "c-2", ViolationSeverity.WARNING, "chen"),
                v("PATROL_OVERDUE", "2026-11-02", ViolationSeverity.WARNING, "wang"));
        List<Violation> after = List.of(
                v("CALL_ANSWERED_LATE", "c-2", ViolationSeverity.WARNING, "chen"),
                v("PATROL_OVERDUE", "2026-11-02", ViolationSeverity.ERROR, "wang"),
                v("NIGHT_PATROL_TOO_FEW", "2026-11-02", ViolationSeverity.WARNING, "wang"),
                v("NIGHT_PATROL_TOO_FEW", "2026-11-03", ViolationSeverity.WARNING, "wang"),
                v("ROSTER_GAP", "2026-11-04", ViolationSeverity.ERROR));

        ViolationDiff diff = ViolationDiff.of(before, after, STAFF);

        assertThat(diff.added())
                .extracting(Violation::rule, Violation::subject)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("NIGHT_PATROL_TOO_FEW", "2026-11-02"),
                        org.assertj.core.groups.Tuple.tuple("NIGHT_PATROL_TOO_FEW", "2026-11-03"),
                        org.assertj.core.groups.Tuple.tuple("ROSTER_GAP", "2026-11-04"));
        assertThat(diff.removed()).extracting(Violation::subject).containsExactly("c-1");
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.before().severity()).isEqualTo(ViolationSeverity.WARNING);
            assertThat(c.after().severity()).isEqualTo(ViolationSeverity.ERROR);
        });
        assertThat(diff.byRule())
                .containsExactly(
                        new ViolationDiff.RuleCount("CALL_ANSWERED_LATE", 0, 1, 0),
                        new ViolationDiff.RuleCount("NIGHT_PATROL_TOO_FEW", 2, 0, 0),
                        new ViolationDiff.RuleCount("PATROL_OVERDUE", 0, 0, 1),
                        new ViolationDiff.RuleCount("ROSTER_GAP", 1, 0, 0));
        assertThat(diff.byPerson())
                .containsExactly(
                        new ViolationDiff.PersonCount("garden-court", "wang", "王芳", 2, 1),
                        new ViolationDiff.PersonCount("garden-court", "", "", 1, 0));
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void the_same_violations_with_other_message_values_are_no_change() {
        Violation was = new Violation(
                "s",
                "CALL_ANSWERED_LATE",
                "4.1.5",
                ViolationSeverity.WARNING,
                "c-1",
                List.of("wang"),
                null,
                null,
                null,
                List.of("5", "3"));
        Violation is = new Violation(
                "s",
                "CALL_ANSWERED_LATE",
                "4.1.5",
                ViolationSeverity.WARNING,
                "c-1",
                List.of("wang"),
                null,
                null,
                null,
                List.of("5", "4"));

        assertThat(ViolationDiff.of(List.of(was), List.of(is), Map.of()).isEmpty())
                .isTrue();
    }
}
