package io.dutykit.examples.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The test's clock, the host's {@code Clock} bean: it stands at each moment of the night in turn. */
final class SettableClock extends Clock {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;
    private final ZoneId zone;

    SettableClock(Instant now) {
        this(now, ZoneOffset.UTC);
    }

    private SettableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves to a local date-time at the site (Asia/Shanghai). */
    void set(String localDateTime) {
        now = at(localDateTime);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        SettableClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return outer.withZone(zone);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
