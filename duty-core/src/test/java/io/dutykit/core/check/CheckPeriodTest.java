package io.dutykit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckPeriodTest {
    private static final Site SITE =
            Site.of("s", "S", ZoneId.of("Asia/Shanghai"), new SiteCalendar(Set.of(), Set.of()));

    @Test
    void the_rosters_months_from_the_first_day_of_the_earliest_to_the_last_day_of_the_latest() {
        Instant at = Instant.parse("2026-08-25T01:00:00Z");
        SiteRecords site = SiteRecords.builder(SITE)
                .rosters(List.of(
                        new Roster(YearMonth.of(2026, 10), at, "li", List.of()),
                        new Roster(YearMonth.of(2026, 9), at, "li", List.of())))
                .build();
        assertThat(CheckPeriod.rostered(site))
                .contains(new CheckPeriod(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31)));
        assertThat(CheckPeriod.rostered(SiteRecords.empty(SITE))).isEmpty();
    }
}
