package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.DutyKitException;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.usecase.DutyDesk;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link DutyDesk#notifyDue} for every site at a fixed interval on its own thread and publishes
 * a {@link DutyDueEvent} for each site with something due. Started and stopped with the application
 * context; needs no {@code @EnableScheduling} from the host.
 */
final class DueEvents implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(DueEvents.class);

    private final DutyDesk desk;
    private final Supplier<List<String>> sites;
    private final Duration interval;
    private final Duration horizon;
    private final ApplicationEventPublisher publisher;
    private ScheduledExecutorService executor;
    /** The deadlines published at the last round, by site: only the {@code dutykit-due} thread uses it. */
    private final Map<String, Set<DueKey>> published = new ConcurrentHashMap<>();

    DueEvents(
            DutyDesk desk,
            Supplier<List<String>> sites,
            Duration interval,
            Duration horizon,
            ApplicationEventPublisher publisher) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("dutykit.due.interval (" + interval
                    + ") must be positive, e.g. PT1M; to switch the due" + " check off set dutykit.due.enabled=false");
        }
        if (horizon == null || horizon.isNegative()) {
            throw new IllegalArgumentException(
                    "dutykit.due.horizon (" + horizon + ") must be zero or positive, e.g. PT30M");
        }
        this.desk = desk;
        this.sites = sites;
        this.interval = interval;
        this.horizon = horizon;
        this.publisher = publisher;
    }

    /** One round: every site, each on its own (a failing site is logged and the others still run). */
    void checkAll() {
        List<String> siteIds;
        try {
            siteIds = sites.get();
        } catch (RuntimeException e) {
            LOG.warn("DutyKit due check: the sites could not be listed: {}", e.getMessage(), e);
            return;
        }
        for (String siteId : siteIds) {
            try {
                if (desk.notifyDue(siteId, horizon, (site, asOf, due) -> publish(site, asOf, due))
                        .isEmpty()) {
                    published.remove(siteId);
                }
            } catch (DutyKitException e) { // says what is wrong (an unknown site, a broken chain): no stack trace
                LOG.warn("DutyKit due check of site {} failed: {}", siteId, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("DutyKit due check of site {} failed: {}", siteId, e.getMessage(), e);
            }
        }
    }

    /**
     * Publishes the round's event with the deadlines not published before as {@code fresh}. Remembers the
     * deadlines of this round only: one met (or past the horizon's reach) drops out, so memory stays the
     * size of what is due.
     */
    private void publish(String siteId, Instant asOf, List<DueItem> due) {
        Set<DueKey> now = new HashSet<>();
        for (DueItem item : due) {
            now.add(DueKey.of(item));
        }
        Set<DueKey> before = published.getOrDefault(siteId, Set.of());
        List<DueItem> fresh =
                due.stream().filter(item -> !before.contains(DueKey.of(item))).toList();
        published.put(siteId, now);
        publisher.publishEvent(new DutyDueEvent(siteId, asOf, due, fresh));
    }

    /** What makes a deadline the same one at the next round. */
    private record DueKey(DueKind kind, String subject, Instant deadline) {
        static DueKey of(DueItem item) {
            return new DueKey(item.kind(), item.subject(), item.deadline());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dutykit-due");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::checkAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
