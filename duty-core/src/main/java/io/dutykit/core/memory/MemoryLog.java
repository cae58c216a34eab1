package io.dutykit.core.memory;

import io.dutykit.core.ConflictException;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeFeed;
import io.dutykit.core.port.ChangeListener;
import io.dutykit.core.port.DutyLogReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chained duty log of every site, held in memory, and the per-site lock every store saves under
 * so that a record and its log record are written together and each site keeps one unbroken chain.
 */
final class MemoryLog implements DutyLogReader {
    private final Map<String, SiteLog> sites = new ConcurrentHashMap<>();
    private final ChangeFeed changes = new ChangeFeed();

    /** The site's log; its monitor is the site's write lock. */
    SiteLog site(String siteId) {
        return sites.computeIfAbsent(siteId, id -> new SiteLog());
    }

    @Override
    public List<LogRecord> records(String siteId) {
        SiteLog log = site(siteId);
        synchronized (log) {
            return List.copyOf(log.chain);
        }
    }

    @Override
    public List<LogRecord> records(String siteId, long afterSeq, int limit) {
        DutyLogReader.checkTail(siteId, afterSeq, limit);
        SiteLog log = site(siteId);
        synchronized (log) {
            // seqs run from 1 without gaps: record n is at index n - 1
            int from = (int) Math.min(afterSeq, log.chain.size());
            return List.copyOf(log.chain.subList(from, (int) Math.min((long) from + limit, log.chain.size())));
        }
    }

    @Override
    public ChangeFeed.Subscription subscribe(ChangeListener listener) {
        return changes.subscribe(listener);
    }

    /** Tells the listeners of a record just appended; call while holding the site's monitor (seq order). */
    void committed(String siteId, LogRecord record) {
        changes.committed(siteId, List.of(record));
    }

    @Override
    public Optional<String> head(String siteId) {
        SiteLog log = site(siteId);
        synchronized (log) {
            return log.chain.isEmpty()
                    ? Optional.empty()
                    : Optional.of(log.chain.get(log.chain.size() - 1).hash());
        }
    }

    /** One site's chain and the states saved under each record id (for idempotent retries). */
    static final class SiteLog {
        private final List<LogRecord> chain = new ArrayList<>();
        private final Map<String, Saved> savedByRecordId = new HashMap<>();

        /**
         * True when this change was already saved with the same state (a retry: do nothing); throws
         * when its id was used for other content. Call while holding this log's monitor.
         */
        boolean isRetry(Change change, Object next) {
            Saved saved = savedByRecordId.get(change.recordId());
            if (saved == null) {
                return false;
            }
            if (saved.type().equals(change.type().name()) && saved.state().equals(next)) {
                return true;
            }
            throw new ConflictException("log record id " + change.recordId()
                    + " was already used for other content; a retried change must carry the same state");
        }

        /** Appends the change to the chain and returns its log record. Call while holding this log's monitor. */
        LogRecord append(Change change, Object next) {
            LogRecord previous = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            LogRecord record = LogChain.link(
                    previous,
                    change.recordId(),
                    change.type().name(),
                    change.at(),
                    change.actor(),
                    Snapshots.toData(next));
            chain.add(record);
            savedByRecordId.put(change.recordId(), new Saved(change.type().name(), next));
            return record;
        }
    }

    private record Saved(String type, Object state) {}
}
