package io.dutykit.storage.jdbc;

import io.dutykit.test.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The live slices on a real PostgreSQL server. */
class PostgresLiveSliceIT extends LiveSliceContract {

    @Override
    DataSource dataSource() {
        return TestPostgres.shared();
    }

    @Override
    Connection tamperConnection() throws SQLException {
        Connection c = TestPostgres.shared().getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
        }
        return c;
    }

    /** The plan with sequential scans priced out: which index the statement can use, whatever the table's size. */
    @Override
    String plan(String statement, Object... binds) throws SQLException {
        try (Connection c = TestPostgres.shared().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET enable_seqscan = off");
                // statistics, so that with two indexes leading with the site the one of the range wins
                s.execute("ANALYZE");
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement)) {
                for (int i = 0; i < binds.length; i++) {
                    ps.setObject(i + 1, binds[i]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
    }
}
