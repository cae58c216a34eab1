package io.dutykit.storage.jdbc;

import io.dutykit.core.ChainBrokenException;
import io.dutykit.core.chain.CanonicalJsonException;
import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainHasher;
import io.dutykit.core.chain.ChainVerification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broken chain stops writes (SPEC 8.1). Under the site's head lock, each append batch reads — in one
 * statement ({@link #TAIL_FROM_SEQ}, {@link #TAIL_FROM_HEAD}) — the site's log records from the seq the
 * head row names on and its active hold; the batch is refused when the site is held, or when the record
 * the head row names is not in the log, no longer hashes to its stored hash or to the head's hash, or a
 * record follows it.
 * A break an append finds, and one that verification finds, holds the site ({@code duty_site_hold}):
 * its appends stay refused until an operator releases the hold ({@link JdbcStores#release}).
 */
final class ChainGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ChainGuard.class);

    /**
     * The site's log records from the seq the head row names on (at most two: the one it names, and one
     * that should not be there) and its active hold; one row at least. {@code ?} stands for the head's
     * seq, bound when it is known ({@link #TAIL_FROM_SEQ}, H2: its planner uses an index range only for
     * a bound value), or read in the statement ({@link #TAIL_FROM_HEAD}, PostgreSQL, where the statement
     * is sent with the lock, before the head is known). Both read a range of the log's primary key.
     */
    private static String tail(String from) {
        return "SELECT l.seq, l.record_id, l.type, l.at, l.actor, l.data, l.prev_hash, l.hash, h.*"
                + " FROM (SELECT 1 AS one) x"
                + " LEFT JOIN (SELECT seq, record_id, type, at, actor, data, prev_hash, hash FROM duty_log"
                + " WHERE site_id = ? AND seq >= " + from + " ORDER BY seq LIMIT 2) l ON 1 = 1"
                + " LEFT JOIN (SELECT " + SiteHoldTable.COLUMNS + " FROM duty_site_hold"
                + " WHERE site_id = ? AND released_at IS NULL ORDER BY held_at LIMIT 1) h ON 1 = 1"
                + " ORDER BY l.seq";
    }

    /** The tail from a bound seq: site, seq, site. */
    static final String TAIL_FROM_SEQ = tail("?");

    /** The tail from the seq of the site's head row, read in the statement: site, site, site. */
    static final String TAIL_FROM_HEAD = tail("(SELECT seq FROM duty_log_head WHERE site_id = ?)");

    private ChainGuard() {}

    /** A log record as stored. */
    record Stored(
            long seq,
            String recordId,
            String type,
            Instant at,
            String actor,
            String dataText,
            String prevHash,
            String hash) {}

    /** The log records from the head's seq on, in seq order (none, one, or more: a break), and the active hold. */
    record Tail(List<Stored> records, SiteHold hold) {}

    static Tail read(ResultSet rs) throws SQLException {
        List<Stored> records = new ArrayList<>();
        SiteHold hold = null;
        while (rs.next()) {
            long seq = rs.getLong(1);
            if (!rs.wasNull()) {
                records.add(new Stored(
                        seq,
                        rs.getString(2),
                        rs.getString(3),
                        Columns.instant(rs, 4),
                        rs.getString(5),
                        rs.getString(6),
                        Columns.trim(rs.getString(7)),
                        Columns.trim(rs.getString(8))));
            }
            if (hold == null) {
                hold = SiteHoldTable.hold(rs, 9);
            }
        }
        return new Tail(records, hold);
    }

    /** The tail of a site whose head row is locked and read: one statement, {@link #TAIL_FROM_SEQ}. */
    static Tail read(Connection c, String siteId, long headSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TAIL_FROM_SEQ)) {
            ps.setString(1, siteId);
            ps.setLong(2, headSeq);
            ps.setString(3, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                return read(rs);
            }
        }
    }

    /** Binds {@link #TAIL_FROM_HEAD} from {@code index}; returns the index after it. */
    static int bindFromHead(PreparedStatement ps, int index, String siteId) throws SQLException {
        ps.setString(index, siteId);
        ps.setString(index + 1, siteId);
        ps.setString(index + 2, siteId);
        return index + 3;
    }

    /**
     * Refuses the append when the site is held or its tail does not verify against the head row: throws
     * {@link ChainBrokenException}, before anything is written.
     */
    static void requireIntact(String siteId, HeadTable.Head head, Tail tail) {
        if (tail.hold() != null) {
            LOG.warn(
                    "append to site {} refused: the site is held since {} ({} found {} at seq {})",
                    siteId,
                    tail.hold().heldAt(),
                    tail.hold().foundBy(),
                    tail.hold().firstBreak().problem(),
                    tail.hold().firstBreak().seq());
            throw new ChainBrokenException(
                    siteId, tail.hold().firstBreak(), tail.hold().heldAt());
        }
        ChainBreak broken = check(head, tail);
        if (broken != null) {
            LOG.error("append to site {} refused: its chain does not verify: {}", siteId, broken);
            throw new ChainBrokenException(siteId, broken, null);
        }
    }

    /** Why the tail does not verify against the head row, or null. */
    static ChainBreak check(HeadTable.Head head, Tail tail) {
        List<Stored> records = tail.records();
        if (records.isEmpty()) {
            return head.seq() == 0
                    ? null
                    : new ChainBreak(
                            head.seq(),
                            "-",
                            ChainBreak.Problem.ANCHOR_NOT_FOUND,
                            "the head row names seq " + head.seq() + " but the log holds no record from there on:"
                                    + " records were removed, or the head row was moved on");
        }
        Stored first = records.get(0);
        if (first.seq() != head.seq()) {
            return new ChainBreak(
                    first.seq(),
                    first.recordId(),
                    ChainBreak.Problem.ANCHOR_NOT_FOUND,
                    head.seq() == 0
                            ? "the head row names no record but the log holds seq " + first.seq()
                                    + ": the head row was reset"
                            : "the head row names seq " + head.seq() + ", which the log does not hold (its next record"
                                    + " is seq " + first.seq() + "): a record was removed");
        }
        if (head.seq() == 0) {
            return null;
        }
        boolean hashes;
        try {
            hashes = first.prevHash() != null
                    && first.hash() != null
                    && first.dataText() != null
                    && new ChainHasher()
                            .matches(
                                    first.seq(),
                                    first.recordId(),
                                    first.type(),
                                    first.at(),
                                    first.actor(),
                                    first.dataText(),
                                    first.prevHash(),
                                    first.hash());
        } catch (CanonicalJsonException e) {
            return new ChainBreak(first.seq(), first.recordId(), ChainBreak.Problem.MALFORMED, e.getMessage());
        }
        if (!hashes) {
            return new ChainBreak(
                    first.seq(),
                    first.recordId(),
                    ChainBreak.Problem.HASH_MISMATCH,
                    "the site's last log record no longer hashes to its stored hash: it was altered after it was"
                            + " written");
        }
        if (!first.hash().equals(head.hash())) {
            return new ChainBreak(
                    first.seq(),
                    first.recordId(),
                    ChainBreak.Problem.ANCHOR_NOT_FOUND,
                    "the head row's hash is not the hash of the record it names (seq " + first.seq() + ")");
        }
        if (records.size() > 1) {
            Stored extra = records.get(1);
            return new ChainBreak(
                    extra.seq(),
                    extra.recordId(),
                    ChainBreak.Problem.ANCHOR_NOT_FOUND,
                    "the head row names seq " + head.seq() + " but the log goes on to seq " + extra.seq()
                            + ": a record was added behind the library's back");
        }
        return null;
    }

    /**
     * Holds the site for a break found by {@code foundBy} ({@code append} or {@code verify}), in a
     * transaction of its own, unless it is held already or an operator released a hold about the same
     * break (they acknowledged it). A database that refuses the write (a read-only role) is logged and
     * left as it is: the verification result still stands.
     */
    static void hold(Database db, String siteId, ChainBreak found, String foundBy) {
        try {
            boolean held = db.write("hold site " + siteId, c -> {
                List<SiteHold> holds = SiteHoldTable.all(c, siteId);
                for (SiteHold hold : holds) {
                    if (hold.isActive() || hold.isAbout(found)) {
                        return false;
                    }
                }
                SiteHoldTable.insert(c, siteId, foundBy, found);
                return true;
            });
            if (held) {
                LOG.error(
                        "site {} held: {} found its chain broken at seq {} ({}): {}; appends are refused until an"
                                + " operator releases the hold",
                        siteId,
                        foundBy,
                        found.seq(),
                        found.problem(),
                        found.message());
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "site {}: its chain is broken ({}) but the hold could not be written: {}",
                    siteId,
                    found,
                    e.getMessage());
        }
    }

    /** After a verification: holds the site when the chain (not only a given anchor) is broken. */
    static void afterVerification(Database db, String siteId, String anchoredHead, ChainVerification result) {
        if (result.isIntact()) {
            return;
        }
        ChainBreak found = result.firstBreak();
        if (anchoredHead != null && found.problem() == ChainBreak.Problem.ANCHOR_NOT_FOUND) {
            ChainVerification unanchored = db.read(
                    "verify the chain of site " + siteId,
                    c -> StoredVerification.verifyChain(c, db.dialect(), siteId, null));
            if (unanchored.isIntact()) {
                LOG.warn(
                        "site {}: the chain verifies but does not contain the head given to verify ({}): a"
                                + " truncation, a restored backup or a mistyped head; the site is not held",
                        siteId,
                        anchoredHead);
                return;
            }
            found = unanchored.firstBreak();
        }
        hold(db, siteId, found, "verify");
    }
}
