package io.dutykit.core;

import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every validation message names the offending value (and the record it belongs to). */
class DomainValidationTest {

    @Test
    void an_entry_closed_before_it_was_written_names_both_instants_and_the_entry() {
        assertThatThrownBy(() -> anEntry()
                        .at("2026-11-02T21:10")
                        .closedAt("2026-11-02T21:00")
                        .build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("closedAt (" + at("2026-11-02T21:00") + ")")
                .hasMessageContaining("at (" + at("2026-11-02T21:10") + ")")
                .hasMessageContaining("e-17");
    }

    @Test
    void a_correction_without_a_reference_names_the_entry() {
        assertThatThrownBy(() -> new io.dutykit.core.record.LogEntry(
                        "e-20",
                        LocalDate.parse("2026-11-02"),
                        at("2026-11-02T22:00"),
                        "wang",
                        io.dutykit.core.record.EntryKind.CORRECTION,
                        "typo",
                        false,
                        null,
                        List.of(),
                        " "))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("e-20")
                .hasMessageContaining("corrects");
    }

    @Test
    void an_incident_resolved_before_it_opened_names_both_instants() {
        assertThatThrownBy(() -> new Incident(
                        "inc-3",
                        LocalDate.parse("2026-11-02"),
                        at("2026-11-02T22:00"),
                        "wang",
                        "WATER_LEAK",
                        IncidentSeverity.DIFFICULT,
                        List.of(),
                        null,
                        at("2026-11-02T21:00"),
                        null,
                        null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("inc-3")
                .hasMessageContaining(at("2026-11-02T21:00").toString());
    }

    @Test
    void a_category_that_is_not_an_upper_case_code_is_named() {
        assertThatThrownBy(() -> Incident.open(
                        "inc-3",
                        LocalDate.parse("2026-11-02"),
                        at("2026-11-02T22:00"),
                        "wang",
                        "water leak",
                        IncidentSeverity.ROUTINE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("water leak");
    }

    @Test
    void an_absence_ending_before_it_started_names_the_instants_and_the_absence() {
        assertThatThrownBy(() ->
                        new Absence("ab-1", "wang", at("2026-11-02T22:00"), at("2026-11-02T21:00"), null, "toilet"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ab-1")
                .hasMessageContaining(at("2026-11-02T21:00").toString());
    }

    @Test
    void a_leave_approved_before_it_was_requested_names_the_leave() {
        assertThatThrownBy(() -> new Leave(
                        "lv-1",
                        "wang",
                        LocalDate.parse("2026-11-05"),
                        at("2026-11-03T10:00"),
                        "li",
                        at("2026-11-03T09:00"),
                        "liu",
                        null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("lv-1")
                .hasMessageContaining(at("2026-11-03T09:00").toString());
    }

    @Test
    void a_negative_count_names_the_item_and_the_value() {
        assertThatThrownBy(() -> new InventoryLine("WALKIE_TALKIE", 2, -1, 0, null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("WALKIE_TALKIE")
                .hasMessageContaining("-1");
    }

    @Test
    void a_negative_ring_count_names_the_call() {
        assertThatThrownBy(() -> new Call(
                        "c-9", at("2026-11-02T22:00"), CallLine.HOTLINE, CallDirection.INBOUND, -2, true, "wang"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("c-9")
                .hasMessageContaining("-2");
    }

    @Test
    void a_roster_duty_outside_its_month_names_the_date_and_month() {
        assertThatThrownBy(() -> Roster.draft(
                        YearMonth.of(2026, 11), List.of(new RosterDuty(LocalDate.parse("2026-12-01"), "wang"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2026-12-01")
                .hasMessageContaining("2026-11");
    }

    @Test
    void a_roster_naming_a_date_twice_names_the_date() {
        assertThatThrownBy(() -> Roster.draft(
                        YearMonth.of(2026, 11),
                        List.of(
                                new RosterDuty(LocalDate.parse("2026-11-03"), "wang"),
                                new RosterDuty(LocalDate.parse("2026-11-03"), "chen"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2026-11-03");
    }

    @Test
    void a_blank_required_field_is_named() {
        assertThatThrownBy(() -> new Staff(" ", "nobody", Set.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("staff.id")
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> new Anomaly(null, "x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("anomalies[].description");
        assertThatThrownBy(() -> Site.of("", null, null, null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("site.id");
    }

    @Test
    void a_shift_ending_before_it_starts_names_its_date_and_instants() {
        assertThatThrownBy(() -> new DutyShift(
                        LocalDate.parse("2026-11-02"), at("2026-11-03T08:30"), at("2026-11-02T17:30"), true))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2026-11-02")
                .hasMessageContaining(at("2026-11-03T08:30").toString());
    }

    @Test
    void a_period_ending_before_it_starts_names_both_dates() {
        assertThatThrownBy(() -> new CheckPeriod(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-01")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2026-11-30")
                .hasMessageContaining("2026-11-01");
    }

    /** Issue 18, finding 6: a period of 0001-01-01 to 9999-12-31 ran the check out of memory. */
    @Test
    void a_period_beyond_sane_bounds_is_refused_up_front() {
        assertThatThrownBy(() -> new CheckPeriod(LocalDate.parse("0001-01-01"), LocalDate.parse("9999-12-31")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("outside 1900-01-01 to 2999-12-31");
        LocalDate first = LocalDate.parse("2026-01-01");
        assertThat(new CheckPeriod(first, first.plusDays(CheckPeriod.MAX_DAYS - 1)).to())
                .isEqualTo(first.plusDays(CheckPeriod.MAX_DAYS - 1));
        assertThatThrownBy(() -> new CheckPeriod(first, first.plusDays(CheckPeriod.MAX_DAYS)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("spans 3654 days");
    }
}
