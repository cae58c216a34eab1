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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broken chain stops writes (SPEC 8.1). Under the site's head lock, each append batch reads — in one
 * statement ({@link #TAIL}) — the site's last stored log record and its active hold; the batch is
 * refused when the site is held, or when that record no longer hashes to its stored hash, is not the
 * record the head row names (seq and hash), or the head row names a record the log does not end with.
 * A break an append finds, and one that verification finds, holds the site ({@code duty_site_hold}):
 * its appends stay refused until an operator releases the hold ({@link JdbcStores#release}).
 */
final class ChainGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ChainGuard.class);

    /** The last log record of a site and its active hold, each null when there is none: one row always. */
    static final String TAIL = "SELECT l.seq, l.record_id, l.type, l.at, l.actor, l.data, l.prev_hash, l.hash, h.*"
            + " FROM (SELECT 1 AS one) x"
            + " LEFT JOIN (SELECT seq, record_id, type, at, actor, data, prev_hash, hash FROM duty_log"
            + " WHERE site_id = ? ORDER BY seq DESC LIMIT 1) l ON 1 = 1"
            + " LEFT JOIN (SELECT " + SiteHoldTable.COLUMNS + " FROM duty_site_hold"
            + " WHERE site_id = ? AND released_at IS NULL ORDER BY held_at LIMIT 1) h ON 1 = 1";

    private ChainGuard() {}

    /** The last stored log record of a site as stored (null when the log is empty), and its active hold. */
    record Tail(
            Long seq,
            String recordId,
            String type,
            Instant at,
            String actor,
            String dataText,
            String prevHash,
            String hash,
            SiteHold hold) {}

    static void bind(PreparedStatement ps, int index, String siteId) throws SQLException {
        ps.setString(index, siteId);
        ps.setString(index + 1, siteId);
    }

    static Tail read(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            throw new SQLException("the look-up of the site's last log record returned no row");
        }
        long seq = rs.getLong(1);
        boolean none = rs.wasNull();
        return new Tail(
                none ? null : seq,
                rs.getString(2),
                rs.getString(3),
                Columns.instant(rs, 4),
                rs.getString(5),
                rs.getString(6),
                Columns.trim(rs.getString(7)),
                Columns.trim(rs.getString(8)),
                SiteHoldTable.hold(rs, 9));
    }

    static Tail read(Connection c, String siteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TAIL)) {
            bind(ps, 1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                return read(rs);
            }
        }
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
        if (tail.seq() == null) {
            return head.seq() == 0
                    ? null
                    : new ChainBreak(
                            head.seq(),
                            "-",
                            ChainBreak.Problem.ANCHOR_NOT_FOUND,
                            "the head row names seq " + head.seq() + " but the site's log is empty: its records"
                                    + " were removed");
        }
        long seq = tail.seq();
        if (seq != head.seq()) {
            return new ChainBreak(
                    seq,
                    tail.recordId(),
                    ChainBreak.Problem.ANCHOR_NOT_FOUND,
                    "the head row names seq " + head.seq() + " but the log ends at seq " + seq
                            + (seq > head.seq()
                                    ? ": a record was added behind the library's back"
                                    : ": records were removed, or the head row was reset"));
        }
        boolean hashes;
        try {
            hashes = tail.prevHash() != null
                    && tail.hash() != null
                    && tail.dataText() != null
                    && new ChainHasher()
                            .matches(
                                    seq,
                                    tail.recordId(),
                                    tail.type(),
                                    tail.at(),
                                    tail.actor(),
                                    tail.dataText(),
                                    tail.prevHash(),
                                    tail.hash());
        } catch (CanonicalJsonException e) {
            return new ChainBreak(seq, tail.recordId(), ChainBreak.Problem.MALFORMED, e.getMessage());
        }
        if (!hashes) {
            return new ChainBreak(
                    seq,
                    tail.recordId(),
                    ChainBreak.Problem.HASH_MISMATCH,
                    "the site's last log record no longer hashes to its stored hash: it was altered after it was"
                            + " written");
        }
        if (!tail.hash().equals(head.hash())) {
            return new ChainBreak(
                    seq,
                    tail.recordId(),
                    ChainBreak.Problem.ANCHOR_NOT_FOUND,
                    "the head row's hash is not the hash of the last record (seq " + seq + ")");
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
