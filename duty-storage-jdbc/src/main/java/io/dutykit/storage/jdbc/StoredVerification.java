package io.dutykit.storage.jdbc;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.Checkpoint;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Handover;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a site's log where it is stored, comparing texts instead of rebuilding records: the chain is
 * hashed from the stored canonical data text, and each query table row must hold exactly the data text
 * of the last log record of its key. The same checks as {@link LogChain#verify(io.dutykit.core.SiteRecords)},
 * without turning every row into a record and back.
 *
 * <p>Two passes at most: {@link VerificationWalk} streams the rows once and proves an intact site
 * intact; only when it meets anything it cannot prove does the precise path here read the log as
 * records and name the first broken one.
 */
final class StoredVerification {
    /** The latest data text of one key and the log record that wrote it (null: carried by a checkpoint). */
    private record Latest(String text, LogRecord last) {}

    private StoredVerification() {}

    static ChainVerification verify(Connection c, Dialect dialect, String siteId, String anchoredHead)
            throws SQLException {
        return verify(c, dialect, siteId, anchoredHead, true);
    }

    /** The chain, the head row and the anchor only: hashes the stored texts without reading them as records. */
    static ChainVerification verifyChain(Connection c, Dialect dialect, String siteId, String anchoredHead)
            throws SQLException {
        return verify(c, dialect, siteId, anchoredHead, false);
    }

    private static ChainVerification verify(
            Connection c, Dialect dialect, String siteId, String anchoredHead, boolean tables) throws SQLException {
        HeadTable.Head head = HeadTable.head(c, siteId);
        ChainVerification intact = VerificationWalk.verify(c, dialect, siteId, anchoredHead, tables, head);
        if (intact != null) {
            return intact;
        }
        return precise(c, siteId, anchoredHead, tables, head);
    }

    /** Reads the log as records and names the first break; the fast walk found one (or could not tell). */
    static ChainVerification precise(
            Connection c, String siteId, String anchoredHead, boolean tables, HeadTable.Head head) throws SQLException {
        List<LogTable.StoredRecord> stored = LogTable.storedLog(c, siteId, tables);
        List<LogRecord> log = stored.stream().map(LogTable.StoredRecord::record).toList();
        Map<LogRecord, String> texts = new IdentityHashMap<>(stored.size() * 2);
        for (LogTable.StoredRecord record : stored) {
            texts.put(record.record(), record.dataText());
        }
        ChainVerification chain = LogChain.verify(log, anchoredHead, r -> LogChain.hashOf(r, texts.get(r)));
        ChainBreak unreadable = firstUnreadable(siteId, stored);
        if (unreadable != null
                && (chain.isIntact()
                        || chain.firstBreak().seq() == null
                        || unreadable.seq() < chain.firstBreak().seq())) {
            return ChainVerification.broken(chain.records(), chain.head(), unreadable);
        }
        if (!chain.isIntact()) {
            return chain;
        }
        ChainBreak found = tables ? compare(c, siteId, log, texts) : null;
        if (found == null) {
            found = checkHeadRow(siteId, head, log);
        }
        return found == null ? chain : ChainVerification.broken(chain.records(), chain.head(), found);
    }

    /**
     * The first record whose stored data is not a readable record (not JSON, or nested deeper than a
     * reader follows): the hash covers the text, so only a writer who recomputed the chain gets here.
     */
    private static ChainBreak firstUnreadable(String siteId, List<LogTable.StoredRecord> stored) {
        for (LogTable.StoredRecord record : stored) {
            if (record.unreadable() != null) {
                LogRecord r = record.record();
                return new ChainBreak(
                        r.seq(),
                        r.id(),
                        ChainBreak.Problem.MALFORMED,
                        record.unreadable() + " (site " + siteId + "); it was written behind the library's back");
            }
        }
        return null;
    }

    private static ChainBreak compare(Connection c, String siteId, List<LogRecord> log, Map<LogRecord, String> texts)
            throws SQLException {
        Map<RecordKind, Map<String, Latest>> latest = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            latest.put(kind, new LinkedHashMap<>());
        }
        Checkpoint checkpoint = LogChain.governingCheckpoint(log);
        if (checkpoint != null) {
            for (Checkpoint.Carried carried : checkpoint.carried()) {
                latest.get(carried.kind()).put(carried.key(), new Latest(CanonicalJson.write(carried.data()), null));
            }
        }
        Set<String> hashes = new HashSet<>();
        Instant start = log.isEmpty() ? null : log.get(0).at();
        if (!log.isEmpty()) {
            hashes.add(log.get(0).prevHash());
        }
        hashes.add(LogRecord.GENESIS);
        for (LogRecord record : log) {
            hashes.add(record.hash());
            if (record.type().equals(LogChain.CHECKPOINT)) {
                continue;
            }
            RecordKind kind = RecordKind.ofTypeName(record.type());
            if (kind == null) {
                return new ChainBreak(
                        record.seq(),
                        record.id(),
                        ChainBreak.Problem.MALFORMED,
                        "log record " + record.seq() + " has the unknown type " + record.type());
            }
            String key;
            try {
                key = kind.keyOf(record.data());
                if (kind == RecordKind.HANDOVER
                        && !Snapshots.fromData(Handover.class, record.data()).signaturesMatchContent()) {
                    return new ChainBreak(
                            record.seq(),
                            record.id(),
                            ChainBreak.Problem.SIGNATURE_MISMATCH,
                            "handover " + key + " in log record " + record.seq() + " no longer matches the content"
                                    + " hash its signatures carry: it was changed after signing");
                }
            } catch (InvalidValueException e) {
                return new ChainBreak(
                        record.seq(),
                        record.id(),
                        ChainBreak.Problem.MALFORMED,
                        "log record " + record.seq() + " (" + record.type() + ") holds an unreadable " + kind.listName()
                                + " record: " + e.getMessage());
            }
            latest.get(kind).put(key, new Latest(texts.get(record), record));
        }
        ChainBreak first = null;
        ChainBreak unlogged = null;
        for (RecordKind kind : RecordKind.values()) {
            Map<String, String> rows = ProjectionTables.texts(c, kind, siteId);
            for (Map.Entry<String, Latest> entry : latest.get(kind).entrySet()) {
                String row = rows.get(entry.getKey());
                Latest logged = entry.getValue();
                if (logged.text().equals(row)) {
                    continue;
                }
                ChainBreak found = disagreement(kind, entry.getKey(), row, logged);
                if (first == null || (found.seq() != null && (first.seq() == null || found.seq() < first.seq()))) {
                    first = found;
                }
            }
            if (unlogged == null) {
                for (String key : rows.keySet()) {
                    if (!latest.get(kind).containsKey(key)) {
                        unlogged = new ChainBreak(
                                null,
                                key,
                                ChainBreak.Problem.LIST_DISAGREES,
                                kind.listName() + " " + key + " is in its table but no log record wrote it");
                        break;
                    }
                }
            }
        }
        if (first != null) {
            return first;
        }
        if (unlogged != null) {
            return unlogged;
        }
        ChainBreak carried = checkCarriedOver(c, siteId, latest.get(RecordKind.HANDOVER));
        if (carried != null) {
            return carried;
        }
        for (Map.Entry<String, Latest> review : latest.get(RecordKind.REVIEW).entrySet()) {
            Object signed = StoredJson.fields(review.getValue().text(), Set.of("logHead"), "review " + review.getKey())
                    .get("logHead");
            if (!(signed instanceof String logHead) || hashes.contains(logHead)) {
                continue;
            }
            LogRecord last = review.getValue().last();
            boolean beforePurge = start != null && log.get(0).seq() > 1 && last == null;
            if (!beforePurge) {
                return new ChainBreak(
                        last == null ? null : last.seq(),
                        last == null ? review.getKey() : last.id(),
                        ChainBreak.Problem.ANCHOR_NOT_FOUND,
                        "review " + review.getKey() + " signed the chain head " + logHead
                                + ", which is not in the log: the log was truncated or rewritten after it");
            }
        }
        return null;
    }

    /**
     * The carried-over table (V5) is the handover table's: a row per completed handover and item it carried
     * over; the first row missing or extra is named.
     */
    private static ChainBreak checkCarriedOver(Connection c, String siteId, Map<String, Latest> handovers)
            throws SQLException {
        List<Handover> list = new java.util.ArrayList<>();
        for (Map.Entry<String, Latest> entry : handovers.entrySet()) {
            try {
                list.add(Snapshots.fromData(
                        Handover.class, StoredJson.object(entry.getValue().text(), "handover " + entry.getKey())));
            } catch (InvalidValueException e) {
                return null; // an unreadable handover is named by the checks above
            }
        }
        java.util.Set<String> expected = CarriedOverTable.expected(list);
        java.util.Set<String> stored = CarriedOverTable.stored(c, siteId);
        if (expected.equals(stored)) {
            return null;
        }
        for (String row : expected) {
            if (!stored.contains(row)) {
                return new ChainBreak(
                        null,
                        row.substring(0, row.indexOf(' ')),
                        ChainBreak.Problem.LIST_DISAGREES,
                        "carried-over item " + row + " of a completed handover is missing from duty_carried_over");
            }
        }
        for (String row : stored) {
            if (!expected.contains(row)) {
                return new ChainBreak(
                        null,
                        row.substring(0, row.indexOf(' ')),
                        ChainBreak.Problem.LIST_DISAGREES,
                        "duty_carried_over holds " + row + ", which no completed handover carried over");
            }
        }
        return null;
    }

    private static ChainBreak disagreement(RecordKind kind, String key, String row, Latest logged) {
        LogRecord last = logged.last();
        boolean signature = false;
        if (row != null && kind == RecordKind.HANDOVER) {
            try {
                signature = !Snapshots.fromData(Handover.class, StoredJson.object(row, "handover " + key))
                        .signaturesMatchContent();
            } catch (InvalidValueException e) {
                signature = false;
            }
        }
        String what = row == null
                ? " is missing from its table"
                : signature
                        ? " was changed after it was signed: it no longer matches the content hash its signatures"
                                + " carry nor what the log last recorded"
                        : " in its table differs from what the log last recorded";
        return new ChainBreak(
                last == null ? null : last.seq(),
                last == null ? key : last.id(),
                signature ? ChainBreak.Problem.SIGNATURE_MISMATCH : ChainBreak.Problem.LIST_DISAGREES,
                kind.listName() + " " + key + what
                        + (last == null ? " (carried by the checkpoint)" : " (log record " + last.seq() + ")"));
    }

    private static ChainBreak checkHeadRow(String siteId, HeadTable.Head head, List<LogRecord> log) {
        if (head == null && !log.isEmpty()) {
            LogRecord last = log.get(log.size() - 1);
            return new ChainBreak(
                    last.seq(),
                    last.id(),
                    ChainBreak.Problem.ANCHOR_NOT_FOUND,
                    "site " + siteId + " has " + log.size() + " log records up to seq " + last.seq()
                            + " but no head row: the head row was deleted, which hides the site from a store that"
                            + " lists its sites by head");
        }
        long lastSeq = log.isEmpty() ? 0 : log.get(log.size() - 1).seq();
        String lastHash =
                log.isEmpty() ? LogRecord.GENESIS : log.get(log.size() - 1).hash();
        if (head == null || (head.seq() == lastSeq && head.hash().equals(lastHash))) {
            return null;
        }
        LogRecord last = log.isEmpty() ? null : log.get(log.size() - 1);
        return new ChainBreak(
                last == null ? null : last.seq(),
                last == null ? siteId : last.id(),
                ChainBreak.Problem.ANCHOR_NOT_FOUND,
                "the head row of site " + siteId + " names seq " + head.seq() + " (" + head.hash()
                        + ") but the log ends at seq " + lastSeq + ": log records after it were removed"
                        + " or the head was rewritten");
    }
}
