package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.storage.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18, findings 2 and 3, through the commands: a database whose site lost its head row, or holds a
 * record whose data is not JSON or is nested 10 000 deep (the chain recomputed, so only reading the
 * record shows it), makes {@code duty verify --db} and {@code duty check --db} exit 3 naming the site and
 * the record — never 0 (the site hidden), 1 (read as "violations") or 2 (read as bad input).
 */
class HiddenAndUnreadableLogCliIT {
    private static final String SITE = "garden-court";

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void the_example_imported_into_a_database() {
        url = "jdbc:h2:file:" + dir.resolve("db/dutykit");
        Duty imported = Duty.run("import", HostileImportIT.example().toString(), "--db", url);
        assertThat(imported.exit()).as(imported.toString()).isZero();
        assertThat(Duty.run("verify", "--db", url).exit()).isZero();
    }

    @Test
    void a_site_whose_head_row_was_deleted_is_still_verified_checked_and_exported() throws Exception {
        sql("DELETE FROM duty_log_head WHERE site_id = ?", SITE);

        Duty verify = Duty.run("verify", "--db", url);
        Duty check = Duty.run("check", "--db", url);
        Path file = dir.resolve("export.json");
        Duty export = Duty.run("export", "--db", url, "--out", file.toString());

        assertThat(verify.exit()).as(verify.toString()).isEqualTo(3);
        assertThat(verify.out()).contains(SITE + ": BROKEN").contains("no head row");
        assertThat(check.exit()).as(check.toString()).isEqualTo(3);
        assertThat(check.out()).contains("LOG_CHAIN_BROKEN");
        assertThat(export.exit()).as(export.toString()).isZero();
        assertThat(Files.readString(file)).contains("\"" + SITE + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "deep"})
    void an_unreadable_record_is_a_located_break_exit_3(String kind) throws Exception {
        List<LogRecord> log = JdbcStores.open(url).stores().log().records(SITE);
        LogRecord victim = log.get(6);
        String text = kind.equals("deep")
                ? "{\"id\":\"x\",\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"
                : "not json";
        rewriteWithRecomputedChain(log, 6, text);

        Duty verify = Duty.run("verify", "--db", url);
        Duty check = Duty.run("check", "--db", url);

        assertThat(verify.exit()).as(verify.toString()).isEqualTo(3);
        assertThat(verify.out())
                .contains("BROKEN at log record " + victim.id() + " (seq " + victim.seq() + ")")
                // too deep to read at all, or read but not the record its type says (the depth a reader
                // follows depends on the stack it runs on): a located break either way
                .containsAnyOf("not a readable record", "holds an unreadable");
        assertThat(check.exit()).as(check.toString()).isEqualTo(3);
        assertThat(check.out()).contains("LOG_CHAIN_BROKEN").contains(victim.id());
        assertThat(check.err()).doesNotContain("Exception");
    }

    /** Replaces one record's data text and re-hashes it, every record after it and the head row. */
    private void rewriteWithRecomputedChain(List<LogRecord> log, int index, String dataText) throws SQLException {
        String previousHash = log.get(index - 1).hash();
        for (int i = index; i < log.size(); i++) {
            LogRecord r = log.get(i);
            String text = i == index ? dataText : CanonicalJson.write(r.data());
            String hash = LogChain.hashOf(
                    new LogRecord(r.seq(), r.id(), r.type(), r.at(), r.actor(), r.data(), previousHash, null), text);
            sql(
                    "UPDATE duty_log SET data = ?, prev_hash = ?, hash = ? WHERE site_id = ? AND seq = ?",
                    text,
                    previousHash,
                    hash,
                    SITE,
                    r.seq());
            previousHash = hash;
        }
        sql("UPDATE duty_log_head SET hash = ? WHERE site_id = ?", previousHash, SITE);
    }

    private void sql(String statement, Object... binds) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setObject(i + 1, binds[i]);
            }
            assertThat(ps.executeUpdate()).isPositive();
        }
    }
}
