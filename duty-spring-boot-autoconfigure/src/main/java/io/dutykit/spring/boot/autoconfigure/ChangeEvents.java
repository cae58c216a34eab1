package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.port.ChangeFeed;
import io.dutykit.core.port.DutyChange;
import io.dutykit.core.port.DutyStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes every {@link DutyChange} the stores commit as a Spring application event, after the commit:
 * a host listens with {@code @EventListener void on(DutyChange change)}. The listeners run on the store's
 * {@code dutykit-changes} thread (docs/embedding.md, "Events and tailing").
 */
final class ChangeEvents implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeEvents.class);

    private final DutyStores stores;
    private final ApplicationEventPublisher publisher;
    private ChangeFeed.Subscription subscription;

    ChangeEvents(DutyStores stores, ApplicationEventPublisher publisher) {
        this.stores = stores;
        this.publisher = publisher;
    }

    @Override
    public synchronized void start() {
        if (subscription != null) {
            return;
        }
        try {
            subscription = stores.log().subscribe(publisher::publishEvent);
        } catch (UnsupportedOperationException e) {
            LOG.info("DutyKit change events are off: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return subscription != null;
    }
}
