package io.dutykit.storage.jdbc;

import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Handover;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Saves many changes of one site in one transaction with batched statements: the same checks as {@link
 * JdbcRecordStore#save} one after another (compare-and-set, idempotent retries, one handover per shift),
 * all or nothing.
 */
final class BatchAppend {
    /** A change checked and turned into canonical text before the transaction starts. */
    private record Prepared(
            RecordKind kind,
            String key,
            Object record,
            Map<String, Object> data,
            String text,
            String expected,
            PendingSave save) {}

    /** The last write of one query-table row in the batch. */
    record RowWrite(
            RecordKind kind, String key, Object record, String text, long firstSeq, long lastSeq, boolean isNew) {}

    private BatchAppend() {}

    static int run(Database db, String siteId, List<PendingSave> saves) {
        List<Prepared> prepared = new ArrayList<>();
        for (PendingSave save : saves) {
            prepared.add(prepare(siteId, save));
        }
        if (prepared.isEmpty()) {
            return 0;
        }
        return db.write("save " + prepared.size() + " changes of site " + siteId, c -> apply(c, db, siteId, prepared));
    }

    private static Prepared prepare(String siteId, PendingSave save) {
        RecordKind kind = RecordKind.of(save.change().type());
        if (RecordKind.of(save.next()) != kind) {
            throw InvalidValueException.of(
                    "change %s (%s) changes a %s record, not a %s",
                    save.change().recordId(),
                    save.change().type(),
                    kind.listName(),
                    save.next().getClass().getSimpleName());
        }
        Object normalized = Snapshots.normalized(save.next());
        String key = kind.key(normalized);
        if (kind == RecordKind.SITE && !key.equals(siteId)) {
            throw InvalidValueException.of("site %s cannot be saved under the site id %s", key, siteId);
        }
        String expected = null;
        if (save.previous() != null) {
            Object previous = Snapshots.normalized(save.previous());
            if (!kind.key(previous).equals(key)) {
                throw InvalidValueException.of(
                        "a %s record keeps its key: %s cannot become %s", kind.listName(), kind.key(previous), key);
            }
            expected = CanonicalJson.write(Snapshots.toData(previous));
        }
        Map<String, Object> data = Snapshots.toData(normalized);
        return new Prepared(kind, key, normalized, data, CanonicalJson.write(data), expected, save);
    }

    private static int apply(Connection c, Database db, String siteId, List<Prepared> prepared) throws SQLException {
        Sql.Head head = Sql.lockHead(c, db.dialect(), siteId);
        Set<String> ids = new LinkedHashSet<>();
        Map<RecordKind, Set<String>> keys = new EnumMap<>(RecordKind.class);
        for (Prepared p : prepared) {
            ids.add(p.save().change().recordId());
            keys.computeIfAbsent(p.kind(), k -> new LinkedHashSet<>()).add(p.key());
        }
        Map<String, LogRecord> existing = Sql.logRecords(c, siteId, ids);
        Map<RecordKind, Map<String, String>> current = new EnumMap<>(RecordKind.class);
        for (Map.Entry<RecordKind, Set<String>> entry : keys.entrySet()) {
            current.put(entry.getKey(), Sql.projectionTexts(c, entry.getKey(), siteId, entry.getValue()));
        }
        Map<String, String> shifts = new HashMap<>();
        List<LogRecord> records = new ArrayList<>();
        Map<String, RowWrite> rows = new LinkedHashMap<>();
        long seq = head.seq();
        String prevHash = head.hash();
        for (Prepared p : prepared) {
            var change = p.save().change();
            LogRecord earlier = existing.get(change.recordId());
            if (earlier != null) {
                if (earlier.type().equals(change.type().name())
                        && earlier.at().equals(change.at().truncatedTo(ChronoUnit.MILLIS))
                        && Objects.equals(earlier.actor(), change.actor())
                        && CanonicalJson.write(earlier.data()).equals(p.text())) {
                    continue; // a retried change: accepted once
                }
                throw new ConflictException("log record id " + change.recordId() + " of site " + siteId
                        + " was already used for other content; nothing of this batch was saved");
            }
            Map<String, String> texts = current.get(p.kind());
            String stored = texts.get(p.key());
            if (p.expected() == null && stored != null) {
                throw new ConflictException(p.kind().listName() + " " + p.key() + " already exists at site " + siteId
                        + " (change " + change.recordId() + "); nothing of this batch was saved");
            }
            if (p.expected() != null && !p.expected().equals(stored)) {
                throw new ConflictException(p.kind().listName() + " " + p.key() + " at site " + siteId
                        + " is not as read (change " + change.recordId() + "); nothing of this batch was saved");
            }
            if (p.record() instanceof Handover handover) {
                String shift = handover.date() + "@" + handover.scheduledAt();
                String taken = shifts.containsKey(shift)
                        ? shifts.get(shift)
                        : Sql.handoverAt(c, siteId, handover.date(), handover.scheduledAt());
                if (taken != null && !taken.equals(p.key())) {
                    throw new ConflictException("the shift of " + handover.date() + " at " + handover.scheduledAt()
                            + " is already being taken over by handover " + taken
                            + "; nothing of this batch was saved");
                }
                shifts.put(shift, p.key());
            }
            seq++;
            LogRecord record = LogChain.link(
                    seq, prevHash, change.recordId(), change.type().name(), change.at(), change.actor(), p.data());
            prevHash = record.hash();
            records.add(record);
            existing.put(change.recordId(), record);
            String rowKey = p.kind() + "\u0000" + p.key();
            RowWrite before = rows.get(rowKey);
            boolean isNew = before != null ? before.isNew() : stored == null;
            long firstSeq = before != null ? before.firstSeq() : seq;
            rows.put(rowKey, new RowWrite(p.kind(), p.key(), p.record(), p.text(), firstSeq, seq, isNew));
            texts.put(p.key(), p.text());
        }
        if (records.isEmpty()) {
            return 0;
        }
        Sql.insertLogBatch(c, siteId, records);
        try {
            Sql.writeRows(c, siteId, rows.values());
        } catch (SQLException e) {
            if (Dialect.isUniqueViolation(e)) {
                throw new ConflictException("two handovers would take over the same shift at site " + siteId
                        + "; nothing of this batch was saved");
            }
            throw e;
        }
        Sql.updateHead(c, siteId, seq, prevHash);
        return records.size();
    }
}
