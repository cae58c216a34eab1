package io.dutykit.storage.jdbc;

import io.dutykit.core.ChainBrokenException;
import io.dutykit.core.Checks;
import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.LogReplay;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.port.DutyObserver;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DutyKit's storage over JDBC: the core's {@link DutyStores} on H2 (the embedded default, in file mode)
 * or PostgreSQL (production), with the hash-chained, append-only duty log of SPEC section 8.
 *
 * <pre>{@code
 * JdbcStores storage = JdbcStores.open(dataSource);   // applies the schema migrations
 * DutyStores stores = storage.stores();               // hand these to the core's use cases
 * ChainVerification check = storage.verify("garden-court");
 * }</pre>
 *
 * <p>The dialect is picked from the JDBC URL. Every change appends a log record and updates the query
 * tables (projections of the log) in one transaction; appends to one site are serialized on the site's
 * head row, and concurrent saves to one site share transactions (group commit). See docs/storage.md.
 */
public final class JdbcStores {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStores.class);

    /** The shortest retention the procedure allows (4.1.8: full logs are kept for 3 years). */
    public static final Period MINIMUM_RETENTION = Period.ofYears(3);

    private final Database db;
    private final JdbcStoreSet set;
    private final Clock clock;

    private JdbcStores(Database db, Clock clock) {
        this.db = db;
        this.set = new JdbcStoreSet(db);
        this.clock = clock;
    }

    /** Opens the stores on the host's DataSource and applies pending schema migrations. */
    public static JdbcStores open(DataSource dataSource) {
        return open(dataSource, Clock.systemUTC());
    }

    /** As {@link #open(DataSource)}, with the clock that stamps imports and purge checkpoints. */
    public static JdbcStores open(DataSource dataSource, Clock clock) {
        return open(dataSource, clock, Migrations.APPLY);
    }

    /** What {@link #open(DataSource, Clock, Migrations)} does with DutyKit's schema migrations. */
    public enum Migrations {
        /** Applies pending migrations (the schema owner's role is needed the first time and after upgrades). */
        APPLY,
        /**
         * Applies none; refuses to open unless the schema holds exactly this version's migrations (for an
         * application role without DDL rights, the migrations run by a deploy step).
         */
        VALIDATE
    }

    /**
     * As {@link #open(DataSource, Clock)}; {@code migrations} says whether pending schema migrations are
     * applied or only checked.
     *
     * @throws StorageException when the database cannot be reached, a migration fails, or (VALIDATE) the
     *     schema is not at this version's migrations
     */
    public static JdbcStores open(DataSource dataSource, Clock clock, Migrations migrations) {
        Checks.required(dataSource, "dataSource");
        Checks.required(migrations, "migrations");
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.ofUrl(connection.getMetaData().getURL());
            HostTransactions.refuseIfInside(connection, "open its storage and migrate its schema");
        } catch (SQLException e) {
            throw new StorageException("cannot connect to the database: " + e.getMessage(), e);
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect.migrations())
                    .table("dutykit_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load();
            if (migrations == Migrations.APPLY) {
                MigrateResult applied = migrate(flyway);
                if (applied.migrationsExecuted > 0) {
                    LOG.info(
                            "applied {} DutyKit schema migrations ({} to {})",
                            applied.migrationsExecuted,
                            applied.initialSchemaVersion,
                            applied.targetSchemaVersion);
                } else {
                    LOG.debug("the DutyKit schema is up to date");
                }
            } else {
                flyway.validate();
                LOG.debug("the DutyKit schema holds this version's migrations");
            }
        } catch (FlywayException e) {
            LOG.warn("the DutyKit schema migrations failed: {}", e.getMessage());
            throw new StorageException(
                    (migrations == Migrations.APPLY
                                    ? "the DutyKit schema migrations could not be applied: "
                                    : "the DutyKit schema is not at this version's migrations (apply them first,"
                                            + " with a role that may change the schema): ")
                            + e.getMessage() + " (see docs/storage.md, Schema and migrations)",
                    e);
        }
        return new JdbcStores(new Database(dataSource, dialect), Checks.required(clock, "clock"));
    }

    /** How many times a node tries the migrations when another node may be creating the schema at once. */
    private static final int MIGRATION_ATTEMPTS = 4;

    /**
     * Applies the pending migrations. Several nodes starting at once on an empty database race to create
     * the schema history table: Flyway serialises the migrations themselves (an advisory lock on
     * PostgreSQL), but a node that looks just after another created the empty table fails ("Unable to
     * baseline schema history table … as it already exists, and is empty"). A failed attempt changed
     * nothing (each migration runs in a transaction), so the node tries again, a little later each time;
     * by then the table is there and Flyway's lock orders the rest. A failure that stays is reported
     * after the last attempt.
     */
    private static MigrateResult migrate(Flyway flyway) {
        for (int attempt = 1; ; attempt++) {
            try {
                return flyway.migrate();
            } catch (FlywayException e) {
                if (attempt == MIGRATION_ATTEMPTS) {
                    throw e;
                }
                LOG.info(
                        "the DutyKit schema migrations failed (attempt {} of {}; another node may be creating the"
                                + " schema): {}; trying again",
                        attempt,
                        MIGRATION_ATTEMPTS,
                        e.getMessage());
                try {
                    Thread.sleep(100L * attempt + ThreadLocalRandom.current().nextLong(100));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * The JDBC URL of the embedded default: an H2 database file {@code dutykit.mv.db} in {@code folder}.
     * {@code WRITE_DELAY=0} writes every commit to the file before the commit returns, so an
     * acknowledged append survives kill -9 of the process (H2's default delays writes by 500 ms and
     * loses them).
     */
    public static String h2Url(Path folder) {
        Path file = folder.toAbsolutePath().resolve("dutykit");
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;LOCK_TIMEOUT=20000;DB_CLOSE_DELAY=-1";
    }

    /** A DataSource on {@link #h2Url}; without a pool, which an embedded H2 does not need. */
    public static DataSource h2DataSource(Path folder) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(h2Url(folder));
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    /**
     * A DataSource for a JDBC URL, for command-line tools ({@code --db URL}): H2 with the user {@code sa}
     * unless the URL names one, PostgreSQL with the user and password given as URL parameters ({@code
     * ?user=…&password=…}). An H2 file URL without a {@code WRITE_DELAY} gets {@code WRITE_DELAY=0} so
     * that acknowledged appends survive kill -9 (docs/storage.md). Hosts pass their own pooled
     * DataSource to {@link #open(DataSource)} instead.
     */
    public static DataSource dataSource(String jdbcUrl) {
        return Dialect.ofUrl(jdbcUrl).dataSource(jdbcUrl);
    }

    /** Opens the stores on {@link #dataSource(String) a DataSource for the URL}. */
    public static JdbcStores open(String jdbcUrl) {
        return open(dataSource(jdbcUrl));
    }

    /**
     * Tells {@code observer} of every transaction this store runs again (a lock timeout, a deadlock) and
     * of every chain verification ({@link #verify}, {@link #verifyChain}) with how long it took — for
     * metrics (docs/embedding.md, "Metrics"). One that throws is logged, never fails the store's work.
     *
     * @return this store
     */
    public JdbcStores observe(DutyObserver observer) {
        db.observe(observer);
        return this;
    }

    /** The stores to hand to the core's use cases. */
    public DutyStores stores() {
        return set.stores;
    }

    /**
     * The ids of the sites this database holds anything of — a log, a head row or a site row — in id
     * order; a site whose head row is missing is listed too (its verification reports it).
     */
    public List<String> siteIds() {
        return db.read("list the sites", LogTable::siteIds);
    }

    /**
     * Saves many changes of one site in one transaction, in order, with batched statements: each
     * change is checked as {@code RecordStore.save} checks it (compare-and-set against the state before
     * it, including earlier changes of the batch; a retried change id with the same content is skipped;
     * one handover per shift). All or nothing: on a conflict nothing of the batch is written. For
     * importers, simulators and hosts that record many things at once.
     *
     * @return how many log records were appended (retried changes are not counted)
     * @throws ConflictException when a change conflicts; nothing was saved
     */
    public int saveAll(String siteId, List<PendingSave> saves) {
        Checks.requiredText(siteId, "siteId");
        return BatchAppend.run(db, siteId, Checks.list(saves));
    }

    // ---- verification ---------------------------------------------------------------------------

    /**
     * Walks the site's chain in the database, checks that every query table agrees with it and that
     * the head row names the last record; names the first record that does not verify.
     */
    public ChainVerification verify(String siteId) {
        return verify(siteId, null);
    }

    /**
     * As {@link #verify(String)}, and checks that a chain head held outside the database (the {@code
     * logHead} of a supervisor's review, the head printed on a duty report) is still in the chain, so a
     * truncation or rewrite is detected.
     */
    public ChainVerification verify(String siteId, String anchoredHead) {
        ChainVerification result = observed(
                siteId,
                () -> db.read(
                        "verify the duty log of site " + siteId,
                        c -> StoredVerification.verify(c, db.dialect(), siteId, anchoredHead)));
        ChainGuard.afterVerification(db, siteId, anchoredHead, result);
        return result;
    }

    /** {@link #verify(String)} of every site in the database, by site id in id order. */
    public Map<String, ChainVerification> verifyAll() {
        Map<String, ChainVerification> results = new LinkedHashMap<>();
        for (String siteId : siteIds()) {
            results.put(siteId, verify(siteId));
        }
        return results;
    }

    /**
     * Walks only the site's chain, the head row and, when given, a head held outside the database:
     * hashes the stored texts without reading them as records or comparing the query tables. Much
     * faster than {@link #verify(String, String)} on a large log; use it for frequent checks and the
     * full verification for audits.
     */
    public ChainVerification verifyChain(String siteId, String anchoredHead) {
        ChainVerification result = observed(
                siteId,
                () -> db.read(
                        "verify the chain of site " + siteId,
                        c -> StoredVerification.verifyChain(c, db.dialect(), siteId, anchoredHead)));
        ChainGuard.afterVerification(db, siteId, anchoredHead, result);
        return result;
    }

    private ChainVerification observed(String siteId, Supplier<ChainVerification> verification) {
        long start = System.nanoTime(); // a measurement for the observer, not a time of the procedure
        ChainVerification result = verification.get();
        db.observer().verified(siteId, Duration.ofNanos(System.nanoTime() - start), result.isIntact());
        return result;
    }

    // ---- holds: a broken chain stops writes (SPEC 8.1) ------------------------------------------

    /**
     * The site's active hold, if its chain was found broken and no operator has released it yet: while
     * it holds, every append to the site is refused with {@link ChainBrokenException}.
     */
    public Optional<SiteHold> hold(String siteId) {
        return holds(siteId).stream().filter(SiteHold::isActive).findFirst();
    }

    /** Every hold of the site, active and released, oldest first; of every site when {@code siteId} is null. */
    public List<SiteHold> holds(String siteId) {
        return db.read("read the holds of site " + siteId, c -> SiteHoldTable.all(c, siteId));
    }

    /**
     * An operator releases the site's hold after looking at the break (docs/storage.md, "A broken chain
     * stops writes"). The chain is verified again first: when it verifies (the database was restored or
     * repaired) the hold is released; when it is still broken at the very break the hold names, the
     * operator acknowledges that break — it no longer holds the site, and finding it again does not
     * either — and appends resume (an altered last record still refuses every append: restore it). When
     * the chain now breaks elsewhere, nothing is released.
     *
     * @return the released hold
     * @throws NotFoundException when the site is not held
     * @throws InvalidValueException when the chain breaks at another record than the hold names
     */
    public SiteHold release(String siteId, String actor, String reason) {
        Checks.requiredText(siteId, "siteId");
        Checks.requiredText(actor, "actor");
        Checks.requiredText(reason, "reason");
        SiteHold active = hold(siteId)
                .orElseThrow(() -> new NotFoundException("site " + siteId + " is not held: nothing to release"));
        ChainVerification now = db.read(
                "verify the chain of site " + siteId,
                c -> StoredVerification.verifyChain(c, db.dialect(), siteId, null));
        if (!now.isIntact() && !active.isAbout(now.firstBreak())) {
            throw InvalidValueException.of(
                    "site %s is held for %s at seq %s, but its chain now breaks at seq %s (%s: %s); verify it again"
                            + " and look at the new break before releasing anything",
                    siteId,
                    active.firstBreak().problem(),
                    active.firstBreak().seq(),
                    now.firstBreak().seq(),
                    now.firstBreak().problem(),
                    now.firstBreak().message());
        }
        db.write("release the hold of site " + siteId, c -> SiteHoldTable.release(c, siteId, actor, reason));
        LOG.warn(
                "site {}: hold released by {} ({}); the chain {}",
                siteId,
                actor,
                reason,
                now.isIntact()
                        ? "verifies"
                        : "still breaks at seq " + now.firstBreak().seq() + ", acknowledged");
        return holds(siteId).stream()
                .filter(h -> h.heldAt().equals(active.heldAt()))
                .findFirst()
                .orElse(active);
    }

    /**
     * Rebuilds the site's query tables from its log (SPEC 8: they are projections of the log and can be
     * rebuilt from it), for a site whose log verifies but whose query tables do not agree with it — a
     * row lost by a database's crash recovery (docs/reliability.md §1), or altered or deleted by hand.
     * Under the site's head lock, in one transaction: the chain is verified first (a broken log is never
     * rebuilt from: restore the database instead), every query-table and carried-over row of the site is
     * deleted and written again from the replayed log. The log and its head are not touched, nor any
     * hold: an operator releases a held site afterwards ({@link #release}), which verifies it again.
     *
     * @return the full verification of the site after the rebuild
     * @throws NotFoundException when the site has no log
     * @throws InvalidValueException when the site's chain itself is broken (nothing is changed)
     */
    public ChainVerification rebuildQueryTables(String siteId) {
        Checks.requiredText(siteId, "siteId");
        int[] counts = db.write("rebuild the query tables of site " + siteId, c -> {
            HeadTable.lock(c, db.dialect(), siteId);
            List<LogRecord> log = LogTable.log(c, siteId);
            if (log.isEmpty()) {
                throw new NotFoundException("site " + siteId + " has no duty log here: nothing to rebuild from");
            }
            ChainVerification chain = StoredVerification.verifyChain(c, db.dialect(), siteId, null);
            if (!chain.isIntact()) {
                var found = chain.firstBreak();
                throw InvalidValueException.of(
                        "the duty log of site %s is itself broken at seq %s (%s: %s): the query tables are rebuilt"
                                + " only from a log whose chain verifies; restore the database from a backup;"
                                + " nothing was changed",
                        siteId, found.seq(), found.problem(), found.message());
            }
            int deleted = ProjectionTables.deleteAll(c, siteId);
            List<ProjectionTables.RowWrite> rows = ProjectionTables.rowsOf(LogReplay.of(log));
            ProjectionTables.write(c, siteId, rows);
            return new int[] {deleted, rows.size(), log.size()};
        });
        LOG.warn(
                "site {}: query tables rebuilt from its duty log ({} log records): {} rows deleted, {} written",
                siteId,
                counts[2],
                counts[0],
                counts[1]);
        return verify(siteId);
    }

    // ---- export and import ----------------------------------------------------------------------

    /**
     * Everything stored for the site, read in one consistent transaction, with its chained {@code log}
     * and {@code purgedBefore}: what the dataset module writes as a {@code dutykit/1} file.
     *
     * @throws NotFoundException when the site was never configured
     */
    public SiteRecords export(String siteId) {
        return db.read("export site " + siteId, c -> {
            List<?> sites = set.all(c, RecordKind.SITE, siteId);
            if (sites.isEmpty()) {
                throw new NotFoundException("no site with id " + siteId + " is stored; configure it or import it");
            }
            return load(c, (Site) sites.get(0), siteId, LogTable.log(c, siteId), HeadTable.head(c, siteId));
        });
    }

    @SuppressWarnings("unchecked")
    private SiteRecords load(Connection c, Site site, String siteId, List<LogRecord> log, HeadTable.Head head)
            throws SQLException {
        return SiteRecords.builder(site)
                .staff((List<Staff>) set.all(c, RecordKind.STAFF, siteId))
                .rosters((List<Roster>) set.all(c, RecordKind.ROSTER, siteId))
                .leaves((List<Leave>) set.all(c, RecordKind.LEAVE, siteId))
                .handovers((List<Handover>) set.all(c, RecordKind.HANDOVER, siteId))
                .entries((List<LogEntry>) set.all(c, RecordKind.ENTRY, siteId))
                .incidents((List<Incident>) set.all(c, RecordKind.INCIDENT, siteId))
                .calls((List<Call>) set.all(c, RecordKind.CALL, siteId))
                .absences((List<Absence>) set.all(c, RecordKind.ABSENCE, siteId))
                .reviews((List<SupervisorReview>) set.all(c, RecordKind.REVIEW, siteId))
                .dutyReports((List<DutyReport>) set.all(c, RecordKind.DUTY_REPORT, siteId))
                .trainings((List<Training>) set.all(c, RecordKind.TRAINING, siteId))
                .processReviews((List<ProcessReview>) set.all(c, RecordKind.PROCESS_REVIEW, siteId))
                .spotChecks((List<SpotCheck>) set.all(c, RecordKind.SPOT_CHECK, siteId))
                .log(log)
                .purgedBefore(head == null ? null : head.purgedBefore())
                .build();
    }

    /**
     * Stores a whole site in one transaction: everything or nothing. A dataset exported from a DutyKit
     * store brings its chained log, which must verify and agree with the lists; it is stored as it is. A
     * hand-written dataset (no log) gets a new log with one record per listed record, stamped with the
     * clock's instant and the actor {@code import}.
     *
     * @throws ConflictException when the site already holds records
     * @throws InvalidValueException when the dataset's log does not verify or its records clash
     */
    public void importSite(SiteRecords records) {
        importSites(List.of(Checks.required(records, "records")));
    }

    /**
     * Stores several sites in one transaction: all of them or none (a multi-site dataset). Each site is
     * checked as {@link #importSite} checks it, and one that already holds records refuses the whole
     * import.
     *
     * @throws ConflictException when a site already holds records
     * @throws InvalidValueException when a dataset's log does not verify, a site appears twice, or
     *     records clash
     */
    public void importSites(List<SiteRecords> sites) {
        SiteImport.run(db, clock.instant(), Checks.required(sites, "sites"));
    }

    /** Sites handed over one at a time, e.g. by a dataset reader streaming a file. */
    @FunctionalInterface
    public interface SiteSource {
        /**
         * Hands every site to {@code consumer}, in order. May be called again from the start (a busy
         * database retries the import's transaction), so a source reads its input anew each time. An
         * exception it throws ends the import, and nothing is written.
         */
        void forEachSite(Consumer<SiteRecords> consumer);
    }

    /**
     * Stores the sites {@code sites} hands over in one transaction, all or nothing, each checked as {@link
     * #importSite} checks it and let go once written: memory is bounded by the largest site, not the
     * whole dataset (what {@code duty import} uses for a file of many sites).
     *
     * @return how many sites were imported
     * @throws ConflictException when a site already holds records
     * @throws InvalidValueException when a dataset's log does not verify, a site appears twice, or
     *     records clash
     */
    public int importSites(SiteSource sites) {
        return SiteImport.run(db, clock.instant(), Checks.required(sites, "sites"));
    }

    // ---- retention ------------------------------------------------------------------------------

    /**
     * Removes the site's records of whole duty dates older than {@code retention} (at least {@link
     * #MINIMUM_RETENTION}) and appends a CHECKPOINT record so the remaining chain still verifies. See
     * {@link #purge(String, Period, String, boolean)}.
     */
    public PurgeResult purge(String siteId, Period retention, String actor) {
        return purge(siteId, retention, actor, false);
    }

    /**
     * Removes, in one audited transaction, the oldest part of the site's log: the records written on
     * duty dates before {@code today - retention} (today in the site's zone, from the clock), up to the
     * first record of a later date; and from the lists every record dated before that day whose every
     * log record was removed. Records that stay but were last written in the removed part (the site, the
     * staff, a future roster) are carried by the CHECKPOINT record, which also names the hash the
     * remaining chain continues from. The chain must verify before it is purged.
     *
     * @param allowShorterRetention true to allow a retention under 3 years (clause 4.1.8 asks for 3)
     * @throws InvalidValueException when the retention is shorter than 3 years without the override
     * @throws StorageException when the chain does not verify (purging would hide the damage)
     */
    public PurgeResult purge(String siteId, Period retention, String actor, boolean allowShorterRetention) {
        Checks.required(retention, "retention");
        Checks.requiredText(actor, "actor");
        return RetentionPurge.run(db, clock.instant(), siteId, retention, actor, allowShorterRetention);
    }
}
