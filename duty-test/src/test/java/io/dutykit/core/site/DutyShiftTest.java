package io.dutykit.core.site;

import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.test.data.SiteBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DutyShiftTest {
    private final Site site = SiteBuilder.aSite()
            .holiday("2026-10-01")
            .holiday("2026-10-02")
            .workday("2026-10-10")
            .build();

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void a_working_day_shift_runs_from_17_30_to_08_30_the_next_day() {
        DutyShift shift = site.shiftOf(d("2026-11-02"));
        assertThat(shift.start()).isEqualTo(at("2026-11-02T17:30"));
        assertThat(shift.end()).isEqualTo(at("2026-11-03T08:30"));
        assertThat(shift.workingDay()).isTrue();
        assertThat(shift.length()).isEqualTo(Duration.ofHours(15));
    }

    @Test
    void a_weekend_shift_lasts_24_hours_from_08_30() {
        DutyShift shift = site.shiftOf(d("2026-11-07"));
        assertThat(shift.start()).isEqualTo(at("2026-11-07T08:30"));
        assertThat(shift.end()).isEqualTo(at("2026-11-08T08:30"));
        assertThat(shift.workingDay()).isFalse();
    }

    @Test
    void a_holiday_on_a_weekday_has_a_24_hour_shift() {
        DutyShift shift = site.shiftOf(d("2026-10-01"));
        assertThat(shift.start()).isEqualTo(at("2026-10-01T08:30"));
        assertThat(shift.length()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void a_make_up_working_day_on_a_saturday_has_a_night_shift() {
        DutyShift shift = site.shiftOf(d("2026-10-10"));
        assertThat(shift.start()).isEqualTo(at("2026-10-10T17:30"));
        assertThat(shift.workingDay()).isTrue();
    }

    @Test
    void shifts_cross_month_and_year_boundaries() {
        DutyShift lastOfOctober = site.shiftOf(d("2026-10-31")); // Saturday
        assertThat(lastOfOctober.end()).isEqualTo(at("2026-11-01T08:30"));
        DutyShift newYearsEve = site.shiftOf(d("2026-12-31")); // Thursday
        assertThat(newYearsEve.start()).isEqualTo(at("2026-12-31T17:30"));
        assertThat(newYearsEve.end()).isEqualTo(at("2027-01-01T08:30"));
        assertThat(site.shiftContaining(at("2027-01-01T03:00")))
                .map(DutyShift::date)
                .contains(d("2026-12-31"));
    }

    @Test
    void shift_containing_includes_the_start_and_excludes_the_end() {
        DutyShift shift = site.shiftOf(d("2026-11-02"));
        assertThat(site.shiftContaining(shift.start())).contains(shift);
        assertThat(site.shiftContaining(shift.end().minusMillis(1))).contains(shift);
        // at exactly 08:30 on Tuesday the Monday shift is over and Tuesday's starts only at 17:30
        assertThat(site.shiftContaining(shift.end())).isEmpty();
        assertThat(shift.contains(shift.end())).isFalse();
    }

    @Test
    void at_08_30_on_a_weekend_the_instant_belongs_to_the_shift_that_starts_then() {
        Instant saturday0830 = at("2026-11-07T08:30");
        assertThat(site.shiftContaining(saturday0830)).map(DutyShift::date).contains(d("2026-11-07"));
        assertThat(site.shiftContaining(saturday0830.minusMillis(1)))
                .map(DutyShift::date)
                .contains(d("2026-11-06"));
    }

    @Test
    void outside_every_shift_an_instant_belongs_to_its_local_date() {
        assertThat(site.shiftContaining(at("2026-11-03T12:00"))).isEmpty();
        assertThat(site.dutyDateOf(at("2026-11-03T12:00"))).isEqualTo(d("2026-11-03"));
        assertThat(site.dutyDateOf(at("2026-11-03T02:00"))).isEqualTo(d("2026-11-02"));
    }

    @Test
    void the_08_30_handover_on_a_working_day_belongs_to_the_shift_it_ends() {
        // Tuesday 08:30 starts no shift: the handover to day staff ends Monday's shift
        assertThat(site.handoverDateOf(at("2026-11-03T08:30"))).contains(d("2026-11-02"));
    }

    @Test
    void the_08_30_handover_on_a_weekend_belongs_to_the_shift_it_starts() {
        // Saturday 08:30 ends Friday's shift and starts Saturday's: the start wins
        assertThat(site.handoverDateOf(at("2026-11-07T08:30"))).contains(d("2026-11-07"));
        // Monday 08:30 ends Sunday's shift and starts none
        assertThat(site.handoverDateOf(at("2026-11-09T08:30"))).contains(d("2026-11-08"));
    }

    @Test
    void the_17_30_handover_belongs_to_the_shift_it_starts_and_other_times_to_none() {
        assertThat(site.handoverDateOf(at("2026-11-02T17:30"))).contains(d("2026-11-02"));
        assertThat(site.handoverDateOf(at("2026-11-02T17:00"))).isEmpty();
    }

    @Test
    void shifts_are_computed_in_the_site_zone() {
        Site berlin = SiteBuilder.aSite().zone("Europe/Berlin").build();
        DutyShift shift = berlin.shiftOf(d("2026-11-02"));
        assertThat(shift.start())
                .isEqualTo(OffsetDateTime.parse("2026-11-02T17:30+01:00").toInstant());
        assertThat(shift.end())
                .isEqualTo(OffsetDateTime.parse("2026-11-03T08:30+01:00").toInstant());
    }

    @Test
    void a_weekend_shift_across_the_autumn_dst_change_in_berlin_lasts_25_hours() {
        Site berlin = SiteBuilder.aSite().zone("Europe/Berlin").build();
        DutyShift saturday = berlin.shiftOf(d("2026-10-24")); // clocks go back on Sunday 10-25 at 03:00
        assertThat(saturday.start())
                .isEqualTo(OffsetDateTime.parse("2026-10-24T08:30+02:00").toInstant());
        assertThat(saturday.end())
                .isEqualTo(OffsetDateTime.parse("2026-10-25T08:30+01:00").toInstant());
        assertThat(saturday.length()).isEqualTo(Duration.ofHours(25));
        Instant repeatedHour = OffsetDateTime.parse("2026-10-25T02:30+01:00").toInstant();
        assertThat(berlin.shiftContaining(repeatedHour)).contains(saturday);
    }

    @Test
    void a_weekend_shift_across_the_spring_dst_change_in_berlin_lasts_23_hours() {
        Site berlin = SiteBuilder.aSite().zone("Europe/Berlin").build();
        DutyShift saturday = berlin.shiftOf(d("2026-03-28")); // clocks go forward on Sunday 03-29 at 02:00
        assertThat(saturday.length()).isEqualTo(Duration.ofHours(23));
        assertThat(berlin.shiftContaining(saturday.end())).map(DutyShift::date).contains(d("2026-03-29"));
    }

    @Test
    void office_hours_are_half_open_on_working_days_only() {
        assertThat(site.isOfficeHours(at("2026-11-02T08:30"))).isTrue();
        assertThat(site.isOfficeHours(at("2026-11-02T17:30"))).isFalse();
        assertThat(site.isOfficeHours(at("2026-11-02T08:29"))).isFalse();
        assertThat(site.isOfficeHours(at("2026-11-07T10:00"))).isFalse(); // Saturday
        assertThat(site.isOfficeHours(at("2026-10-10T10:00"))).isTrue(); // make-up working day
    }
}
