package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.CanonicalJsonException;
import io.dutykit.core.chain.ChainHasher;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fast walk of {@link StoredVerification}: streams the log rows once, hashing each stored text with
 * one reusable {@link ChainHasher}, keeps per key only the latest text and the seq that wrote it, and
 * compares the query tables (read in one statement) by text. It proves a site intact or gives up: it
 * never names a break. Anything it does not find in order — a hash, a seq, a table row, a record it
 * cannot read — makes it return null, and {@link StoredVerification} runs its precise path, which names
 * the first broken record. So {@link #verify} returns a result only where the precise path would return
 * the same intact result.
 */
final class VerificationWalk implements LogTable.RowVisitor {
    private static final Set<String> LOG_HEAD = Set.of("logHead");

    /** Marks a key's latest text as carried by the checkpoint rather than written by a log record. */
    private static final long CARRIED = Long.MIN_VALUE;

    /** The latest text of one key, the seq that wrote it (or {@link #CARRIED}) and whether its row was seen. */
    private static final class Latest {
        final String text;
        final long seq;
        boolean seen;

        Latest(String text, long seq) {
            this.text = text;
            this.seq = seq;
        }
    }

    private final ChainHasher hasher = new ChainHasher();
    private final boolean tables;
    private final String anchoredHead;
    private final Map<RecordKind, Map<String, Latest>> latest = new EnumMap<>(RecordKind.class);
    private final Set<String> hashes = new HashSet<>();
    private boolean doubt;
    private boolean started;
    private long firstSeq;
    private String firstPrev;
    private long expectedSeq;
    private String expectedPrev;
    private long checked;
    private boolean anchorSeen;
    private Checkpoint governing;

    private VerificationWalk(boolean tables, String anchoredHead) {
        this.tables = tables;
        this.anchoredHead = anchoredHead;
        if (tables) {
            for (RecordKind kind : RecordKind.values()) {
                latest.put(kind, new HashMap<>());
            }
        }
    }

    /**
     * The intact verification of the site, or null when anything did not verify (or could not be shown
     * to in one pass): then only the precise path may say what.
     */
    static ChainVerification verify(
            Connection c, Dialect dialect, String siteId, String anchoredHead, boolean tables, HeadTable.Head head)
            throws SQLException {
        VerificationWalk walk = new VerificationWalk(tables, anchoredHead);
        LogTable.visit(c, siteId, walk);
        if (walk.doubt || !walk.chainHolds()) {
            return null;
        }
        if (tables && !walk.tablesAgree(c, dialect, siteId)) {
            return null;
        }
        boolean empty = !walk.started;
        long lastSeq = empty ? 0 : walk.expectedSeq - 1;
        String lastHash = empty ? LogRecord.GENESIS : walk.expectedPrev;
        if (head == null ? !empty : !(head.seq() == lastSeq && head.hash().equals(lastHash))) {
            return null;
        }
        return ChainVerification.intact(walk.checked, empty ? null : walk.expectedPrev);
    }

    @Override
    public void row(
            long seq,
            String recordId,
            String type,
            Instant at,
            String actor,
            String dataText,
            String prevHash,
            String hash) {
        if (doubt) {
            return;
        }
        if (!started) {
            started = true;
            // seq 1 chains from 64 zeros; a purged log's first record from its checkpoint's chainsFrom,
            // which is checked at the end (the governing checkpoint comes later in the log)
            firstSeq = seq;
            firstPrev = prevHash;
            expectedSeq = seq;
            expectedPrev = seq == 1 ? LogRecord.GENESIS : prevHash;
        }
        if (seq != expectedSeq
                || recordId == null
                || recordId.isBlank()
                || type == null
                || type.isBlank()
                || at == null
                || dataText == null
                || prevHash == null
                || !expectedPrev.equals(prevHash)
                || !hashes(seq, recordId, type, at, actor, dataText, prevHash, hash)) {
            doubt = true;
            return;
        }
        expectedPrev = hash;
        expectedSeq++;
        checked++;
        if (hash.equals(anchoredHead)) {
            anchorSeen = true;
        }
        try {
            if (type.equals(LogChain.CHECKPOINT)) {
                checkpoint(dataText);
            } else if (tables) {
                record(seq, type, dataText);
            }
        } catch (RuntimeException e) {
            // unreadable, or of an unknown type: the precise path names it
            doubt = true;
        }
        if (tables) {
            hashes.add(hash);
        }
    }

    /**
     * Whether the stored fields hash to the stored hash; false for text without canonical bytes (an
     * unpaired surrogate), which the precise path names as a MALFORMED break at this record.
     */
    private boolean hashes(
            long seq,
            String recordId,
            String type,
            Instant at,
            String actor,
            String dataText,
            String prevHash,
            String hash) {
        try {
            return hasher.matches(seq, recordId, type, at, actor, dataText, prevHash, hash);
        } catch (CanonicalJsonException e) {
            return false;
        }
    }

    private void checkpoint(String dataText) {
        // text that is not JSON at all fails the precise path's reading of the log: let it
        Map<String, Object> data = StoredJson.object(dataText, "a checkpoint");
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.fromData(data);
        } catch (RuntimeException e) {
            // an unreadable checkpoint governs nothing; its own hash check reports tampering
            return;
        }
        if (checkpoint.firstSeq() == firstSeq) {
            governing = checkpoint;
        }
    }

    private void record(long seq, String type, String dataText) {
        RecordKind kind = RecordKind.ofTypeName(type);
        if (kind == null) {
            doubt = true;
            return;
        }
        String key;
        if (kind == RecordKind.HANDOVER) {
            Map<String, Object> data = StoredJson.object(dataText, "a handover");
            key = kind.keyOf(data);
            if (!Snapshots.fromData(Handover.class, data).signaturesMatchContent()) {
                doubt = true;
                return;
            }
        } else {
            key = kind.keyOf(StoredJson.fields(dataText, LogTable.KEY_FIELDS, "a record"));
        }
        latest.get(kind).put(key, new Latest(dataText, seq));
    }

    /** The chain start (genesis or the governing checkpoint) and the anchor, once every row was walked. */
    private boolean chainHolds() {
        if (started
                && firstSeq != 1
                && (governing == null || !governing.chainsFrom().equals(firstPrev))) {
            return false;
        }
        return anchoredHead == null || anchoredHead.equals(LogRecord.GENESIS) || anchorSeen;
    }

    private boolean tablesAgree(Connection c, Dialect dialect, String siteId) throws SQLException {
        if (governing != null) {
            for (Checkpoint.Carried carried : governing.carried()) {
                latest.get(carried.kind())
                        .putIfAbsent(carried.key(), new Latest(CanonicalJson.write(carried.data()), CARRIED));
            }
        }
        if (started) {
            hashes.add(firstPrev);
        }
        hashes.add(LogRecord.GENESIS);
        for (Latest review : latest.get(RecordKind.REVIEW).values()) {
            Object logHead;
            try {
                logHead = StoredJson.fields(review.text, LOG_HEAD, "a review").get("logHead");
            } catch (RuntimeException e) {
                return false;
            }
            boolean beforePurge = firstSeq > 1 && review.seq == CARRIED;
            if (logHead instanceof String signed && !hashes.contains(signed) && !beforePurge) {
                return false;
            }
        }
        boolean[] agree = {true};
        ProjectionTables.visit(c, dialect, siteId, (kind, key, text) -> {
            Latest logged = latest.get(kind).get(key);
            if (logged == null || logged.seen || !logged.text.equals(text)) {
                agree[0] = false;
            } else {
                logged.seen = true;
            }
        });
        if (!agree[0]) {
            return false;
        }
        for (Map<String, Latest> keys : latest.values()) {
            for (Latest logged : keys.values()) {
                if (!logged.seen) {
                    return false;
                }
            }
        }
        // the carried-over table (V5) is the handover table's; a difference is named by the precise path
        java.util.List<Handover> handovers = new java.util.ArrayList<>();
        for (Latest logged : latest.get(RecordKind.HANDOVER).values()) {
            try {
                handovers.add(Snapshots.fromData(Handover.class, StoredJson.object(logged.text, "a handover")));
            } catch (RuntimeException e) {
                return false;
            }
        }
        return CarriedOverTable.expected(handovers).equals(CarriedOverTable.stored(c, siteId));
    }
}
