package io.dutykit.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteCalendarTest {
    private static final SiteCalendar NATIONAL_DAY = new SiteCalendar(
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02")),
            Set.of(LocalDate.parse("2026-10-10")));

    @Test
    void monday_to_friday_are_working_days_and_the_weekend_is_not() {
        assertThat(SiteCalendar.WEEKDAYS_ONLY.isWorkingDay(LocalDate.parse("2026-11-06")))
                .isTrue(); // Friday
        assertThat(SiteCalendar.WEEKDAYS_ONLY.isWorkingDay(LocalDate.parse("2026-11-07")))
                .isFalse(); // Saturday
        assertThat(SiteCalendar.WEEKDAYS_ONLY.isWorkingDay(LocalDate.parse("2026-11-08")))
                .isFalse(); // Sunday
        assertThat(SiteCalendar.WEEKDAYS_ONLY.isWorkingDay(LocalDate.parse("2026-11-09")))
                .isTrue(); // Monday
    }

    @Test
    void a_holiday_on_a_weekday_is_not_a_working_day() {
        assertThat(NATIONAL_DAY.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse(); // Thursday
    }

    @Test
    void a_make_up_working_day_on_a_saturday_is_a_working_day() {
        assertThat(NATIONAL_DAY.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(SiteCalendar.WEEKDAYS_ONLY.isWorkingDay(LocalDate.parse("2026-10-10")))
                .isFalse();
    }

    @Test
    void the_next_working_day_skips_holidays_and_the_weekend() {
        assertThat(NATIONAL_DAY.workingDayOnOrAfter(LocalDate.parse("2026-10-01")))
                .isEqualTo(LocalDate.parse("2026-10-05")); // Thu, Fri holidays; Sat, Sun weekend
        assertThat(NATIONAL_DAY.workingDayOnOrAfter(LocalDate.parse("2026-10-10")))
                .isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(SiteCalendar.WEEKDAYS_ONLY.workingDayOnOrAfter(LocalDate.parse("2026-12-31")))
                .isEqualTo(LocalDate.parse("2026-12-31"));
    }

    @Test
    void a_date_listed_as_holiday_and_make_up_day_is_refused_naming_it() {
        assertThatThrownBy(() ->
                        new SiteCalendar(Set.of(LocalDate.parse("2026-10-10")), Set.of(LocalDate.parse("2026-10-10"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2026-10-10");
    }
}
