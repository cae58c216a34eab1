package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.DutyKitException;
import io.dutykit.core.usecase.DutyDesk;
import java.time.Duration;
import java.util.List;
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
                desk.notifyDue(
                        siteId,
                        horizon,
                        (site, asOf, due) -> publisher.publishEvent(new DutyDueEvent(site, asOf, due)));
            } catch (DutyKitException e) { // says what is wrong (an unknown site, a broken chain): no stack trace
                LOG.warn("DutyKit due check of site {} failed: {}", siteId, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("DutyKit due check of site {} failed: {}", siteId, e.getMessage(), e);
            }
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
