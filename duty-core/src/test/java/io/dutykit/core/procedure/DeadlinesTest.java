package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
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

        // 10-08's report is due 10-09 09:30 and its log review 10-09 10:00, both past; but a report
        // submitted at 09:30 may be reviewed until 10-10 09:30 (report.reviewHours, SPEC 4.1): 10-08 is read
        assertThat(window.firstDate()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(window.lastDate()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(window.firstMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(window.openedFrom()).isEqualTo(at("2026-10-09T17:00").minus(Duration.ofHours(72)));
        assertThat(window.slice(records()).rosters()).extracting(Roster::month).containsExactly(YearMonth.of(2026, 10));
        // entries and calls: the longest of the closing and logging limits back (a complaint: 72 h)
        assertThat(window.loggedFrom()).isEqualTo(at("2026-10-06T17:00"));
        assertThat(window.loggedUntil()).isEqualTo(at("2026-10-09T17:00"));
        assertThat(window.handoversFrom()).isEqualTo(LocalDate.of(2026, 10, 5));
    }

    /**
     * Monday 2026-10-12 at 20:30: a MAJOR leak opened at 20:00 (li reached 20:05, zhao 20:20), a call at
     * 20:10, chen's complaint of 16:00 carried over to wang at 17:40, and Sunday's duty report submitted
     * at 09:00 — each with the step the second-round rules wait for done or not.
     */
    private static SiteRecords secondRound(boolean done) {
        Escalation li = Escalation.of("li", at("2026-10-12T20:05"), true);
        Escalation zhao = Escalation.of("zhao", at("2026-10-12T20:20"), true);
        if (done) {
            li = li.withDecision("close the main valve", at("2026-10-12T20:20")).withOnSite(at("2026-10-12T20:25"));
            zhao = zhao.withOnSite(at("2026-10-12T20:29"));
        }
        Incident leak = new Incident(
                "inc-1",
                LocalDate.of(2026, 10, 12),
                at("2026-10-12T20:00"),
                "wang",
                "WATER_LEAK",
                IncidentSeverity.MAJOR,
                List.of(li, zhao),
                null,
                null,
                null,
                null);
        List<LogEntry> entries = new ArrayList<>();
        entries.add(new LogEntry(
                "e-1",
                LocalDate.of(2026, 10, 12),
                at("2026-10-12T16:00"),
                "chen",
                EntryKind.COMPLAINT,
                "noise",
                false,
                done ? at("2026-10-12T20:00") : null,
                List.of(),
                null));
        if (done) {
            entries.add(LogEntry.of(
                    "e-c1",
                    LocalDate.of(2026, 10, 12),
                    at("2026-10-12T20:15"),
                    "wang",
                    EntryKind.ENQUIRY,
                    "call c-1",
                    false));
        }
        Handover handover = new Handover(
                "ho-1",
                LocalDate.of(2026, 10, 12),
                at("2026-10-12T17:30"),
                "chen",
                "wang",
                at("2026-10-12T17:20"),
                at("2026-10-12T17:10"),
                List.of(),
                List.of(),
                List.of("e-1"),
                List.of(),
                at("2026-10-12T17:40"));
        return records().toBuilder()
                .staff(List.of(
                        Staff.of("wang", "王芳", Role.DUTY_OFFICER),
                        Staff.of("chen", "陈军", Role.DUTY_OFFICER),
                        Staff.of("li", "李强", Role.SUPERVISOR),
                        Staff.of("zhao", "赵敏", Role.MANAGER)))
                .handovers(List.of(handover))
                .incidents(List.of(leak))
                .entries(entries)
                .calls(List.of(new Call(
                        "c-1",
                        at("2026-10-12T20:10"),
                        CallLine.HOTLINE,
                        CallDirection.INBOUND,
                        2,
                        true,
                        "wang",
                        done ? "e-c1" : null)))
                .dutyReports(List.of(new DutyReport(
                        LocalDate.of(2026, 10, 11),
                        "wang",
                        at("2026-10-12T09:00"),
                        done ? "li" : null,
                        done ? at("2026-10-12T09:30") : null)))
                .build();
    }

    private static final Set<DueKind> SECOND_ROUND = Set.of(
            DueKind.DECISION,
            DueKind.ON_SITE_RETURN,
            DueKind.CALL_LOGGING,
            DueKind.REQUEST_CLOSING,
            DueKind.DUTY_REPORT_REVIEW);

    @Test
    void the_second_round_steps_are_due_until_done() {
        Instant now = at("2026-10-12T20:30");
        Duration horizon = Duration.ofDays(3);

        List<DueItem> due = Deadlines.defaults().due(secondRound(false), now, horizon);

        assertThat(due)
                .filteredOn(d -> SECOND_ROUND.contains(d.kind()))
                .extracting(DueItem::kind, DueItem::rule, DueItem::subject, DueItem::deadline, DueItem::responsible)
                .containsExactly(
                        tuple(
                                DueKind.DECISION,
                                "ESCALATION_DECISION_MISSING",
                                "inc-1",
                                at("2026-10-12T20:35"),
                                List.of("li")),
                        tuple(DueKind.CALL_LOGGING, "CALL_NOT_LOGGED", "c-1", at("2026-10-12T20:40"), List.of("wang")),
                        tuple(
                                DueKind.ON_SITE_RETURN,
                                "ONCALL_NOT_ON_SITE",
                                "inc-1/li",
                                at("2026-10-12T21:05"),
                                List.of("li")),
                        tuple(
                                DueKind.ON_SITE_RETURN,
                                "ONCALL_NOT_ON_SITE",
                                "inc-1/zhao",
                                at("2026-10-12T21:20"),
                                List.of("zhao")),
                        tuple(
                                DueKind.DUTY_REPORT_REVIEW,
                                "DUTY_REPORT_NOT_REVIEWED",
                                "2026-10-11",
                                at("2026-10-13T09:00"),
                                List.of("li")),
                        // chen's complaint is wang's since the handover carried it over
                        tuple(
                                DueKind.REQUEST_CLOSING,
                                "REQUEST_NOT_CLOSED",
                                "e-1",
                                at("2026-10-15T16:00"),
                                List.of("wang")));
        assertThat(Deadlines.defaults().due(secondRound(true), now, horizon))
                .noneMatch(d -> SECOND_ROUND.contains(d.kind()));
        // the records of the window are all due reads
        Deadlines deadlines = Deadlines.defaults();
        assertThat(deadlines.due(deadlines.window(SITE, now, horizon).slice(secondRound(false)), now, horizon))
                .isEqualTo(due);
    }

    @Test
    void a_deadline_passed_is_no_longer_due_and_a_call_outside_the_shifts_needs_no_entry() {
        assertThat(Deadlines.defaults().due(secondRound(false), at("2026-10-12T20:36"), Duration.ofMinutes(4)))
                .extracting(DueItem::kind)
                .containsExactly(DueKind.CALL_LOGGING);
        SiteRecords dayCall = secondRound(false).toBuilder()
                .calls(List.of(new Call(
                        "c-1", at("2026-10-12T12:10"), CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang")))
                .build();
        assertThat(Deadlines.defaults().due(dayCall, at("2026-10-12T12:20"), Duration.ofHours(1)))
                .noneMatch(d -> d.kind() == DueKind.CALL_LOGGING);
    }
}
