package io.dutykit.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The query-table rows (projections) the stores write next to the log, read and written with plain
 * JDBC: the second, informational baseline of figure 4 ("everything the store writes, raw").
 */
final class QueryRows {
    /** The query tables, as the schema names them. */
    static final List<String> TABLES = List.of(
            "duty_site",
            "duty_staff",
            "duty_roster",
            "duty_leave",
            "duty_handover",
            "duty_entry",
            "duty_incident",
            "duty_call",
            "duty_absence",
            "duty_review",
            "duty_report",
            "duty_training",
            "duty_process_review",
            "duty_spot_check");

    /** The rows of one table: its column names (site_id first) and the values of the other columns. */
    record Table(String name, List<String> columns, List<Object[]> rows) {
        String insert() {
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + "?, ".repeat(columns.size() - 1) + "?)";
        }
    }

    private QueryRows() {}

    /** The table's columns the database generates, lower case (its name as H2 or PostgreSQL stores it). */
    private static java.util.Set<String> generatedColumns(Connection c, String table) throws SQLException {
        java.util.Set<String> generated = new java.util.HashSet<>();
        for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getColumns(null, null, name, "%")) {
                while (rs.next()) {
                    if ("YES".equals(rs.getString("IS_GENERATEDCOLUMN"))) {
                        generated.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return generated;
    }

    /** The rows of the given tables at the site whose record_key starts with {@code keyPrefix}. */
    static List<Table> select(DataSource dataSource, String siteId, List<String> tables, String keyPrefix)
            throws SQLException {
        List<Table> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT * FROM " + table + " WHERE site_id = ? AND record_key LIKE ? ORDER BY first_seq")) {
                    ps.setString(1, siteId);
                    ps.setString(2, keyPrefix + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        java.util.Set<String> generated = generatedColumns(c, table);
                        List<String> columns = new ArrayList<>();
                        columns.add("site_id");
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String label = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                            // the database computes generated columns (migration V4): an INSERT names none
                            if (!label.equals("site_id") && !generated.contains(label)) {
                                columns.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
                            }
                        }
                        List<Object[]> rows = new ArrayList<>();
                        while (rs.next()) {
                            Object[] row = new Object[columns.size() - 1];
                            for (int i = 1; i < columns.size(); i++) {
                                row[i - 1] = rs.getObject(columns.get(i));
                            }
                            rows.add(row);
                        }
                        if (!rows.isEmpty()) {
                            result.add(new Table(table, columns, rows));
                        }
                    }
                }
            }
            c.commit();
        }
        return result;
    }

    /**
     * The log rows and the query rows under another site id, and the head row, in one transaction:
     * every row the store writes for the same records, with plain batched INSERTs (500 per batch).
     */
    static void insertBatched(DataSource dataSource, String siteId, List<LogRows.Row> log, List<Table> tables)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            LogRows.insertBatched(c, siteId, log);
            for (Table table : tables) {
                try (PreparedStatement ps = c.prepareStatement(table.insert())) {
                    int pending = 0;
                    for (Object[] row : table.rows()) {
                        ps.setString(1, siteId);
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 2, row[i]);
                        }
                        ps.addBatch();
                        if (++pending == 500) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
            }
            LogRows.Row last = log.get(log.size() - 1);
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO duty_log_head (site_id, seq, hash) VALUES (?, ?, ?)")) {
                ps.setString(1, siteId);
                ps.setLong(2, last.seq());
                ps.setString(3, last.hash());
                ps.executeUpdate();
            }
            c.commit();
        }
    }
}
