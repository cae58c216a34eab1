package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.ChainBreak;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code duty_site_hold}: the holds of sites whose chain was found broken, active and released. */
final class SiteHoldTable {
    static final String COLUMNS =
            "site_id, held_at, found_by, seq, record_id, problem, message, released_at, released_by, release_reason";

    private SiteHoldTable() {}

    /** Every hold of the site (or of every site when {@code siteId} is null), oldest first. */
    static List<SiteHold> all(Connection c, String siteId) throws SQLException {
        List<SiteHold> holds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM duty_site_hold"
                + (siteId == null ? "" : " WHERE site_id = ?") + " ORDER BY site_id, held_at")) {
            if (siteId != null) {
                ps.setString(1, siteId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holds.add(hold(rs, 1));
                }
            }
        }
        return holds;
    }

    /** The hold of the current row, its columns ({@link #COLUMNS}) from {@code first}; null when site_id is null. */
    static SiteHold hold(ResultSet rs, int first) throws SQLException {
        String siteId = rs.getString(first);
        if (siteId == null) {
            return null;
        }
        long seq = rs.getLong(first + 3);
        Long seqOrNull = rs.wasNull() ? null : seq;
        ChainBreak found = new ChainBreak(
                seqOrNull,
                rs.getString(first + 4),
                ChainBreak.Problem.valueOf(rs.getString(first + 5)),
                rs.getString(first + 6));
        return new SiteHold(
                siteId,
                Columns.instant(rs, first + 1),
                rs.getString(first + 2),
                found,
                Columns.instant(rs, first + 7),
                rs.getString(first + 8),
                rs.getString(first + 9));
    }

    /** Inserts an active hold stamped with the database's clock (several nodes, one time). */
    static void insert(Connection c, String siteId, String foundBy, ChainBreak found) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO duty_site_hold"
                + " (site_id, held_at, found_by, seq, record_id, problem, message)"
                + " VALUES (?, CURRENT_TIMESTAMP, ?, ?, ?, ?, ?)")) {
            ps.setString(1, siteId);
            ps.setString(2, foundBy);
            ps.setObject(3, found.seq());
            ps.setString(4, cut(found.recordId(), 500));
            ps.setString(5, found.problem().name());
            ps.setString(6, cut(found.message(), 2000));
            ps.executeUpdate();
        }
    }

    /** Releases the site's active holds, stamped with the database's clock; returns how many. */
    static int release(Connection c, String siteId, String by, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE duty_site_hold SET released_at = CURRENT_TIMESTAMP,"
                + " released_by = ?, release_reason = ? WHERE site_id = ? AND released_at IS NULL")) {
            ps.setString(1, cut(by, 200));
            ps.setString(2, cut(reason, 2000));
            ps.setString(3, siteId);
            return ps.executeUpdate();
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
