package io.dutykit.core.chain;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.record.SupervisorReview;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The hash chain of a site's duty log (SPEC section 8), as documented in docs/log-integrity.md.
 *
 * <p><b>Canonical bytes</b> of a log record: the UTF-8 bytes of the {@link CanonicalJson} text of the
 * object {@code {"actor":…,"at":…,"data":{…},"id":…,"prevHash":…,"seq":N,"type":…}} — exactly these
 * seven keys, sorted, no white space; {@code at} as UTC text with three fraction digits ({@code
 * 2026-11-02T09:25:00.000Z}); {@code actor} null when there is none; {@code seq} an integer; {@code
 * prevHash} 64 lower-case hex digits.
 *
 * <p><b>Hash</b>: {@code hash = lowercase_hex(SHA-256(canonical bytes ‖ ASCII bytes of prevHash))}.
 * The first record ({@code seq} 1) has {@code prevHash} = 64 zeros ({@link LogRecord#GENESIS}). After a
 * retention purge the first remaining record chains from the hash named by the {@link Checkpoint}
 * record that the purge appended.
 */
public final class LogChain {
    /** The type of the record a retention purge appends. */
    public static final String CHECKPOINT = "CHECKPOINT";

    private LogChain() {}

    /** The canonical text of a record (everything but its own hash), before UTF-8 encoding. */
    public static String canonicalText(LogRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seq", record.seq());
        map.put("id", record.id());
        map.put("type", record.type());
        map.put("at", CanonicalJson.instant(record.at()));
        map.put("actor", record.actor());
        map.put("data", record.data());
        map.put("prevHash", record.prevHash());
        return CanonicalJson.write(map);
    }

    /**
     * The UTF-8 bytes of {@link #canonicalText}.
     *
     * @throws CanonicalJsonException naming the field, when a text holds an unpaired surrogate
     */
    public static byte[] canonicalBytes(LogRecord record) {
        return CanonicalJson.utf8(canonicalText(record), null);
    }

    /** {@code SHA-256(canonical bytes ‖ prevHash)} in lower-case hex. */
    public static String hashOf(LogRecord record) {
        // the same bytes as canonicalBytes(record): the envelope's keys are written in sorted order
        String data;
        try {
            data = CanonicalJson.write(record.data());
        } catch (CanonicalJsonException e) {
            throw e.under("data");
        }
        return hashOf(record, data);
    }

    /**
     * {@link #hashOf(LogRecord)} computed from the canonical text of the record's data as stored (for
     * stores that keep {@code data} as canonical JSON text): the same bytes without re-writing {@code
     * data}. Text that is not canonical hashes differently, as any change of the stored bytes should.
     *
     * @throws CanonicalJsonException naming the field, when a text holds an unpaired surrogate (it has no
     *     UTF-8 bytes: written as {@code ?} it would hash like a real {@code ?})
     */
    public static String hashOf(LogRecord record, String canonicalData) {
        StringBuilder text = new StringBuilder(canonicalData.length() + 256);
        text.append("{\"actor\":");
        field("actor", record.actor(), text);
        text.append(",\"at\":\"")
                .append(CanonicalJson.instant(record.at()))
                .append("\",\"data\":")
                .append(canonicalData)
                .append(",\"id\":");
        field("id", record.id(), text);
        text.append(",\"prevHash\":");
        field("prevHash", record.prevHash(), text);
        text.append(",\"seq\":").append(record.seq()).append(",\"type\":");
        field("type", record.type(), text);
        text.append('}');
        // the other fields were checked as they were written: only the stored data is checked here
        CanonicalJson.requireValidUnicode(canonicalData, "data");
        MessageDigest digest = CanonicalJson.sha256();
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(String.valueOf(record.prevHash()).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The value as a JSON string (or null); an error names the field. */
    private static void field(String name, String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
            return;
        }
        try {
            CanonicalJson.string(value, out);
        } catch (CanonicalJsonException e) {
            throw e.under(name);
        }
    }

    /**
     * The record that follows {@code previous} (null for the first record of a site): its seq is one
     * more, its prevHash is the previous hash and its hash is computed. {@code at} is kept to the
     * millisecond, as the canonical form writes it.
     */
    public static LogRecord link(
            LogRecord previous, String id, String type, Instant at, String actor, Map<String, Object> data) {
        return previous == null
                ? link(1, LogRecord.GENESIS, id, type, at, actor, data)
                : link(previous.seq() + 1, previous.hash(), id, type, at, actor, data);
    }

    /** The record at {@code seq} chaining from {@code prevHash}, with its hash computed. */
    public static LogRecord link(
            long seq, String prevHash, String id, String type, Instant at, String actor, Map<String, Object> data) {
        if (seq < 1) {
            throw InvalidValueException.of("log seq (%d) must be at least 1", seq);
        }
        Checks.requiredText(prevHash, "prevHash");
        Checks.required(at, "at");
        Map<String, Object> copy = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        LogRecord unhashed =
                new LogRecord(seq, id, type, at.truncatedTo(ChronoUnit.MILLIS), actor, copy, prevHash, null);
        return new LogRecord(seq, id, type, unhashed.at(), actor, copy, prevHash, hashOf(unhashed));
    }

    /**
     * Walks the chain: every seq follows the one before, every prevHash is the hash before it (64 zeros
     * for seq 1, or a checkpoint's {@code chainsFrom} when the log was purged), every hash is the hash
     * of its record. Names the first record that fails.
     */
    public static ChainVerification verify(List<LogRecord> log) {
        return verify(log, LogChain::hashOf);
    }

    /** As {@link #verify(List)}, computing each record's hash with {@code hasher} (e.g. from stored text). */
    public static ChainVerification verify(List<LogRecord> log, Function<LogRecord, String> hasher) {
        if (log.isEmpty()) {
            return ChainVerification.intact(0, null);
        }
        LogRecord first = log.get(0);
        String expectedPrev = LogRecord.GENESIS;
        if (first.seq() != 1) {
            Checkpoint checkpoint = governingCheckpoint(log);
            if (checkpoint == null) {
                return ChainVerification.broken(
                        0,
                        null,
                        new ChainBreak(
                                first.seq(),
                                first.id(),
                                ChainBreak.Problem.CHECKPOINT_MISSING,
                                "the log starts at seq " + first.seq()
                                        + " but no CHECKPOINT record says it was purged up to there: records 1 to "
                                        + (first.seq() - 1) + " were removed"));
            }
            expectedPrev = checkpoint.chainsFrom();
        }
        long expectedSeq = first.seq();
        long checked = 0;
        for (LogRecord record : log) {
            if (record.seq() != expectedSeq) {
                String what = record.seq() > expectedSeq
                        ? "record " + expectedSeq + " is missing before it (removed, or the records were reordered)"
                        : "it repeats or goes back from seq " + (expectedSeq - 1)
                                + " (a record was inserted or the records were reordered)";
                return ChainVerification.broken(
                        checked,
                        expectedPrev,
                        new ChainBreak(
                                record.seq(),
                                record.id(),
                                ChainBreak.Problem.SEQ_GAP,
                                "log record " + record.seq() + " (" + record.id() + ") was expected at seq "
                                        + expectedSeq + ": " + what));
            }
            if (!expectedPrev.equals(record.prevHash())) {
                return ChainVerification.broken(
                        checked,
                        expectedPrev,
                        new ChainBreak(
                                record.seq(),
                                record.id(),
                                ChainBreak.Problem.PREV_HASH_MISMATCH,
                                "log record " + record.seq() + " (" + record.id() + ") does not chain from the record"
                                        + " before it (prevHash " + record.prevHash() + ", expected " + expectedPrev
                                        + "): a record was inserted, removed or reordered here, or the one before"
                                        + " was rewritten"));
            }
            String hash;
            try {
                hash = hasher.apply(record);
            } catch (CanonicalJsonException e) {
                return ChainVerification.broken(
                        checked,
                        expectedPrev,
                        new ChainBreak(
                                record.seq(),
                                record.id(),
                                ChainBreak.Problem.MALFORMED,
                                "log record " + record.seq() + " (" + record.id() + ") has no canonical bytes: "
                                        + e.getMessage()));
            }
            if (!hash.equals(record.hash())) {
                return ChainVerification.broken(
                        checked,
                        expectedPrev,
                        new ChainBreak(
                                record.seq(),
                                record.id(),
                                ChainBreak.Problem.HASH_MISMATCH,
                                "log record " + record.seq() + " (" + record.id() + ") was altered: its content hashes"
                                        + " to " + hash + " but it stores " + record.hash()));
            }
            expectedPrev = record.hash();
            expectedSeq++;
            checked++;
        }
        return ChainVerification.intact(checked, expectedPrev);
    }

    /**
     * Verifies the chain and that a head held outside the database (e.g. the {@code logHead} a
     * supervisor signed at the daily review) is still in it, so truncating or rewriting the log after it
     * is detected.
     */
    public static ChainVerification verify(List<LogRecord> log, String anchoredHead) {
        return verify(log, anchoredHead, LogChain::hashOf);
    }

    /** As {@link #verify(List, String)}, computing each record's hash with {@code hasher}. */
    public static ChainVerification verify(
            List<LogRecord> log, String anchoredHead, Function<LogRecord, String> hasher) {
        ChainVerification chain = verify(log, hasher);
        if (!chain.isIntact() || anchoredHead == null || anchoredHead.equals(LogRecord.GENESIS)) {
            return chain;
        }
        for (LogRecord record : log) {
            if (record.hash().equals(anchoredHead)) {
                return chain;
            }
        }
        LogRecord last = log.isEmpty() ? null : log.get(log.size() - 1);
        return ChainVerification.broken(
                chain.records(),
                chain.head(),
                new ChainBreak(
                        last == null ? null : last.seq(),
                        last == null ? anchoredHead : last.id(),
                        ChainBreak.Problem.ANCHOR_NOT_FOUND,
                        "the signed chain head " + anchoredHead + " is not in the log (which ends at "
                                + (last == null ? "nothing" : "seq " + last.seq()) + "): the log was truncated or"
                                + " rewritten after it was signed"));
    }

    /**
     * Verifies a site's records as a dataset or a store holds them: the chain of {@code log}, every
     * signed handover against its content hash, every review's {@code logHead} against the chain, and
     * that each list (site, staff, rosters, …) holds exactly the latest snapshot per key that the log
     * rebuilds. A dataset without a log (hand-written) verifies trivially.
     */
    public static ChainVerification verify(SiteRecords records) {
        List<LogRecord> log = records.log();
        ChainVerification chain = verify(log);
        if (!chain.isIntact() || log.isEmpty()) {
            return chain;
        }
        LogReplay replay = LogReplay.of(log);
        if (replay.firstBreak() != null) {
            return ChainVerification.broken(chain.records(), chain.head(), replay.firstBreak());
        }
        ChainBreak listBreak = compareLists(records, replay);
        if (listBreak != null) {
            return ChainVerification.broken(chain.records(), chain.head(), listBreak);
        }
        ChainBreak anchorBreak = checkReviewHeads(log, records.reviews());
        if (anchorBreak != null) {
            return ChainVerification.broken(chain.records(), chain.head(), anchorBreak);
        }
        return chain;
    }

    /** The checkpoint that says where a purged log continues from, or null. */
    public static Checkpoint governingCheckpoint(List<LogRecord> log) {
        if (log.isEmpty()) {
            return null;
        }
        long firstSeq = log.get(0).seq();
        Checkpoint governing = null;
        for (LogRecord record : log) {
            if (record.type().equals(CHECKPOINT)) {
                try {
                    Checkpoint checkpoint = Checkpoint.fromData(record.data());
                    if (checkpoint.firstSeq() == firstSeq) {
                        governing = checkpoint;
                    }
                } catch (InvalidValueException e) {
                    // an unreadable checkpoint governs nothing; its own hash check reports the tampering
                }
            }
        }
        return governing;
    }

    private static ChainBreak compareLists(SiteRecords records, LogReplay replay) {
        ChainBreak first = null;
        List<ChainBreak> unlogged = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            List<?> list = kind.recordsIn(records);
            if (kind == RecordKind.SITE && replay.snapshots(kind).isEmpty()) {
                continue;
            }
            Map<String, String> listed = new LinkedHashMap<>();
            Set<String> badSignatures = new HashSet<>();
            for (Object item : list) {
                Object normalized = Snapshots.normalized(item);
                String key = kind.key(normalized);
                String text = CanonicalJson.write(Snapshots.toData(normalized));
                if (normalized instanceof Handover handover && !handover.signaturesMatchContent()) {
                    badSignatures.add(key);
                }
                if (listed.putIfAbsent(key, text) != null) {
                    unlogged.add(new ChainBreak(
                            null,
                            key,
                            ChainBreak.Problem.LIST_DISAGREES,
                            kind.listName() + " lists " + key + " twice; the log holds it once"));
                }
            }
            Set<String> seen = new HashSet<>();
            for (LogReplay.Snapshot snapshot : replay.snapshots(kind)) {
                seen.add(snapshot.key());
                String text = listed.get(snapshot.key());
                if (text != null && text.equals(snapshot.canonical())) {
                    continue;
                }
                LogRecord last = snapshot.last();
                boolean signature = badSignatures.contains(snapshot.key());
                String what = text == null
                        ? " is missing from the " + kind.listName() + " list"
                        : signature
                                ? " was changed after it was signed: it no longer matches the content hash its"
                                        + " signatures carry nor what the log last recorded"
                                : " in the " + kind.listName() + " list differs from what the log last recorded";
                ChainBreak found = new ChainBreak(
                        last == null ? null : last.seq(),
                        last == null ? snapshot.key() : last.id(),
                        signature ? ChainBreak.Problem.SIGNATURE_MISMATCH : ChainBreak.Problem.LIST_DISAGREES,
                        kind.listName() + " " + snapshot.key() + what
                                + (last == null ? " (carried by the checkpoint)" : " (log record " + last.seq() + ")"));
                if (first == null || (found.seq() != null && (first.seq() == null || found.seq() < first.seq()))) {
                    first = found;
                }
            }
            for (String key : listed.keySet()) {
                if (!seen.contains(key)) {
                    unlogged.add(new ChainBreak(
                            null,
                            key,
                            ChainBreak.Problem.LIST_DISAGREES,
                            kind.listName() + " " + key + " is in the list but no log record wrote it"));
                }
            }
        }
        if (first != null) {
            return first;
        }
        for (Handover handover : records.handovers()) {
            if (!handover.signaturesMatchContent()) {
                return new ChainBreak(
                        null,
                        handover.id(),
                        ChainBreak.Problem.SIGNATURE_MISMATCH,
                        "handover " + handover.id() + " no longer matches the content hash its signatures carry");
            }
        }
        return unlogged.isEmpty() ? null : unlogged.get(0);
    }

    private static ChainBreak checkReviewHeads(List<LogRecord> log, List<SupervisorReview> reviews) {
        Set<String> hashes = new HashSet<>();
        hashes.add(LogRecord.GENESIS);
        hashes.add(log.get(0).prevHash());
        for (LogRecord record : log) {
            hashes.add(record.hash());
        }
        Instant start = log.get(0).at();
        boolean purged = log.get(0).seq() > 1;
        for (SupervisorReview review : reviews) {
            if (review.logHead() == null || hashes.contains(review.logHead())) {
                continue;
            }
            if (purged && review.at().isBefore(start)) {
                continue;
            }
            return new ChainBreak(
                    null,
                    review.key(),
                    ChainBreak.Problem.ANCHOR_NOT_FOUND,
                    "review " + review.key() + " signed the chain head " + review.logHead()
                            + ", which is not in the log: the log was truncated or rewritten after the review");
        }
        return null;
    }
}
