package io.dutykit.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** {@code duty_purge_audit}: one row per retention purge, written before the purge deletes anything. */
final class PurgeAuditTable {
    private PurgeAuditTable() {}

    static void insert(
            Connection c,
            String siteId,
            LocalDate purgedBefore,
            long firstKeptSeq,
            String chainsFrom,
            long removedLogRecords,
            long removedRecords,
            String actor,
            Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO duty_purge_audit (site_id, purged_before,"
                + " first_kept_seq, chains_from, removed_log_records, removed_records, actor, db_user, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, SESSION_USER, ?)")) {
            ps.setString(1, siteId);
            ps.setObject(2, purgedBefore);
            ps.setLong(3, firstKeptSeq);
            ps.setString(4, chainsFrom);
            ps.setLong(5, removedLogRecords);
            ps.setLong(6, removedRecords);
            ps.setString(7, actor);
            ps.setObject(8, Columns.timestamp(at));
            ps.executeUpdate();
        }
    }
}
