package io.dutykit.core.testdata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets and advances; the desk reads time only from its clock. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /** A clock at a site-local time in Asia/Shanghai, e.g. {@code at("2026-11-02T17:20")}. */
    public static MutableClock at(String shanghaiLocal) {
        return new MutableClock(shanghai(shanghaiLocal));
    }

    /** The instant of a local time at +08:00. */
    public static Instant shanghai(String local) {
        return OffsetDateTime.parse(local + ":00+08:00").toInstant();
    }

    public MutableClock set(String shanghaiLocal) {
        now = shanghai(shanghaiLocal);
        return this;
    }

    public MutableClock set(Instant instant) {
        now = instant;
        return this;
    }

    public MutableClock advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
