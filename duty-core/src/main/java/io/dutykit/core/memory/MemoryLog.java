package io.dutykit.core.memory;

import io.dutykit.core.ConflictException;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.port.Change;
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

        /** Appends the change to the chain. Call while holding this log's monitor. */
        void append(Change change, Object next) {
            LogRecord previous = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            chain.add(LogChain.link(
                    previous,
                    change.recordId(),
                    change.type().name(),
                    change.at(),
                    change.actor(),
                    Snapshots.toData(next)));
            savedByRecordId.put(change.recordId(), new Saved(change.type().name(), next));
        }
    }

    private record Saved(String type, Object state) {}
}
