package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast walk of verification proves intact sites intact, and never says "intact" where the precise
 * path finds a break: for every state below, it either agrees with the precise path or steps aside.
 */
class VerificationWalkTest {
    private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
    private static final Instant OLD = Instant.parse("2022-03-01T10:00:00Z");
    private static final Instant T = Instant.parse("2026-11-02T09:25:00Z");
    private static final LocalDate D = LocalDate.of(2026, 11, 2);
    private static final String SITE = "walk";

    private JdbcDataSource dataSource;
    private JdbcStores storage;
    private String anchor;

    @BeforeEach
    void store() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:walk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        storage = JdbcStores.open(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
        DutyStores stores = storage.stores();
        stores.sites().save(SITE, null, Site.of(SITE, "Garden Court 花园", null, null), change("site", OLD));
        stores.staff().save(SITE, null, Staff.of("wang", "王芳", Role.DUTY_OFFICER), change("staff/wang", OLD));
        stores.staff().save(SITE, null, Staff.of("chen", "陈", Role.DUTY_OFFICER), change("staff/chen", OLD));
        stores.entries().save(SITE, null, entry("old-1", OLD), change("old-1", OLD));
        for (int i = 1; i <= 4; i++) {
            stores.entries().save(SITE, null, entry("e-" + i, T), change("e-" + i, T));
        }
        Handover opened = Handover.schedule("ho-1", D, Instant.parse("2026-11-02T09:30:00Z"), "chen", "wang")
                .countInventory(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null));
        stores.handovers().save(SITE, null, opened, change("ho-1/open", T));
        stores.handovers().save(SITE, opened, opened.signAsOutgoing("chen", T.plusSeconds(60)), change("ho-1/sign", T));
        SupervisorReview review =
                new SupervisorReview(D, "li", T, stores.log().head(SITE).orElseThrow());
        stores.reviews().save(SITE, null, review, change("review", T));
        stores.entries().save(SITE, null, entry("e-5", T), change("e-5", T));
        anchor = stores.log().head(SITE).orElseThrow();
    }

    private static Change change(String id, Instant at) {
        ChangeType type = id.equals("site")
                ? ChangeType.SITE_CONFIGURED
                : id.startsWith("staff/")
                        ? ChangeType.STAFF_REGISTERED
                        : id.equals("ho-1/open")
                                ? ChangeType.HANDOVER_OPENED
                                : id.equals("ho-1/sign")
                                        ? ChangeType.HANDOVER_SIGNED
                                        : id.equals("review") ? ChangeType.REVIEW_SIGNED : ChangeType.ENTRY_APPENDED;
        return new Change(id, type, at, "wang");
    }

    private static LogEntry entry(String id, Instant at) {
        return LogEntry.of(
                id, at.atZone(ZoneOffset.UTC).toLocalDate(), at, "wang", EntryKind.NOTE, "text of " + id, false);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void an_intact_site_is_proven_by_the_walk_alone(boolean purged) {
        if (purged) {
            storage.purge(SITE, Period.ofYears(3), "li");
        }
        for (boolean tables : new boolean[] {true, false}) {
            for (String head : new String[] {null, anchor, LogRecord.GENESIS}) {
                ChainVerification walk = walk(head, tables);
                assertThat(walk).as("tables %s, anchor %s", tables, head).isNotNull();
                assertThat(walk).isEqualTo(precise(head, tables));
                assertThat(walk.isIntact()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "UPDATE duty_entry SET data = REPLACE(data, 'text of e-2', 'text of e-9') WHERE record_key = 'e-2'",
                "DELETE FROM duty_entry WHERE record_key = 'e-3'",
                "INSERT INTO duty_entry (site_id, record_key, data, first_seq, last_seq)"
                        + " SELECT site_id, 'e-x', data, 99, 99 FROM duty_entry WHERE record_key = 'e-1'",
                "UPDATE duty_handover SET data = REPLACE(data, '\"counted\":2', '\"counted\":1')",
                "UPDATE duty_log SET data = REPLACE(data, 'text of e-4', 'text of e-8') WHERE seq = 8",
                "UPDATE duty_log SET at = at + INTERVAL '1' SECOND WHERE seq = 3",
                "UPDATE duty_log SET actor = NULL WHERE seq = 4",
                "UPDATE duty_log SET type = 'NO_SUCH_TYPE' WHERE seq = 5",
                "DELETE FROM duty_log WHERE seq = (SELECT MAX(seq) FROM duty_log)",
                "UPDATE duty_log_head SET seq = seq - 1",
                "UPDATE duty_staff SET data = REPLACE(data, '王芳', '王') WHERE record_key = 'wang'",
                "UPDATE duty_review SET data = REPLACE(data, '\"logHead\":\"', '\"logHead\":\"f')",
                "PURGE; UPDATE duty_log SET prev_hash = REPEAT('1', 64) WHERE seq = 6",
                "PURGE; UPDATE duty_staff SET data = REPLACE(data, '王芳', '王') WHERE record_key = 'wang'",
                "PURGE; DELETE FROM duty_log WHERE type = 'CHECKPOINT'",
                "PURGE; UPDATE duty_log SET seq = seq + 100 WHERE type = 'CHECKPOINT'"
            })
    void a_tampered_site_is_left_to_the_precise_path(String tampering) throws SQLException {
        String statement = tampering;
        if (statement.startsWith("PURGE; ")) {
            storage.purge(SITE, Period.ofYears(3), "li");
            statement = statement.substring("PURGE; ".length());
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
        for (boolean tables : new boolean[] {true, false}) {
            for (String head : new String[] {null, anchor}) {
                ChainVerification precise = precise(head, tables);
                ChainVerification walk = walk(head, tables);
                if (walk != null) {
                    assertThat(walk).as("tables %s, anchor %s", tables, head).isEqualTo(precise);
                }
                assertThat(walk == null || precise.isIntact()).isTrue();
            }
        }
        assertThat(storage.verify(SITE, anchor).isIntact()).as(tampering).isFalse();
    }

    private ChainVerification walk(String anchoredHead, boolean tables) {
        return read(
                c -> VerificationWalk.verify(c, new H2Dialect(), SITE, anchoredHead, tables, HeadTable.head(c, SITE)));
    }

    private ChainVerification precise(String anchoredHead, boolean tables) {
        return read(c -> StoredVerification.precise(c, SITE, anchoredHead, tables, HeadTable.head(c, SITE)));
    }

    private ChainVerification read(Database.Work<ChainVerification> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
