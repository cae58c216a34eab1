package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import io.dutykit.storage.jdbc.StorageException;
import io.dutykit.test.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The database connection is cut mid-transaction on PostgreSQL: while officers append entries through
 * the live use cases ({@link DutyDesk} over {@link JdbcStores}) from several threads, another connection
 * terminates their server backends ({@code pg_terminate_backend}) at seeded random moments. An append
 * whose connection died reports a {@link StorageException}; the caller does what a host should after an
 * in-doubt outcome and retries it with the same id. Afterwards every acknowledged entry is stored once,
 * the chain verifies, and the store accepts new appends.
 */
class ConnectionCutIT {
    static final int THREADS = 3;
    static final int ENTRIES_PER_THREAD = 80;
    static final String SITE = "cut-court";
    static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

    @Test
    void terminating_backends_mid_transaction_loses_no_acknowledged_append() throws Exception {
        DataSource dataSource = TestPostgres.freshDatabase();
        String database;
        try (Connection c = dataSource.getConnection()) {
            database = c.getCatalog();
        }
        JdbcStores storage = JdbcStores.open(dataSource);
        DutyDesk desk =
                new DutyDesk(storage.stores(), DroolsProcedureRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        desk.configureSite(Site.of(SITE, "Cut Court", null, null), "host");
        desk.registerStaff(SITE, Staff.of("li", "李强", Role.SUPERVISOR), "host");
        for (int t = 0; t < THREADS; t++) {
            desk.registerStaff(SITE, Staff.of("officer-" + t, "值班 " + t, Role.DUTY_OFFICER), "li");
        }

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failedAttempts = new AtomicInteger();
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        Future<Integer> killer = pool.submit(() -> terminateBackends(TestPostgres.shared(), database, appending));
        List<Future<?>> appenders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String officer = "officer-" + t;
            appenders.add(pool.submit(() -> {
                for (int i = 0; i < ENTRIES_PER_THREAD; i++) {
                    LogEntry entry = LogEntry.of(
                            officer + "-e-" + i,
                            LocalDate.of(2026, 11, 2),
                            NOW,
                            officer,
                            EntryKind.ENQUIRY,
                            "enquiry " + i + " by " + officer,
                            false);
                    appendUntilAcknowledged(desk, officer, entry, failedAttempts);
                    acknowledged.add(entry.id());
                }
                return null;
            }));
        }
        for (Future<?> appender : appenders) {
            appender.get(3, TimeUnit.MINUTES);
        }
        appending.set(false);
        int kills = killer.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(kills).as("backends terminated").isGreaterThan(0);
        List<LogRecord> log = storage.export(SITE).log();
        Map<String, Long> times = log.stream().collect(Collectors.groupingBy(LogRecord::id, Collectors.counting()));
        for (String id : acknowledged) {
            assertThat(times.get(id + "/ENTRY_APPENDED"))
                    .as("entry %s is logged exactly once (failed attempts: %d)", id, failedAttempts.get())
                    .isEqualTo(1L);
        }
        assertThat(storage.stores().entries().all(SITE))
                .extracting(LogEntry::id)
                .containsAll(acknowledged);
        ChainVerification verification = storage.verify(SITE);
        assertThat(verification.isIntact()).as(verification.describe()).isTrue();

        desk.appendEntry(
                SITE,
                "officer-0",
                LogEntry.of(
                        "after-the-cuts", LocalDate.of(2026, 11, 2), NOW, "officer-0", EntryKind.NOTE, "ok", false));
        ChainVerification after = storage.verify(SITE, verification.head());
        assertThat(after.isIntact()).as(after.describe()).isTrue();
        assertThat(after.records()).isEqualTo(verification.records() + 1);
        FigureLog.write(
                "ConnectionCutIT",
                "backends terminated " + kills + ", failed attempts retried " + failedAttempts
                        + ", acknowledged appends " + acknowledged.size() + ", log records " + after.records());
    }

    /** Appends, retrying with the same id after a lost connection, as a host does after an in-doubt outcome. */
    private static void appendUntilAcknowledged(DutyDesk desk, String officer, LogEntry entry, AtomicInteger failed) {
        for (int attempt = 1; ; attempt++) {
            try {
                desk.appendEntry(SITE, officer, entry);
                return;
            } catch (StorageException lost) {
                failed.incrementAndGet();
                if (attempt == 1000) {
                    throw lost;
                }
            }
        }
    }

    /** Terminates every other backend of the database at seeded random intervals; returns how many. */
    private static int terminateBackends(DataSource admin, String database, AtomicBoolean running)
            throws SQLException, InterruptedException {
        Random random = new Random(42);
        int kills = 0;
        try (Connection c = admin.getConnection();
                PreparedStatement terminate =
                        c.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                                + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()"
                                + " AND backend_type = 'client backend'")) {
            terminate.setString(1, database);
            while (running.get()) {
                Thread.sleep(5 + random.nextInt(60));
                try (ResultSet rs = terminate.executeQuery()) {
                    rs.next();
                    kills += rs.getInt(1);
                }
            }
        }
        return kills;
    }
}
