package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.NOVEMBER;
import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.core.testdata.DeskFixture.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.testdata.DeskFixture;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetupAndRosterTest {
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private final DeskFixture f = new DeskFixture();

    private static List<RosterDuty> december(String officer) {
        List<RosterDuty> duties = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            duties.add(new RosterDuty(DECEMBER.atDay(day), officer));
        }
        return duties;
    }

    @Test
    void the_fixture_set_up_the_site_staff_and_a_published_roster_through_the_log() {
        assertThat(f.log())
                .extracting(LogRecord::id)
                .startsWith("garden-court/SITE_CONFIGURED", "li/STAFF_REGISTERED")
                .contains("2026-11/ROSTER_PUBLISHED");
        Roster roster = f.stores.rosters().find(SITE, "2026-11").orElseThrow();
        assertThat(roster.publishedBy()).isEqualTo("li");
        assertThat(roster.officerOn(date("2026-11-02"))).contains("wang");
    }

    @Test
    void once_the_site_has_a_supervisor_only_a_supervisor_registers_staff() {
        f.assertRefused("3.1", () -> f.desk.registerStaff(SITE, Staff.of("wu", "吴", Role.DUTY_OFFICER), "wang"));
        f.desk.registerStaff(SITE, Staff.of("wu", "吴", Role.DUTY_OFFICER), "li");
        assertThat(f.stores.staff().find(SITE, "wu")).isPresent();
    }

    @Test
    void registering_staff_at_an_unknown_site_is_not_found() {
        f.assertFailsWithoutWriting(
                NotFoundException.class, () -> f.desk.registerStaff("nowhere", Staff.of("wu", "吴"), "li"));
    }

    @Test
    void a_supervisor_drafts_and_publishes_a_roster() {
        f.clock.set("2026-11-20T10:00");
        f.desk.draftRoster(SITE, DECEMBER, december("liu"), "li");
        Roster published = f.desk.publishRoster(SITE, DECEMBER, "li");

        assertThat(published.isPublished()).isTrue();
        assertThat(published.publishedAt()).isEqualTo(f.clock.instant());
        assertThat(f.log().get(f.log().size() - 1).id()).isEqualTo("2026-12/ROSTER_PUBLISHED");
    }

    @Test
    void publishing_again_returns_the_published_roster_without_writing() {
        int before = f.log().size();
        Roster again = f.desk.publishRoster(SITE, NOVEMBER, "li");
        assertThat(again.publishedBy()).isEqualTo("li");
        assertThat(f.log()).hasSize(before);
    }

    @Test
    void a_draft_is_redrafted_until_it_is_published_each_version_in_the_log() {
        f.desk.draftRoster(SITE, DECEMBER, december("liu"), "li");
        f.desk.draftRoster(SITE, DECEMBER, december("wang"), "li"); // same instant, other content
        f.desk.draftRoster(SITE, DECEMBER, december("wang"), "li"); // a repeat writes nothing

        assertThat(f.log()).filteredOn(r -> r.type().equals("ROSTER_DRAFTED")).hasSize(3); // with November's
        assertThat(f.stores.rosters().find(SITE, "2026-12").orElseThrow().officerOn(DECEMBER.atDay(1)))
                .contains("wang");
    }

    @Test
    void a_supervisor_changes_a_staff_members_roles() {
        f.desk.registerStaff(SITE, Staff.of("liu", "刘洋", Role.DUTY_OFFICER, Role.SUPERVISOR), "li");
        assertThat(f.stores.staff().find(SITE, "liu").orElseThrow().isSupervisor())
                .isTrue();
        assertThat(f.log())
                .filteredOn(r -> r.id().startsWith("liu/STAFF_REGISTERED"))
                .hasSize(2);
    }

    @Test
    void only_a_supervisor_drafts_or_publishes_a_roster() {
        f.assertRefused("4.1.1", () -> f.desk.draftRoster(SITE, DECEMBER, december("liu"), "wang"));
        f.desk.draftRoster(SITE, DECEMBER, december("liu"), "li");
        ProcedureRefusedException refused =
                f.assertRefused("4.1.1", () -> f.desk.publishRoster(SITE, DECEMBER, "zhao"));
        assertThat(refused).hasMessageContaining("zhao").hasMessageContaining("SUPERVISOR");
    }

    @Test
    void a_roster_names_only_duty_officers() {
        ProcedureRefusedException refused =
                f.assertRefused("4.1.2", () -> f.desk.draftRoster(SITE, DECEMBER, december("zhao"), "li"));
        assertThat(refused).hasMessageContaining("zhao");
    }

    @Test
    void a_roster_naming_an_unknown_officer_is_not_found() {
        f.assertFailsWithoutWriting(
                NotFoundException.class, () -> f.desk.draftRoster(SITE, DECEMBER, december("ghost"), "li"));
    }

    @Test
    void a_roster_with_a_date_nobody_covers_is_not_published_and_names_the_dates() {
        List<RosterDuty> duties = december("liu");
        duties.remove(24);
        f.desk.draftRoster(SITE, DECEMBER, duties, "li");
        ProcedureRefusedException refused = f.assertRefused("4.1.2", () -> f.desk.publishRoster(SITE, DECEMBER, "li"));
        assertThat(refused.blockingIds()).containsExactly("2026-12-25");
    }

    @Test
    void a_published_roster_is_not_redrafted() {
        f.assertRefused("4.1.1", () -> f.desk.draftRoster(SITE, NOVEMBER, DeskFixture.novemberDuties(), "li"));
    }

    @Test
    void publishing_a_month_without_a_draft_is_not_found() {
        f.assertFailsWithoutWriting(NotFoundException.class, () -> f.desk.publishRoster(SITE, DECEMBER, "li"));
    }

    @Test
    void an_officer_asks_for_leave_and_the_supervisor_approves_it_with_a_substitute() {
        Leave requested = f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "family", "wang");
        assertThat(requested.requestedAt()).isEqualTo(f.clock.instant());
        f.clock.advance(Duration.ofHours(1));
        Leave approved = f.desk.approveLeave(SITE, "lv-1", "liu", "li");

        assertThat(approved.approvedBy()).isEqualTo("li");
        assertThat(approved.substitute()).isEqualTo("liu");
        assertThat(approved.approvedAt()).isEqualTo(f.clock.instant());
        assertThat(f.log()).extracting(LogRecord::id).endsWith("lv-1/LEAVE_REQUESTED", "lv-1/LEAVE_APPROVED");
    }

    @Test
    void a_repeated_approval_returns_the_stored_leave_without_writing() {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "family", "wang");
        f.desk.approveLeave(SITE, "lv-1", "liu", "li");
        int before = f.log().size();
        f.desk.approveLeave(SITE, "lv-1", "liu", "li");
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "family", "wang");
        assertThat(f.log()).hasSize(before);
    }

    @Test
    void an_officer_asks_only_for_their_own_leave() {
        f.assertRefused("4.1.5", () -> f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), null, "chen"));
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), null, "li");
    }

    @Test
    void leave_is_asked_only_for_a_rostered_duty_before_it_starts() {
        f.assertRefused("4.1.5", () -> f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-03"), null, "wang"));
        f.clock.set("2026-11-02T17:30");
        f.assertRefused("4.1.5", () -> f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-02"), null, "wang"));
    }

    @Test
    void only_a_supervisor_approves_leave() {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), null, "wang");
        f.assertRefused("4.1.5", () -> f.desk.approveLeave(SITE, "lv-1", "liu", "chen"));
        f.assertRefused("4.1.5", () -> f.desk.approveLeave(SITE, "lv-1", "liu", "zhao"));
    }

    @Test
    void leave_is_approved_only_with_a_duty_officer_as_substitute() {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), null, "wang");
        f.assertRefused("4.1.5", () -> f.desk.approveLeave(SITE, "lv-1", " ", "li"));
        f.assertRefused("4.1.5", () -> f.desk.approveLeave(SITE, "lv-1", "zhao", "li"));
        f.assertRefused("4.1.5", () -> f.desk.approveLeave(SITE, "lv-1", "wang", "li"));
        f.assertFailsWithoutWriting(NotFoundException.class, () -> f.desk.approveLeave(SITE, "lv-1", "ghost", "li"));
    }

    @Test
    void leave_is_not_approved_after_the_duty_started() {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), null, "wang");
        f.clock.set("2026-11-04T17:30");
        f.clock.advance(Duration.ofSeconds(1));
        f.assertRefused("4.1.5", () -> f.desk.approveLeave(SITE, "lv-1", "liu", "li"));
    }

    @Test
    void leave_approved_exactly_at_the_shift_start_is_allowed() {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), null, "wang");
        f.clock.set("2026-11-04T17:30");
        assertThat(f.desk.approveLeave(SITE, "lv-1", "liu", "li").isApproved()).isTrue();
    }

    @Test
    void approving_an_unknown_leave_is_not_found() {
        f.assertFailsWithoutWriting(NotFoundException.class, () -> f.desk.approveLeave(SITE, "lv-9", "liu", "li"));
    }
}
