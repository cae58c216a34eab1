package io.dutykit.reference;

import static io.dutykit.reference.V.v;
import static io.dutykit.test.data.TestTime.at;
import static io.dutykit.test.data.TestTime.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterRulesTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static void publishNovemberAt(World world, Instant publishedAt, String by) {
        Roster old = world.rosters.get(NOVEMBER);
        world.rosters.put(NOVEMBER, new Roster(NOVEMBER, publishedAt, by, old.duties()));
    }

    private static void rosterNovember4(World world, String staff) {
        Roster old = world.rosters.get(NOVEMBER);
        List<RosterDuty> duties = new ArrayList<>(old.duties());
        duties.removeIf(d -> d.date().equals(date("2026-11-04")));
        if (staff != null) {
            duties.add(new RosterDuty(date("2026-11-04"), staff));
        }
        world.rosters.put(NOVEMBER, new Roster(NOVEMBER, old.publishedAt(), old.publishedBy(), duties));
    }

    @Test
    void ROSTER_LATE_a_roster_published_exactly_at_midnight_of_the_first_day_is_late() {
        World world = World.week();
        publishNovemberAt(world, at("2026-11-01T00:00"), "li");

        assertThat(world.found())
                .containsExactly(v("ROSTER_LATE", "2026-11", List.of("li"), "2026-11-01", at("2026-11-01T00:00")));
    }

    @Test
    void ROSTER_LATE_a_roster_published_one_second_before_midnight_is_in_time() {
        World world = World.week();
        publishNovemberAt(world, at("2026-10-31T23:59:59"), "li");

        assertThat(world.found()).isEmpty();
    }

    @Test
    void ROSTER_LATE_a_missing_roster_is_every_supervisors_and_waits_for_its_deadline() {
        World world = World.week();
        world.rosters.remove(NOVEMBER);

        assertThat(world.found())
                .containsExactly(
                        v("ROSTER_LATE", "2026-11", List.of("li", "sun"), "2026-11-01", at("2026-11-01T00:00")));
        assertThat(world.found("ROSTER_LATE", at("2026-10-31T23:59:59"))).isEmpty();
    }

    @Test
    void ROSTER_LATE_a_publication_after_as_of_has_not_happened_yet() {
        World world = World.week();
        publishNovemberAt(world, at("2026-11-01T09:00"), "li");

        assertThat(world.found("ROSTER_LATE", at("2026-11-01T08:00")))
                .containsExactly(v("ROSTER_LATE", "2026-11", List.of("li"), "2026-11-01", at("2026-11-01T00:00")));
    }

    @Test
    void ROSTER_GAP_a_date_with_nobody_rostered_is_the_publishers_with_no_instant() {
        World world = World.week();
        rosterNovember4(world, null);

        assertThat(world.found()).containsExactly(v("ROSTER_GAP", "2026-11-04", List.of("li"), "2026-11-04", null));
    }

    @Test
    void ROSTER_GAP_a_date_rostered_to_someone_without_the_duty_officer_role() {
        World world = World.week();
        rosterNovember4(world, "li");

        assertThat(world.found())
                .containsExactly(
                        v("ROSTER_GAP", "2026-11-04", List.of("li"), "2026-11-04", null),
                        v("UNAPPROVED_SWAP", "2026-11-04", List.of("chen"), "2026-11-04", at("2026-11-04T17:32")));
    }

    @Test
    void ROSTER_GAP_an_unpublished_roster_without_a_publisher_is_every_supervisors() {
        World world = World.week();
        publishNovemberAt(world, null, null);
        rosterNovember4(world, null);

        assertThat(world.found())
                .containsExactly(
                        v("ROSTER_LATE", "2026-11", List.of("li", "sun"), "2026-11-01", at("2026-11-01T00:00")),
                        v("ROSTER_GAP", "2026-11-04", List.of("li", "sun"), "2026-11-04", null));
    }

    private static World swapOnNovember3() {
        World world = World.week();
        world.handoverOn("2026-11-03").incoming("chen");
        return world;
    }

    private static Leave leaveOfWang(String approvedBy, Instant approvedAt, String substitute) {
        return new Leave(
                "lv-1", "wang", date("2026-11-03"), at("2026-11-01T09:00"), approvedBy, approvedAt, substitute, "ill");
    }

    @Test
    void UNAPPROVED_SWAP_the_incoming_is_not_the_rostered_officer_and_no_leave_covers_it() {
        World world = swapOnNovember3();

        assertThat(world.found())
                .containsExactly(
                        v("UNAPPROVED_SWAP", "2026-11-03", List.of("chen"), "2026-11-03", at("2026-11-03T17:32")));
    }

    @Test
    void UNAPPROVED_SWAP_a_leave_approved_by_a_supervisor_exactly_at_the_shift_start_covers_it() {
        World world = swapOnNovember3();
        world.leaves.add(leaveOfWang("li", at("2026-11-03T17:30"), "chen"));

        assertThat(world.found()).isEmpty();
    }

    @Test
    void UNAPPROVED_SWAP_a_leave_approved_one_second_after_the_shift_start_does_not_cover_it() {
        World world = swapOnNovember3();
        world.leaves.add(leaveOfWang("li", at("2026-11-03T17:30:01"), "chen"));

        assertThat(world.found("UNAPPROVED_SWAP")).hasSize(1);
    }

    @Test
    void UNAPPROVED_SWAP_a_leave_approved_by_a_manager_or_naming_another_substitute_does_not_cover_it() {
        World byManager = swapOnNovember3();
        byManager.leaves.add(leaveOfWang("zhao", at("2026-11-02T10:00"), "chen"));
        World otherSubstitute = swapOnNovember3();
        otherSubstitute.leaves.add(leaveOfWang("li", at("2026-11-02T10:00"), "liu"));

        assertThat(byManager.found("UNAPPROVED_SWAP")).hasSize(1);
        assertThat(otherSubstitute.found("UNAPPROVED_SWAP")).hasSize(1);
    }

    @Test
    void UNAPPROVED_SWAP_looks_only_at_judged_handovers() {
        World world = swapOnNovember3();
        world.handoverOn("2026-11-03").notCompleted();

        assertThat(world.found("UNAPPROVED_SWAP", at("2026-11-03T18:29:59"))).isEmpty();
        assertThat(world.found("UNAPPROVED_SWAP", at("2026-11-03T18:30")))
                .containsExactly(
                        v("UNAPPROVED_SWAP", "2026-11-03", List.of("chen"), "2026-11-03", at("2026-11-03T17:30")));
    }

    @Test
    void UNAPPROVED_SWAP_is_silent_without_a_handover_at_the_shift_start() {
        World world = World.week();
        world.handovers.remove(date("2026-11-03"));

        assertThat(world.found())
                .containsExactly(
                        v("HANDOVER_MISSING", "2026-11-03", List.of("wang"), "2026-11-03", at("2026-11-03T17:30")));
    }

    @Test
    void LEAVE_WITHOUT_SUBSTITUTE_an_approved_leave_with_a_blank_substitute() {
        World world = World.week();
        world.leaves.add(new Leave(
                "lv-2", "wang", date("2026-11-05"), at("2026-11-01T09:00"), "li", at("2026-11-01T10:00"), " ", "ill"));

        assertThat(world.found())
                .containsExactly(
                        v("LEAVE_WITHOUT_SUBSTITUTE", "lv-2", List.of("li"), "2026-11-05", at("2026-11-01T10:00")));
    }

    @Test
    void LEAVE_WITHOUT_SUBSTITUTE_is_silent_for_a_leave_with_a_substitute_or_not_approved_or_out_of_scope() {
        World world = World.week();
        world.leaves.add(new Leave(
                "lv-2",
                "wang",
                date("2026-11-05"),
                at("2026-11-01T09:00"),
                "li",
                at("2026-11-01T10:00"),
                "chen",
                "ill"));
        world.leaves.add(
                new Leave("lv-3", "wang", date("2026-11-05"), at("2026-11-01T09:00"), null, null, null, "ill"));
        world.leaves.add(new Leave(
                "lv-4", "wang", date("2026-11-20"), at("2026-11-01T09:00"), "li", at("2026-11-01T10:00"), null, "ill"));

        assertThat(world.found()).isEmpty();
    }

    @Test
    void LEAVE_WITHOUT_SUBSTITUTE_an_approval_after_as_of_counts_by_its_approver_with_no_instant_yet() {
        World world = World.week();
        world.leaves.add(new Leave(
                "lv-2", "wang", date("2026-11-05"), at("2026-11-01T09:00"), "li", at("2026-11-05T10:00"), null, "ill"));

        // a leave is approved when it has approvedBy (SPEC section 4); only its instant reads as missing
        assertThat(world.found("LEAVE_WITHOUT_SUBSTITUTE", at("2026-11-05T09:59")))
                .singleElement()
                .satisfies(v -> assertThat(v.at()).isNull());
        assertThat(world.found("LEAVE_WITHOUT_SUBSTITUTE", at("2026-11-05T10:00")))
                .singleElement()
                .satisfies(v -> assertThat(v.at()).isEqualTo(at("2026-11-05T10:00")));
    }
}
