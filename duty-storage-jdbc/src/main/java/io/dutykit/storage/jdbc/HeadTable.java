package io.dutykit.storage.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * {@code duty_log_head}: one row per site, the end of its chain ({@code seq}, {@code hash}) and the date
 * its log was purged before. Appends lock the row, so each site has one unbroken chain.
 */
final class HeadTable {
    /** The end of a site's chain. */
    record Head(long seq, String hash, LocalDate purgedBefore) {}

    static final String SELECT_FOR_UPDATE =
            "SELECT seq, hash, purged_before FROM duty_log_head WHERE site_id = ? FOR UPDATE";

    private HeadTable() {}

    /** Locks the site's head row for the rest of the transaction, creating it for a new site. */
    static Head lock(Connection c, Dialect dialect, String siteId) throws SQLException {
        Head head = selectForUpdate(c, siteId);
        if (head != null) {
            return head;
        }
        dialect.insertHeadRow(c, siteId);
        head = selectForUpdate(c, siteId);
        if (head == null) {
            throw new SQLException("the head row of site " + siteId + " vanished while being created", "40001");
        }
        return head;
    }

    private static Head selectForUpdate(Connection c, String siteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_UPDATE)) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? head(rs) : null;
            }
        }
    }

    /** The site's head row, or null when it has none. */
    static Head head(Connection c, String siteId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT seq, hash, purged_before FROM duty_log_head WHERE site_id = ?")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? head(rs) : null;
            }
        }
    }

    /** The head of the current row of {@code rs} (columns seq, hash, purged_before). */
    static Head head(ResultSet rs) throws SQLException {
        Date purged = rs.getDate("purged_before");
        return new Head(rs.getLong("seq"), rs.getString("hash").trim(), purged == null ? null : purged.toLocalDate());
    }

    static void update(Connection c, String siteId, long seq, String hash) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE duty_log_head SET seq = ?, hash = ? WHERE site_id = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.setString(3, siteId);
            ps.executeUpdate();
        }
    }

    static void setPurgedBefore(Connection c, String siteId, LocalDate purgedBefore) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE duty_log_head SET purged_before = ? WHERE site_id = ?")) {
            ps.setObject(1, purgedBefore);
            ps.setString(2, siteId);
            ps.executeUpdate();
        }
    }
}
