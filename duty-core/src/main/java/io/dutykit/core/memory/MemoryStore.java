package io.dutykit.core.memory;

import io.dutykit.core.Checks;
import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.RecordStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One kind of record of every site, in memory, saved with compare-and-set under the site's lock
 * together with its log record.
 *
 * @param <T> the record type
 */
class MemoryStore<T> implements RecordStore<T> {
    private final MemoryLog log;
    private final String kind;
    private final Function<T, String> key;
    private final Map<String, Map<String, T>> bySite = new ConcurrentHashMap<>();

    MemoryStore(MemoryLog log, String kind, Function<T, String> key) {
        this.log = log;
        this.kind = kind;
        this.key = key;
    }

    @Override
    public Optional<T> find(String siteId, String recordKey) {
        synchronized (log.site(siteId)) {
            return Optional.ofNullable(records(siteId).get(recordKey));
        }
    }

    @Override
    public List<T> all(String siteId) {
        synchronized (log.site(siteId)) {
            return List.copyOf(records(siteId).values());
        }
    }

    @Override
    public void save(String siteId, T previous, T given, Change change) {
        Checks.requiredText(siteId, "siteId");
        Checks.required(given, "next");
        Checks.required(change, "change");
        RecordKind changed = RecordKind.of(change.type());
        if (!changed.type().isInstance(given)) {
            throw InvalidValueException.of(
                    "change %s (%s) changes a %s record, but was given to the %s store",
                    change.recordId(),
                    change.type(),
                    changed.listName(),
                    RecordKind.of(given).listName());
        }
        // kept as it reads back from its log snapshot (instants to the millisecond), like a replay gives
        T next = Snapshots.normalized(given);
        T read = previous == null ? null : Snapshots.normalized(previous);
        String recordKey = key.apply(next);
        if (read != null && !key.apply(read).equals(recordKey)) {
            throw InvalidValueException.of(
                    "a save changes one %s: previous has key %s but next has key %s", kind, key.apply(read), recordKey);
        }
        MemoryLog.SiteLog siteLog = log.site(siteId);
        synchronized (siteLog) {
            if (siteLog.isRetry(change, next)) {
                return;
            }
            Map<String, T> records = records(siteId);
            T current = records.get(recordKey);
            if (read == null && current != null) {
                throw new ConflictException(kind + " " + recordKey + " already exists at site " + siteId
                        + "; read it and change it instead");
            }
            if (read != null && !read.equals(current)) {
                throw new ConflictException(kind + " " + recordKey + " at site " + siteId
                        + " changed since it was read (or does not exist); read it again and retry");
            }
            if (read == null) {
                checkCreation(siteId, next, records.values());
            }
            // the log record first: a state without canonical bytes (an unpaired surrogate) writes nothing
            LogRecord appended = siteLog.append(change, next);
            records.put(recordKey, next);
            log.committed(siteId, appended);
        }
    }

    /** A hook for rules a new record must meet against the site's others; called under the site lock. */
    void checkCreation(String siteId, T next, Iterable<T> existing) {}

    private Map<String, T> records(String siteId) {
        return bySite.computeIfAbsent(siteId, id -> new LinkedHashMap<>());
    }
}
