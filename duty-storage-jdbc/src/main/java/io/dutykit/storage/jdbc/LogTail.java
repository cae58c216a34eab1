package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.LogRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A slice of a site's log after a seq ({@code DutyLogReader.records(siteId, afterSeq, limit)}), on the
 * primary key's order: a consumer tailing the log reads only what it has not seen.
 */
final class LogTail {
    private static final String SELECT_AFTER =
            "SELECT " + LogTable.COLUMNS + " FROM duty_log WHERE site_id = ? AND seq > ? ORDER BY seq LIMIT ?";

    private LogTail() {}

    static List<LogRecord> after(Connection c, String siteId, long afterSeq, int limit) throws SQLException {
        List<LogRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_AFTER)) {
            ps.setString(1, siteId);
            ps.setLong(2, afterSeq);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(LogTable.record(rs));
                }
            }
        }
        return records;
    }
}
