package io.dutykit.reference;

import static io.dutykit.test.data.TestTime.at;
import static io.dutykit.test.data.TestTime.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The test world itself complies with every rule, so each rule test sees only what it changes. */
class CompliantWorldTest {

    @Test
    void a_compliant_week_has_no_violations() {
        assertThat(World.week().check()).isEmpty();
    }

    @Test
    void a_compliant_quarter_with_a_holiday_and_a_make_up_day_has_no_violations() {
        var site = Fixtures.siteWith(
                Set.of(date("2026-10-01"), date("2026-10-02"), date("2026-10-05")), Set.of(date("2026-10-10")));
        World world = World.compliant(site, date("2026-10-01"), date("2026-12-31"));

        assertThat(world.check(at("2027-02-01T00:00"))).isEmpty();
    }

    @Test
    void nothing_is_due_to_fire_before_anything_happened() {
        assertThat(World.week().check(at("2026-10-01T00:00"))).isEmpty();
    }
}
