package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import io.dutykit.test.postgres.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 1, played on a real PostgreSQL with the roles of docs/storage.md (its script run as
 * written there): the retention role tries to delete the newest log records without a real audit row —
 * with a temporary table called {@code duty_purge_audit}, with forged audit rows — and to move the head
 * back to make the truncation clean. Every step is refused, the log keeps every record and verifies; the
 * audited purge still works.
 */
class PurgeAttackIT {
    private static final Path DOC = Path.of("..", "docs", "storage.md");
    private static final Instant T = Instant.parse("2026-11-02T09:25:00Z");
    private static final String SITE = "p";

    private DataSource owner;
    private String database;
    private DataSource app;
    private DataSource retention;

    @BeforeEach
    void the_documented_roles_and_a_site_with_seven_records() throws SQLException, IOException {
        owner = TestPostgres.freshDatabase();
        JdbcStores.open(owner); // the owner runs the migrations
        try (Connection c = owner.getConnection()) {
            database = c.getCatalog();
        }
        for (String statement : documentedPrivilegeScript()) {
            try {
                run(owner, statement.replace("DATABASE dutykit ", "DATABASE " + database + " "));
            } catch (SQLException e) {
                if (!"42710".equals(e.getSQLState())) { // roles are shared by the server's databases
                    throw e;
                }
            }
        }
        app = TestPostgres.server().getDatabase("dutykit_app", database);
        retention = TestPostgres.server().getDatabase("dutykit_retention", database);
        DutyStores stores = JdbcStores.open(app).stores();
        stores.sites()
                .save(
                        SITE,
                        null,
                        Site.of(SITE, "P", null, null),
                        new Change("site", ChangeType.SITE_CONFIGURED, T, "li"));
        for (int i = 0; i < 6; i++) {
            LogEntry entry = LogEntry.of("e-" + i, LocalDate.of(2026, 11, 2), T, "wang", EntryKind.NOTE, "n", false);
            stores.entries().save(SITE, null, entry, new Change("e-" + i, ChangeType.ENTRY_APPENDED, T, "wang"));
        }
    }

    @Test
    void a_temporary_duty_purge_audit_cannot_stand_in_for_the_real_one() throws SQLException {
        // the documented script revokes TEMP from PUBLIC: the first step of the attack fails at once
        assertThatThrownBy(() -> run(retention, "CREATE TEMP TABLE duty_purge_audit (site_id text)"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");

        // and where a role may create temporary tables, the triggers do not read them
        run(owner, "GRANT TEMP ON DATABASE " + database + " TO dutykit_retention");
        assertThatThrownBy(() -> inOneTransaction(
                        retention,
                        "CREATE TEMP TABLE duty_purge_audit (site_id text, first_kept_seq bigint, tx_id bigint,"
                                + " purged_before date, db_user text)",
                        "INSERT INTO duty_purge_audit VALUES ('p', 1000, txid_current(), '2100-01-01', session_user)",
                        "SELECT set_config('dutykit.retention_purge', 'on', true)",
                        "DELETE FROM duty_log WHERE site_id = 'p' AND seq > 3"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");

        assertTheLogIsWhole();
    }

    @Test
    void a_forged_audit_row_does_not_let_the_newest_records_go() throws SQLException {
        String forged = "INSERT INTO duty_purge_audit (site_id, purged_before, first_kept_seq, chains_from,"
                + " removed_log_records, removed_records, actor, db_user, at) VALUES ('p', '%s', 1000, '"
                + "0".repeat(64) + "', 4, 0, 'mallory', 'nobody', now())";
        // the finding's forged row: any first kept seq, a cut-off in 1900, another user's name
        assertThatThrownBy(() -> inOneTransaction(
                        retention,
                        String.format(forged, "1900-01-01"),
                        "SELECT set_config('dutykit.retention_purge', 'on', true)",
                        "DELETE FROM duty_log WHERE site_id = 'p' AND seq > 3"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        // a plausible cut-off does not help either: what is deleted must be the oldest part the row names
        assertThatThrownBy(() -> inOneTransaction(
                        retention,
                        String.format(forged, "2026-11-25"),
                        "SELECT set_config('dutykit.retention_purge', 'on', true)",
                        "DELETE FROM duty_log WHERE site_id = 'p' AND seq > 3"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not match its audit row");
        // a row written on its own says who really wrote it
        run(retention, String.format(forged, "1900-01-01"));
        assertThat(text(owner, "SELECT db_user FROM duty_purge_audit WHERE actor = 'mallory'"))
                .isEqualTo("dutykit_retention");

        assertTheLogIsWhole();
    }

    @Test
    void the_head_cannot_be_moved_back_to_make_a_truncation_clean() throws SQLException {
        assertThatThrownBy(() -> run(
                        retention,
                        "UPDATE duty_log_head SET seq = 3, hash = (SELECT hash FROM duty_log WHERE site_id = 'p'"
                                + " AND seq = 3) WHERE site_id = 'p'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> run(
                        retention,
                        "UPDATE duty_log_head SET seq = 9, hash = '" + "a".repeat(64) + "' WHERE site_id = 'p'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("only moves forward");

        assertTheLogIsWhole();
    }

    @Test
    void the_audited_purge_still_removes_the_oldest_records() {
        JdbcStores purger =
                JdbcStores.open(retention, Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC));

        assertThat(purger.purge(SITE, Period.ofDays(1), "li", true).removedLogRecords())
                .isEqualTo(7);
        assertThat(purger.verify(SITE).isIntact()).isTrue();
    }

    private void assertTheLogIsWhole() {
        ChainVerification verification = JdbcStores.open(app).verify(SITE);
        assertThat(verification.isIntact()).isTrue();
        assertThat(verification.records()).isEqualTo(7);
    }

    /** The SQL block of docs/storage.md after "a recommended set-up with three roles", one statement each. */
    private static List<String> documentedPrivilegeScript() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf("```sql", doc.indexOf("a recommended set-up with three roles"));
        String block = doc.substring(from + "```sql".length(), doc.indexOf("```", from + 1));
        StringBuilder sql = new StringBuilder();
        for (String line : block.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip().replaceAll("\\s+", " "));
            }
        }
        assertThat(statements).anyMatch(s -> s.startsWith("REVOKE TEMP ON DATABASE dutykit FROM PUBLIC"));
        return statements;
    }

    private static void run(DataSource dataSource, String statement) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static void inOneTransaction(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
                c.commit();
            } finally {
                c.rollback();
            }
        }
    }

    private static String text(DataSource dataSource, String query) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(query);
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
