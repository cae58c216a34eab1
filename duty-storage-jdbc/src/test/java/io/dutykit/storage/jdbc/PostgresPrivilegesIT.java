package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import io.dutykit.test.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The three-role set-up of docs/storage.md works: the application appends but cannot delete; the retention role purges. */
class PostgresPrivilegesIT {
    private static final Instant T = Instant.parse("2026-11-02T09:25:00Z");
    private static final String PROJECTIONS = "duty_log_head, duty_site, duty_staff, duty_roster, duty_leave,"
            + " duty_handover, duty_entry, duty_incident, duty_call, duty_absence, duty_review, duty_report,"
            + " duty_training, duty_process_review, duty_spot_check, duty_carried_over";

    private static void run(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void the_application_role_appends_but_cannot_delete_and_the_retention_role_purges() throws SQLException {
        DataSource owner = TestPostgres.freshDatabase();
        JdbcStores.open(owner); // the owner runs the migrations
        String database = owner.getConnection().getCatalog();
        run(
                owner,
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dutykit_app') THEN"
                        + " CREATE ROLE dutykit_app LOGIN; END IF;"
                        + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dutykit_retention') THEN"
                        + " CREATE ROLE dutykit_retention LOGIN IN ROLE dutykit_app; END IF; END $$",
                "GRANT SELECT, INSERT ON duty_log TO dutykit_app",
                "GRANT SELECT ON duty_purge_audit TO dutykit_app",
                "GRANT SELECT, INSERT, UPDATE ON " + PROJECTIONS + " TO dutykit_app",
                "GRANT SELECT ON dutykit_schema_history TO dutykit_app",
                "GRANT SELECT, INSERT, UPDATE ON duty_site_hold TO dutykit_app",
                "GRANT INSERT ON duty_purge_audit TO dutykit_retention",
                "GRANT DELETE ON duty_log, " + PROJECTIONS.replace("duty_log_head, ", "") + " TO dutykit_retention");

        DataSource app = TestPostgres.server().getDatabase("dutykit_app", database);
        DutyStores stores = JdbcStores.open(app).stores();
        stores.sites()
                .save(
                        "p",
                        null,
                        Site.of("p", "P", null, null),
                        new Change("site", ChangeType.SITE_CONFIGURED, T, "li"));
        for (int i = 0; i < 3; i++) {
            LogEntry entry = LogEntry.of("e-" + i, LocalDate.of(2026, 11, 2), T, "wang", EntryKind.NOTE, "n", false);
            stores.entries().save("p", null, entry, new Change("e-" + i, ChangeType.ENTRY_APPENDED, T, "wang"));
        }
        assertThatThrownBy(() -> run(app, "DELETE FROM duty_log WHERE site_id = 'p'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> run(app, "UPDATE duty_log SET actor = 'x'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");

        DataSource retention = TestPostgres.server().getDatabase("dutykit_retention", database);
        JdbcStores purger =
                JdbcStores.open(retention, Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC));
        assertThatThrownBy(() -> run(retention, "DELETE FROM duty_log WHERE site_id = 'p'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThat(purger.purge("p", Period.ofDays(1), "li", true).removedLogRecords())
                .isEqualTo(4);
        assertThat(purger.verify("p").isIntact()).isTrue();
    }
}
