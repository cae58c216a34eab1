package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What due lists, and the records it reads, around the National Day holiday of 2026 (10-01..10-07). */
class DeadlinesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 3),
            LocalDate.of(2026, 10, 4),
            LocalDate.of(2026, 10, 5),
            LocalDate.of(2026, 10, 6),
            LocalDate.of(2026, 10, 7));
    private static final Site SITE = Site.of("s", "S", ZONE, new SiteCalendar(HOLIDAYS, Set.of()));

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    private static SiteRecords records() {
        List<RosterDuty> september = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            september.add(new RosterDuty(LocalDate.of(2026, 9, d), "wang"));
        }
        List<RosterDuty> october = new ArrayList<>();
        for (int d = 1; d <= 31; d++) {
            october.add(new RosterDuty(LocalDate.of(2026, 10, d), "wang"));
        }
        return SiteRecords.builder(SITE)
                .staff(List.of(Staff.of("wang", "王芳", Role.DUTY_OFFICER), Staff.of("li", "李强", Role.SUPERVISOR)))
                .rosters(List.of(
                        new Roster(YearMonth.of(2026, 9), at("2026-08-25T09:00"), "li", september),
                        new Roster(YearMonth.of(2026, 10), at("2026-09-25T09:00"), "li", october)))
                .build();
    }

    @Test
    void after_the_holiday_the_reviews_of_every_holiday_date_fall_due_together() {
        List<DueItem> due = Deadlines.defaults().due(records(), at("2026-10-08T09:00"), Duration.ofHours(2));

        assertThat(due)
                .filteredOn(d -> d.kind() == DueKind.LOG_REVIEW)
                .extracting(DueItem::subject, DueItem::deadline)
                .containsExactly(
                        tuple("2026-09-30", at("2026-10-08T10:00")),
                        tuple("2026-10-01", at("2026-10-08T10:00")),
                        tuple("2026-10-02", at("2026-10-08T10:00")),
                        tuple("2026-10-03", at("2026-10-08T10:00")),
                        tuple("2026-10-04", at("2026-10-08T10:00")),
                        tuple("2026-10-05", at("2026-10-08T10:00")),
                        tuple("2026-10-06", at("2026-10-08T10:00")),
                        tuple("2026-10-07", at("2026-10-08T10:00")));
        assertThat(Deadlines.defaults()
                        .window(SITE, at("2026-10-08T09:00"), Duration.ofHours(2))
                        .firstDate())
                .isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void the_arrival_at_a_rostered_shift_with_no_handover_yet_is_due() {
        List<DueItem> due = Deadlines.defaults().due(records(), at("2026-10-09T17:00"), Duration.ofMinutes(40));

        assertThat(due)
                .extracting(
                        DueItem::kind,
                        DueItem::rule,
                        DueItem::clause,
                        DueItem::subject,
                        DueItem::deadline,
                        DueItem::responsible)
                .containsExactly(tuple(
                        DueKind.INCOMING_ARRIVAL,
                        "HANDOVER_INCOMING_LATE",
                        "4.2.1",
                        "2026-10-09",
                        at("2026-10-09T17:25"),
                        List.of("wang")));
        assertThat(Deadlines.defaults().due(records(), at("2026-10-09T17:00"), Duration.ofMinutes(24)))
                .isEmpty();
    }

    @Test
    void the_window_reads_the_dates_whose_deadlines_can_fall_in_it() {
        DueWindow window = Deadlines.defaults().window(SITE, at("2026-10-09T17:00"), Duration.ofMinutes(40));

        // 10-08's report is due 10-09 09:30 and its review 10-09 10:00: both past; 10-09 is the first date
        assertThat(window.firstDate()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(window.lastDate()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(window.firstMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(window.openedFrom()).isEqualTo(at("2026-10-09T17:00").minus(Duration.ofHours(72)));
        assertThat(window.slice(records()).rosters()).extracting(Roster::month).containsExactly(YearMonth.of(2026, 10));
    }
}
