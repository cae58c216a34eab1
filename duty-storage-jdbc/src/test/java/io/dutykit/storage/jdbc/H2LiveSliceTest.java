package io.dutykit.storage.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The live slices on H2 in file mode. */
class H2LiveSliceTest extends LiveSliceContract {
    private static final DataSource FILE = H2LiveSliceTest.file();

    static DataSource file() {
        try {
            return JdbcStores.h2DataSource(Files.createTempDirectory("dutykit-h2-live"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    DataSource dataSource() {
        return FILE;
    }

    @Override
    Connection tamperConnection() throws SQLException {
        return FILE.getConnection();
    }

    @Override
    String plan(String statement, Object... binds) throws SQLException {
        try (Connection c = FILE.getConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement)) {
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
