package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The store contract on H2: the embedded default in file mode, with in-memory databases for imports. */
class H2StoreTest extends JdbcStoreContract {
    private static final DataSource FILE = fileDatabase();

    private static DataSource fileDatabase() {
        try {
            return JdbcStores.h2DataSource(Files.createTempDirectory("dutykit-h2-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    DataSource dataSource() {
        return FILE;
    }

    @Override
    DataSource freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:fresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Override
    Connection tamperConnection() throws SQLException {
        return FILE.getConnection();
    }

    /**
     * H2 keeps any Java string, an unpaired surrogate included (PostgreSQL's UTF-8 columns cannot hold
     * one): such text has no canonical bytes, so hashing it throws; both walks name the record instead.
     */
    @Test
    void a_stored_unpaired_surrogate_is_a_located_break_not_an_exception() {
        fiveEntries();
        sql(
                "UPDATE duty_log SET data = REPLACE(data, 'text of e-3', ?) WHERE site_id = ? AND seq = 7",
                "text of e-3\ud800",
                site);
        sql("UPDATE duty_log SET actor = ? WHERE site_id = ? AND seq = 8", "wang\udc00", site);

        for (ChainVerification result : List.of(storage.verify(site), storage.verifyChain(site, null))) {
            assertThat(result.isIntact()).isFalse();
            ChainBreak found = result.firstBreak();
            assertThat(found.seq()).isEqualTo(7);
            assertThat(found.recordId()).isEqualTo("e-3");
            assertThat(found.problem()).isEqualTo(ChainBreak.Problem.MALFORMED);
            assertThat(found.message()).contains("U+D800");
        }
        sql(
                "UPDATE duty_log SET data = REPLACE(data, ?, 'text of e-3') WHERE site_id = ? AND seq = 7",
                "text of e-3\ud800",
                site);
        ChainBreak actor = storage.verifyChain(site, null).firstBreak();
        assertThat(actor.seq()).isEqualTo(8);
        assertThat(actor.problem()).isEqualTo(ChainBreak.Problem.MALFORMED);
        assertThat(actor.message()).contains("actor").contains("U+DC00");
    }
}
