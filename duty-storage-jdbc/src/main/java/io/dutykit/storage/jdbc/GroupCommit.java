package io.dutykit.storage.jdbc;

import io.dutykit.core.ChainBrokenException;
import io.dutykit.core.ConflictException;
import io.dutykit.core.DutyKitException;
import io.dutykit.core.chain.LogRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: saves to one site from many threads share transactions. A caller queues its change and
 * takes the site's lane lock; whoever holds it writes everything queued (up to {@link #MAX_BATCH} at a
 * time) in one transaction, each change checked as if saved alone, and completes every caller's ticket
 * only after the commit returned. A caller whose change was written by another thread finds its ticket
 * done when it gets the lock.
 */
final class GroupCommit {
    private static final int MAX_BATCH = 500;

    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final Queue<Ticket> queue = new ConcurrentLinkedQueue<>();
    }

    private record Ticket(BatchAppend.Prepared change, CompletableFuture<Void> done) {}

    private final Database db;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    GroupCommit(Database db) {
        this.db = db;
    }

    /** Saves one prepared change; returns once it is committed, or throws why it was not. */
    void save(String siteId, BatchAppend.Prepared change) {
        Lane lane = lanes.computeIfAbsent(siteId, id -> new Lane());
        Ticket ticket = new Ticket(change, new CompletableFuture<>());
        lane.queue.add(ticket);
        lane.lock.lock();
        try {
            while (!ticket.done().isDone()) {
                List<Ticket> batch = new ArrayList<>();
                for (Ticket next = lane.queue.poll(); next != null; next = lane.queue.poll()) {
                    batch.add(next);
                    if (batch.size() == MAX_BATCH) {
                        break;
                    }
                }
                if (batch.isEmpty()) {
                    // only possible if a writer died between taking this ticket and answering it
                    throw new StorageException("the save of "
                            + change.save().change().recordId() + " at site "
                            + siteId + " was taken by a writer that stopped; whether it was committed is unknown:"
                            + " retry it with the same id");
                }
                commit(siteId, batch);
            }
        } finally {
            lane.lock.unlock();
        }
        try {
            ticket.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DutyKitException known) {
                throw known;
            }
            throw e;
        }
    }

    private void commit(String siteId, List<Ticket> batch) {
        List<BatchAppend.Prepared> changes = new ArrayList<>();
        for (Ticket ticket : batch) {
            changes.add(ticket.change());
        }
        List<ConflictException> outcomes = new ArrayList<>();
        List<LogRecord> appended = new ArrayList<>();
        try {
            db.write("save " + changes.size() + " changes of site " + siteId, c -> {
                outcomes.clear();
                outcomes.addAll(Collections.nCopies(changes.size(), null));
                appended.clear();
                return BatchAppend.apply(c, db, siteId, changes, outcomes, appended);
            });
        } catch (RuntimeException | Error e) {
            if (e instanceof ChainBrokenException refused) {
                BatchAppend.holdIfFound(db, refused);
            }
            for (Ticket ticket : batch) {
                ticket.done().completeExceptionally(e);
            }
            if (e instanceof Error error) {
                throw error;
            }
            return;
        }
        // committed: queued for the listeners under the lane lock, so one site's changes stay in seq order
        db.changes().committed(siteId, appended);
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) == null) {
                batch.get(i).done().complete(null);
            } else {
                batch.get(i).done().completeExceptionally(outcomes.get(i));
            }
        }
    }
}
