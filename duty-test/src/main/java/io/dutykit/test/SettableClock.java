package io.dutykit.test;

import io.dutykit.test.data.TestTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} a test sets and moves: hand it to {@code new DutyDesk(stores, rules, clock)} (or make
 * it the application's {@code Clock} bean) and the desk stamps every record with the instant the test
 * chose. Thread-safe; views made by {@link #withZone} follow it.
 *
 * <pre>{@code
 * SettableClock clock = SettableClock.at("2026-11-02T17:20");   // site-local, Asia/Shanghai
 * desk.recordIncomingArrival(site, "ho-1", "wang");
 * clock.set("2026-11-02T17:35").advance(Duration.ofSeconds(30));
 * clock.stepEachRead(Duration.ofSeconds(1));                      // every read one second later
 * }</pre>
 */
public final class SettableClock extends Clock {
    private final Object lock = new Object();
    private Instant now;
    private Duration step = Duration.ZERO;

    /** A clock standing at {@code now}. */
    public SettableClock(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    /** A clock standing at a site-local date-time in Asia/Shanghai, e.g. {@code at("2026-11-02T17:20")}. */
    public static SettableClock at(String localDateTime) {
        return new SettableClock(TestTime.at(localDateTime));
    }

    /** Moves the clock to a site-local date-time in Asia/Shanghai ({@link TestTime#at}). */
    public SettableClock set(String localDateTime) {
        return set(TestTime.at(localDateTime));
    }

    /** Moves the clock to the instant (forwards or back). */
    public SettableClock set(Instant instant) {
        synchronized (lock) {
            now = Objects.requireNonNull(instant, "instant");
        }
        return this;
    }

    /** Moves the clock forwards by {@code duration}. */
    public SettableClock advance(Duration duration) {
        synchronized (lock) {
            now = now.plus(duration);
        }
        return this;
    }

    /**
     * From now on, every read returns the current instant and then moves the clock on by {@code step}
     * (a stepping clock: each desk call gets its own instant); {@link Duration#ZERO} stops it.
     */
    public SettableClock stepEachRead(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a clock steps forwards; got " + step);
        }
        synchronized (lock) {
            this.step = step;
        }
        return this;
    }

    /** The instant the clock stands at, without stepping it. */
    public Instant now() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            Instant read = now;
            now = now.plus(step);
            return read;
        }
    }

    /** UTC: the desk reads instants only; sites keep their own zones. */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that reads this clock (setting this clock moves the view too). */
    @Override
    public Clock withZone(ZoneId zone) {
        SettableClock clock = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return clock.withZone(other);
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        };
    }
}
