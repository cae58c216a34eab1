package io.dutykit.core.port;

import io.dutykit.core.Checks;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChangeListener}s of one set of stores, and the thread that calls them: what a storage
 * adapter uses to implement {@link DutyLogReader#subscribe} (the in-memory and the JDBC stores do).
 *
 * <p>The adapter calls {@link #committed} after a transaction committed, while it still holds the site's
 * write lock, so one site's changes are queued in seq order. That only queues the change: the listeners
 * run later on one daemon thread of this feed ({@code dutykit-changes}), each change to every listener
 * in turn, in the order queued. A listener that throws is logged and the others, and later changes, go
 * on; a slow one delays the changes after it, never an append. The queue is held in memory: a change
 * queued but not yet delivered when the process ends is not delivered — a consumer that must see every
 * record reads them with {@link DutyLogReader#records(String, long, int)} from its last seen seq, and
 * uses the change only as the signal to read.
 */
public final class ChangeFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<DutyChange> queue = new LinkedBlockingQueue<>();
    private Thread thread;

    /**
     * Adds a listener; it hears the changes committed from now on.
     *
     * @return closing it removes the listener
     */
    public synchronized Subscription subscribe(ChangeListener listener) {
        Checks.required(listener, "listener");
        listeners.add(listener);
        if (thread == null) {
            thread = new Thread(this::deliver, "dutykit-changes");
            thread.setDaemon(true);
            thread.start();
        }
        return () -> listeners.remove(listener);
    }

    /**
     * Queues the change of the records a transaction appended to the site's log, in seq order; does
     * nothing when there are none or no one listens. Never blocks and never throws.
     */
    public void committed(String siteId, List<LogRecord> appended) {
        if (appended.isEmpty() || listeners.isEmpty()) {
            return;
        }
        Set<RecordKind> kinds = EnumSet.noneOf(RecordKind.class);
        for (LogRecord record : appended) {
            RecordKind kind = RecordKind.ofTypeName(record.type());
            if (kind != null) { // a retention purge's CHECKPOINT changes no record
                kinds.add(kind);
            }
        }
        queue.add(new DutyChange(
                siteId, appended.get(0).seq(), appended.get(appended.size() - 1).seq(), kinds));
    }

    private void deliver() {
        while (true) {
            DutyChange change;
            try {
                change = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (ChangeListener listener : listeners) {
                try {
                    listener.committed(change);
                } catch (RuntimeException e) {
                    LOG.warn("the DutyKit change listener {} failed on {}: {}", listener, change, e.toString(), e);
                }
            }
        }
    }

    /** A registered listener; {@link #close()} removes it. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
