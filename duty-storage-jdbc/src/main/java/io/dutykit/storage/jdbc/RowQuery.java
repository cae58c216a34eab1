package io.dutykit.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One query of query-table rows {@code (first_seq, record_key, data)} with its parameters, so that
 * several can run together: one after the other ({@link #runEach}), or in one round trip where the
 * database allows it ({@link Dialect#runAll}, PostgreSQL).
 */
record RowQuery(String sql, Binder binder) {

    /** A query-table row: its first seq, key and data. */
    record Row(long firstSeq, String key, String data) {}

    /** Binds the query's parameters from {@code index}; returns the index after them. */
    interface Binder {
        int bind(Connection c, PreparedStatement ps, int index) throws SQLException;
    }

    /** Reads the rows of one result set. */
    static List<Row> rows(ResultSet rs) throws SQLException {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
        return rows;
    }

    /** Runs the queries one after the other; each one's rows in order. */
    static List<List<Row>> runEach(Connection c, List<RowQuery> queries) throws SQLException {
        List<List<Row>> results = new ArrayList<>(queries.size());
        for (RowQuery query : queries) {
            try (PreparedStatement ps = c.prepareStatement(query.sql())) {
                query.binder().bind(c, ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    results.add(rows(rs));
                }
            }
        }
        return results;
    }
}
