package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.port.DutyObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DutyKit's meters (docs/embedding.md, "Metrics"): the {@link DutyObserver} the desk and the JDBC store
 * report to, recording into the registries Spring Boot's actuator binds it to (a {@link MeterBinder}).
 * Without a registry it records nothing. Also usable by hand: {@code metrics.bindTo(registry)} and
 * {@code new DutyDesk(stores, rules, clock, metrics)}, {@code jdbcStores.observe(metrics)}.
 */
public final class DutyKitMetrics implements DutyObserver, MeterBinder {
    /** Desk calls that wrote their change, timed (tag {@code action}). */
    public static final String APPEND = "dutykit.append";
    /** Desk calls the procedure refused (tags {@code clause}, {@code code}, {@code action}). */
    public static final String REFUSALS = "dutykit.refusals";
    /** Desk calls that lost a race (tag {@code action}). */
    public static final String CONFLICTS = "dutykit.conflicts";
    /** Store transactions run again after a lock timeout, a deadlock or a serialization failure. */
    public static final String RETRIES = "dutykit.retries";
    /** Chain verifications, timed (tag {@code intact}). */
    public static final String VERIFY = "dutykit.verify";
    /** What the last due check of a site found due (tag {@code site}). */
    public static final String DUE_ITEMS = "dutykit.due.items";

    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> dueBySite = new ConcurrentHashMap<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        dueBySite.forEach((site, count) -> dueGauge(registry, site, count));
    }

    @Override
    public void completed(String siteId, String action, Duration took) {
        for (MeterRegistry registry : registries) {
            Timer.builder(APPEND)
                    .description("DutyKit desk calls that wrote their change")
                    .tag("action", action)
                    .register(registry)
                    .record(took);
        }
    }

    @Override
    public void refused(String siteId, String action, ProcedureRefusedException refusal) {
        for (MeterRegistry registry : registries) {
            Counter.builder(REFUSALS)
                    .description("DutyKit desk calls the procedure refused")
                    .tag("clause", refusal.clause())
                    .tag("code", refusal.code())
                    .tag("action", action)
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void conflict(String siteId, String action) {
        for (MeterRegistry registry : registries) {
            Counter.builder(CONFLICTS)
                    .description("DutyKit desk calls that lost a race")
                    .tag("action", action)
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void retried(String what) {
        for (MeterRegistry registry : registries) {
            Counter.builder(RETRIES)
                    .description("DutyKit store transactions run again after a lock timeout or deadlock")
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void verified(String siteId, Duration took, boolean intact) {
        for (MeterRegistry registry : registries) {
            Timer.builder(VERIFY)
                    .description("DutyKit hash-chain verifications")
                    .tag("intact", Boolean.toString(intact))
                    .register(registry)
                    .record(took);
        }
    }

    @Override
    public void due(String siteId, List<DueItem> due) {
        AtomicInteger count = dueBySite.computeIfAbsent(siteId, site -> {
            AtomicInteger created = new AtomicInteger();
            for (MeterRegistry registry : registries) {
                dueGauge(registry, site, created);
            }
            return created;
        });
        count.set(due.size());
    }

    private static void dueGauge(MeterRegistry registry, String siteId, AtomicInteger count) {
        Gauge.builder(DUE_ITEMS, count, AtomicInteger::get)
                .description("deadlines the last DutyKit due check of the site found due")
                .tag("site", siteId)
                .register(registry);
    }
}
