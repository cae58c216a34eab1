package io.dutykit.core.chain;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.handover.Handover;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a site's duty log rebuilds: for every record kind, the latest snapshot per key, in the
 * order the keys first appeared. A log that was purged starts from the snapshots its checkpoint
 * carries. Replaying stops at the first record whose type or data cannot be read, or at a signed
 * handover whose content no longer matches its signatures; {@link #firstBreak} names it.
 */
public final class LogReplay {

    /**
     * The latest state of one record; the seq of the first log record that wrote it (for a record a
     * checkpoint carries, a number just below the checkpoint's firstSeq that keeps the carried order);
     * and the log record that last wrote it (null when only the checkpoint carries it).
     */
    public record Snapshot(
            RecordKind kind, String key, Object record, Map<String, Object> data, long firstSeq, LogRecord last) {
        /** The canonical text of the snapshot, for comparing two states. */
        public String canonical() {
            return CanonicalJson.write(data);
        }
    }

    private final Map<RecordKind, Map<String, Snapshot>> state = new EnumMap<>(RecordKind.class);
    private Checkpoint checkpoint;
    private ChainBreak firstBreak;

    private LogReplay() {
        for (RecordKind kind : RecordKind.values()) {
            state.put(kind, new LinkedHashMap<>());
        }
    }

    /** Replays the log records in chain order. The chain's hashes are not checked here; see {@link LogChain#verify}. */
    public static LogReplay of(List<LogRecord> log) {
        LogReplay replay = new LogReplay();
        replay.run(log, log.size());
        return replay;
    }

    /**
     * Replays only the first {@code count} records of the log, starting from the checkpoint that governs
     * the whole log: the state a retention purge of those records leaves behind.
     */
    public static LogReplay prefix(List<LogRecord> log, int count) {
        LogReplay replay = new LogReplay();
        replay.run(log, count);
        return replay;
    }

    private void run(List<LogRecord> log, int count) {
        if (log.isEmpty()) {
            return;
        }
        long firstSeq = log.get(0).seq();
        for (LogRecord record : log) {
            if (record.type().equals(LogChain.CHECKPOINT)) {
                try {
                    Checkpoint found = Checkpoint.fromData(record.data());
                    if (found.firstSeq() == firstSeq) {
                        checkpoint = found;
                    }
                } catch (InvalidValueException e) {
                    firstBreak =
                            new ChainBreak(record.seq(), record.id(), ChainBreak.Problem.MALFORMED, e.getMessage());
                    return;
                }
            }
        }
        if (checkpoint != null) {
            List<Checkpoint.Carried> carriedList = checkpoint.carried();
            for (int i = 0; i < carriedList.size(); i++) {
                Checkpoint.Carried carried = carriedList.get(i);
                try {
                    Object value = Snapshots.fromData(carried.kind(), carried.data());
                    put(
                            carried.kind(),
                            carried.kind().key(value),
                            value,
                            checkpoint.firstSeq() - carriedList.size() + i,
                            null);
                } catch (InvalidValueException e) {
                    firstBreak = new ChainBreak(
                            null,
                            carried.key(),
                            ChainBreak.Problem.MALFORMED,
                            "the checkpoint carries an unreadable "
                                    + carried.kind().listName() + " record: " + e.getMessage());
                    return;
                }
            }
        }
        for (LogRecord record : log.subList(0, Math.min(count, log.size()))) {
            if (record.type().equals(LogChain.CHECKPOINT)) {
                continue;
            }
            RecordKind kind = RecordKind.ofTypeName(record.type());
            if (kind == null) {
                firstBreak = new ChainBreak(
                        record.seq(),
                        record.id(),
                        ChainBreak.Problem.MALFORMED,
                        "log record " + record.seq() + " has the unknown type " + record.type());
                return;
            }
            Object value;
            try {
                value = Snapshots.fromData(kind, record.data());
            } catch (InvalidValueException e) {
                firstBreak = new ChainBreak(
                        record.seq(),
                        record.id(),
                        ChainBreak.Problem.MALFORMED,
                        "log record " + record.seq() + " (" + record.type() + ") holds an unreadable " + kind.listName()
                                + " record: " + e.getMessage());
                return;
            }
            if (value instanceof Handover handover && !handover.signaturesMatchContent()) {
                firstBreak = new ChainBreak(
                        record.seq(),
                        record.id(),
                        ChainBreak.Problem.SIGNATURE_MISMATCH,
                        "handover " + handover.id() + " in log record " + record.seq()
                                + " no longer matches the content hash its signatures carry: it was changed after signing");
                return;
            }
            put(kind, kind.key(value), value, record.seq(), record);
        }
    }

    private void put(RecordKind kind, String key, Object value, long seq, LogRecord last) {
        Snapshot before = state.get(kind).get(key);
        long firstSeq = before == null ? seq : before.firstSeq();
        state.get(kind).put(key, new Snapshot(kind, key, value, Snapshots.toData(value), firstSeq, last));
    }

    /** The first record the replay could not apply, or null. */
    public ChainBreak firstBreak() {
        return firstBreak;
    }

    /** The checkpoint the log starts from after a purge, or null. */
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The date before which the log was purged, or null. */
    public LocalDate purgedBefore() {
        return checkpoint == null ? null : checkpoint.purgedBefore();
    }

    /** The latest snapshots of one kind, in the order their keys first appeared. */
    public List<Snapshot> snapshots(RecordKind kind) {
        return Collections.unmodifiableList(new ArrayList<>(state.get(kind).values()));
    }

    /** The latest snapshot of a key, or null. */
    public Snapshot snapshot(RecordKind kind, String key) {
        return state.get(kind).get(key);
    }

    /** The latest records of one kind, typed, in first-appearance order. */
    public <T> List<T> records(Class<T> type) {
        for (RecordKind kind : RecordKind.values()) {
            if (kind.type().equals(type)) {
                List<T> list = new ArrayList<>();
                for (Snapshot snapshot : state.get(kind).values()) {
                    list.add(type.cast(snapshot.record()));
                }
                return list;
            }
        }
        throw InvalidValueException.of("%s is not a record kind DutyKit stores", type.getName());
    }
}
