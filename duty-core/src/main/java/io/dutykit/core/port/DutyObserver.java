package io.dutykit.core.port;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.check.DueItem;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a host may count and time — for metrics (the Spring Boot starter binds one to Micrometer,
 * docs/embedding.md "Metrics"), without the core knowing any metrics library. The desk ({@code new
 * DutyDesk(stores, rules, clock, observer)}) reports its calls, refusals, lost races and due checks; a
 * store may report its retries and chain verifications (duty-storage-jdbc's {@code JdbcStores.observe}).
 *
 * <p>Called synchronously on the thread that made the call, after the outcome is known: keep it fast
 * (increment a counter). Every method has an empty default; {@link #safe} wraps an observer so that one
 * that throws is logged and never fails the call it observes.
 */
public interface DutyObserver {
    /** Observes nothing. */
    DutyObserver NONE = new DutyObserver() {};

    /**
     * A desk call (e.g. {@code appendEntry}) that wrote its change — or found it written already, a
     * repeated call — and how long the call took, the store's commit included.
     */
    default void completed(String siteId, String action, Duration took) {}

    /** A desk call the procedure refused; nothing was written. */
    default void refused(String siteId, String action, ProcedureRefusedException refusal) {}

    /** A desk call that lost a race (a {@link io.dutykit.core.ConflictException}); nothing was written. */
    default void conflict(String siteId, String action) {}

    /** A store ran a transaction again after a lock timeout, a deadlock or a serialization failure. */
    default void retried(String what) {}

    /** A store walked a site's hash chain and found it intact or not, taking {@code took}. */
    default void verified(String siteId, Duration took, boolean intact) {}

    /** The deadlines a due check of the site found ({@code desk.due}, {@code desk.notifyDue}), possibly none. */
    default void due(String siteId, List<DueItem> due) {}

    /** {@code observer} (null for {@link #NONE}) such that an exception it throws is logged and swallowed. */
    static DutyObserver safe(DutyObserver observer) {
        if (observer == null || observer == NONE) {
            return NONE;
        }
        if (observer instanceof Safe) {
            return observer;
        }
        return new Safe(observer);
    }

    /** Passes each call on, logging instead of throwing. */
    final class Safe implements DutyObserver {
        private static final Logger LOG = LoggerFactory.getLogger(DutyObserver.class);
        private final DutyObserver observer;

        private Safe(DutyObserver observer) {
            this.observer = observer;
        }

        private void guarded(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("the DutyKit observer {} failed; the observed call went on: {}", observer, e.toString(), e);
            }
        }

        @Override
        public void completed(String siteId, String action, Duration took) {
            guarded(() -> observer.completed(siteId, action, took));
        }

        @Override
        public void refused(String siteId, String action, ProcedureRefusedException refusal) {
            guarded(() -> observer.refused(siteId, action, refusal));
        }

        @Override
        public void conflict(String siteId, String action) {
            guarded(() -> observer.conflict(siteId, action));
        }

        @Override
        public void retried(String what) {
            guarded(() -> observer.retried(what));
        }

        @Override
        public void verified(String siteId, Duration took, boolean intact) {
            guarded(() -> observer.verified(siteId, took, intact));
        }

        @Override
        public void due(String siteId, List<DueItem> due) {
            guarded(() -> observer.due(siteId, due));
        }
    }
}
