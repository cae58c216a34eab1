package io.dutykit.test;

import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SettableClockTest {

    @Test
    void stands_where_it_is_set_until_it_is_moved() {
        SettableClock clock = SettableClock.at("2026-11-02T17:20");

        assertThat(clock.instant()).isEqualTo(at("2026-11-02T17:20"));
        assertThat(clock.instant()).isEqualTo(at("2026-11-02T17:20"));
        clock.set("2026-11-02T17:35").advance(Duration.ofSeconds(30));
        assertThat(clock.instant()).isEqualTo(at("2026-11-02T17:35:30"));
        clock.set(at("2026-11-01T08:00"));
        assertThat(clock.instant()).isEqualTo(at("2026-11-01T08:00"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void a_stepping_clock_moves_on_after_every_read() {
        SettableClock clock = SettableClock.at("2026-11-02T17:20").stepEachRead(Duration.ofSeconds(1));

        assertThat(clock.instant()).isEqualTo(at("2026-11-02T17:20:00"));
        assertThat(clock.instant()).isEqualTo(at("2026-11-02T17:20:01"));
        assertThat(clock.now()).isEqualTo(at("2026-11-02T17:20:02"));
        assertThat(clock.now()).isEqualTo(at("2026-11-02T17:20:02"));
        clock.stepEachRead(Duration.ZERO);
        assertThat(clock.instant()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> clock.stepEachRead(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_view_in_another_zone_follows_the_clock() {
        SettableClock clock = SettableClock.at("2026-11-02T17:20");
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        clock.set("2026-11-02T18:00");

        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.instant()).isEqualTo(at("2026-11-02T18:00"));
        assertThat(shanghai.withZone(ZoneOffset.UTC).instant()).isEqualTo(at("2026-11-02T18:00"));
    }
}
