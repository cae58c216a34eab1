package io.dutykit.storage.jdbc;

import io.dutykit.core.ChainBrokenException;
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
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves many changes of one site in one transaction with batched statements: the same checks as {@link
 * JdbcRecordStore#save} one after another (compare-and-set, idempotent retries, one handover per shift),
 * all or nothing.
 */
final class BatchAppend {
    private static final Logger LOG = LoggerFactory.getLogger(BatchAppend.class);

    /** A change checked and turned into canonical text before the transaction starts. */
    record Prepared(
            RecordKind kind,
            String key,
            Object record,
            Map<String, Object> data,
            String text,
            String expected,
            PendingSave save) {}

    private BatchAppend() {}

    static int run(Database db, String siteId, List<PendingSave> saves) {
        List<Prepared> prepared = new ArrayList<>();
        for (PendingSave save : saves) {
            prepared.add(prepare(siteId, save));
        }
        if (prepared.isEmpty()) {
            return 0;
        }
        List<LogRecord> appended = new ArrayList<>();
        int count;
        try {
            count = db.write("save " + prepared.size() + " changes of site " + siteId, c -> {
                appended.clear();
                return apply(c, db, siteId, prepared, null, appended);
            });
        } catch (ChainBrokenException e) {
            holdIfFound(db, e);
            throw e;
        }
        db.changes().committed(siteId, appended);
        return count;
    }

    /** An append that found the break itself holds the site (its own transaction, after the rollback). */
    static void holdIfFound(Database db, ChainBrokenException refused) {
        if (refused.heldSince().isEmpty()) {
            ChainGuard.hold(db, refused.siteId(), refused.firstBreak(), "append");
        }
    }

    static Prepared prepare(String siteId, PendingSave save) {
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

    /**
     * Checks the changes in order against the stored state and the changes before them, then writes the
     * accepted ones with batched statements. With {@code outcomes} null the first refusal is thrown
     * (all or nothing); otherwise each refusal is put at its change's index and the others go on.
     *
     * @param appended receives the log records appended, for the listeners once the transaction committed
     * @return how many log records were appended
     */
    static int apply(
            Connection c,
            Database db,
            String siteId,
            List<Prepared> prepared,
            List<ConflictException> outcomes,
            List<LogRecord> appended)
            throws SQLException {
        String batchNote = outcomes == null && prepared.size() > 1 ? "; nothing of this batch was saved" : "";
        Set<String> ids = new LinkedHashSet<>();
        Map<RecordKind, Set<String>> keys = new EnumMap<>(RecordKind.class);
        for (Prepared p : prepared) {
            ids.add(p.save().change().recordId());
            keys.computeIfAbsent(p.kind(), k -> new LinkedHashSet<>()).add(p.key());
        }
        AppendLookup lookup = db.dialect().lockAndLookUp(c, siteId, ids, keys, shiftsOf(prepared));
        HeadTable.Head head = lookup.head();
        ChainGuard.requireIntact(siteId, head, lookup.tail());
        Map<String, LogRecord> existing = lookup.existing();
        Map<RecordKind, Map<String, String>> current = lookup.current();
        Map<String, String> taken = lookup.taken();
        Map<String, String> shifts = new HashMap<>();
        List<LogRecord> records = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Map<String, ProjectionTables.RowWrite> rows = new LinkedHashMap<>();
        long seq = head.seq();
        String prevHash = head.hash();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            ConflictException refused = check(siteId, p, existing, current, shifts, taken, batchNote);
            if (refused != null) {
                LOG.debug("conflict at site {}: {}", siteId, refused.getMessage());
                if (outcomes == null) {
                    throw refused;
                }
                outcomes.set(i, refused);
                continue;
            }
            var change = p.save().change();
            if (existing.containsKey(change.recordId())) {
                continue; // a retried change with the same content: accepted once
            }
            seq++;
            LogRecord record = link(seq, prevHash, p);
            prevHash = record.hash();
            records.add(record);
            texts.add(p.text());
            existing.put(change.recordId(), record);
            Map<String, String> kindTexts = current.get(p.kind());
            String stored = kindTexts.get(p.key());
            String rowKey = p.kind() + "\u0000" + p.key();
            ProjectionTables.RowWrite before = rows.get(rowKey);
            boolean isNew = before != null ? before.isNew() : stored == null;
            long firstSeq = before != null ? before.firstSeq() : seq;
            rows.put(
                    rowKey,
                    new ProjectionTables.RowWrite(p.kind(), p.key(), p.record(), p.text(), firstSeq, seq, isNew));
            kindTexts.put(p.key(), p.text());
            if (p.record() instanceof Handover handover) {
                shifts.put(shift(handover), p.key());
            }
        }
        if (records.isEmpty()) {
            return 0;
        }
        LogTable.insertBatch(c, siteId, records, texts);
        try {
            ProjectionTables.write(c, siteId, rows.values());
        } catch (SQLException e) {
            if (Dialect.isUniqueViolation(e)) {
                throw new ConflictException(
                        "two handovers would take over the same shift at site " + siteId + "; nothing was saved");
            }
            throw e;
        }
        HeadTable.update(c, siteId, seq, prevHash);
        appended.addAll(records);
        return records.size();
    }

    /**
     * The log record of a change at {@code seq}, chained from {@code prevHash}: what {@link LogChain#link}
     * makes, hashed over the canonical text the change already carries instead of writing its data again.
     */
    private static LogRecord link(long seq, String prevHash, Prepared p) {
        var change = p.save().change();
        LogRecord unhashed = new LogRecord(
                seq,
                change.recordId(),
                change.type().name(),
                change.at().truncatedTo(ChronoUnit.MILLIS),
                change.actor(),
                Collections.unmodifiableMap(p.data()),
                prevHash,
                null);
        return new LogRecord(
                seq,
                unhashed.id(),
                unhashed.type(),
                unhashed.at(),
                unhashed.actor(),
                unhashed.data(),
                prevHash,
                LogChain.hashOf(unhashed, p.text()));
    }

    /** The shifts the batch's handovers take over, as {@link #shift} names them. */
    private static Map<String, Handover> shiftsOf(List<Prepared> prepared) {
        Map<String, Handover> shifts = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            if (p.record() instanceof Handover handover) {
                shifts.putIfAbsent(shift(handover), handover);
            }
        }
        return shifts;
    }

    static String shift(Handover handover) {
        return handover.date() + "@" + handover.scheduledAt();
    }

    /**
     * Why the change cannot be saved on top of what is stored and the changes before it, or null.
     * {@code taken} holds the stored handover of every shift the batch's handovers take over, {@code
     * shifts} the handovers of the batch accepted so far.
     */
    private static ConflictException check(
            String siteId,
            Prepared p,
            Map<String, LogRecord> existing,
            Map<RecordKind, Map<String, String>> current,
            Map<String, String> shifts,
            Map<String, String> taken,
            String batchNote) {
        var change = p.save().change();
        LogRecord earlier = existing.get(change.recordId());
        if (earlier != null) {
            boolean same = earlier.type().equals(change.type().name())
                    && earlier.at().equals(change.at().truncatedTo(ChronoUnit.MILLIS))
                    && Objects.equals(earlier.actor(), change.actor())
                    && CanonicalJson.write(earlier.data()).equals(p.text());
            return same
                    ? null
                    : new ConflictException("log record id " + change.recordId() + " of site " + siteId
                            + " was already used (seq " + earlier.seq() + ", " + earlier.type() + ") for other"
                            + " content; a retried change must carry the same content, a new change a new id"
                            + batchNote);
        }
        String stored = current.get(p.kind()).get(p.key());
        String what = p.kind().listName() + " " + p.key() + " at site " + siteId;
        if (p.expected() == null && stored != null) {
            return new ConflictException(what + " already exists; read it and change it" + batchNote);
        }
        if (p.expected() != null && stored == null) {
            return new ConflictException(what + " is not stored (any more); read it again" + batchNote);
        }
        if (p.expected() != null && !p.expected().equals(stored)) {
            return new ConflictException(
                    what + " changed since it was read; read it again and redo the change" + batchNote);
        }
        if (p.record() instanceof Handover handover) {
            String shift = shift(handover);
            String holder = shifts.containsKey(shift) ? shifts.get(shift) : taken.get(shift);
            if (holder != null && !holder.equals(p.key())) {
                return new ConflictException("the shift of " + handover.date() + " at " + handover.scheduledAt()
                        + " at site " + siteId + " is already being taken over by handover " + holder + "; handover "
                        + handover.id() + " was not saved (one handover per shift, clause 4.2)" + batchNote);
            }
        }
        return null;
    }
}
