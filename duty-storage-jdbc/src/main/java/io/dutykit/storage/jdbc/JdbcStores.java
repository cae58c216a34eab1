package io.dutykit.storage.jdbc;

import io.dutykit.core.Checks;
import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.Checkpoint;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.LogReplay;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

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
 * <p>The dialect is picked from the JDBC URL. Every change is one transaction that appends a log record
 * and updates the query tables (projections of the log); appends to one site are serialized on the
 * site's head row. See docs/storage.md.
 */
public final class JdbcStores {
    /** The shortest retention the procedure allows (4.1.8: full logs are kept for 3 years). */
    public static final Period MINIMUM_RETENTION = Period.ofYears(3);

    private static final String IMPORT_ACTOR = "import";

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
        Checks.required(dataSource, "dataSource");
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.ofUrl(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new StorageException("cannot connect to the database: " + e.getMessage(), e);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .table("dutykit_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new JdbcStores(new Database(dataSource, dialect), Checks.required(clock, "clock"));
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
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        if (dialect == Dialect.H2) {
            String url = jdbcUrl;
            String upper = url.toUpperCase(java.util.Locale.ROOT);
            if (!upper.startsWith("JDBC:H2:MEM:") && !upper.contains(";WRITE_DELAY=")) {
                url = url + ";WRITE_DELAY=0";
            }
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            if (!upper.contains(";USER=")) {
                h2.setUser("sa");
            }
            return h2;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(jdbcUrl);
        return pg;
    }

    /** Opens the stores on {@link #dataSource(String) a DataSource for the URL}. */
    public static JdbcStores open(String jdbcUrl) {
        return open(dataSource(jdbcUrl));
    }

    /** The stores to hand to the core's use cases. */
    public DutyStores stores() {
        return set.stores;
    }

    /** The ids of the sites that have a log in this database. */
    public List<String> siteIds() {
        return db.write("list the sites", Sql::siteIds);
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
        return db.read(
                "verify the duty log of site " + siteId, c -> StoredVerification.verify(c, siteId, anchoredHead));
    }

    /**
     * Walks only the site's chain, the head row and, when given, a head held outside the database:
     * hashes the stored texts without reading them as records or comparing the query tables. Much
     * faster than {@link #verify(String, String)} on a large log; use it for frequent checks and the
     * full verification for audits.
     */
    public ChainVerification verifyChain(String siteId, String anchoredHead) {
        return db.read(
                "verify the chain of site " + siteId, c -> StoredVerification.verifyChain(c, siteId, anchoredHead));
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
            return load(c, (Site) sites.get(0), siteId, Sql.log(c, siteId), Sql.head(c, siteId));
        });
    }

    @SuppressWarnings("unchecked")
    private SiteRecords load(Connection c, Site site, String siteId, List<LogRecord> log, Sql.Head head)
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
        Checks.required(records, "records");
        String siteId = records.site().id();
        List<LogRecord> log = records.log().isEmpty() ? newLog(records) : records.log();
        SiteRecords complete = records.toBuilder().log(log).build();
        ChainVerification verification = LogChain.verify(complete);
        if (!verification.isIntact()) {
            throw InvalidValueException.of(
                    "the dataset of site %s was not imported: its duty log does not verify: %s",
                    siteId, verification.firstBreak());
        }
        for (LogReplay.Snapshot snapshot : LogReplay.of(log).snapshots(RecordKind.SITE)) {
            if (!snapshot.key().equals(siteId)) {
                throw InvalidValueException.of(
                        "the dataset of site %s logs another site (%s); import one site per dataset",
                        siteId, snapshot.key());
            }
        }
        LogReplay replay = LogReplay.of(log);
        db.write("import site " + siteId, c -> {
            Sql.lockHead(c, db.dialect(), siteId);
            if (Sql.hasAnything(c, siteId)) {
                throw new ConflictException("site " + siteId + " already holds records; an import goes into an"
                        + " empty site (export it, or pick another database)");
            }
            Sql.insertLogBatch(c, siteId, log);
            try {
                for (RecordKind kind : RecordKind.values()) {
                    for (LogReplay.Snapshot snapshot : replay.snapshots(kind)) {
                        Sql.insertProjection(
                                c,
                                kind,
                                siteId,
                                snapshot.key(),
                                snapshot.record(),
                                CanonicalJson.write(snapshot.data()),
                                snapshot.firstSeq(),
                                snapshot.last() == null
                                        ? snapshot.firstSeq()
                                        : snapshot.last().seq());
                    }
                }
            } catch (SQLException e) {
                if (Dialect.isUniqueViolation(e)) {
                    throw InvalidValueException.of(
                            "the dataset of site %s was not imported: two handovers take over the same shift" + " (%s)",
                            siteId, e.getMessage());
                }
                throw e;
            }
            LogRecord last = log.get(log.size() - 1);
            Sql.updateHead(c, siteId, last.seq(), last.hash());
            LocalDate purgedBefore = records.purgedBefore() != null ? records.purgedBefore() : replay.purgedBefore();
            if (purgedBefore != null) {
                Sql.setPurgedBefore(c, siteId, purgedBefore);
            }
            return null;
        });
    }

    private List<LogRecord> newLog(SiteRecords records) {
        Instant at = clock.instant();
        List<LogRecord> log = new ArrayList<>();
        LogRecord previous = null;
        for (RecordKind kind : RecordKind.values()) {
            for (Object record : listOf(records, kind)) {
                Object normalized = Snapshots.normalized(record);
                String key = kind.key(normalized);
                previous = LogChain.link(
                        previous,
                        "import/" + kind.listName() + "/" + key,
                        importType(normalized).name(),
                        at,
                        IMPORT_ACTOR,
                        Snapshots.toData(normalized));
                log.add(previous);
            }
        }
        return log;
    }

    private static List<?> listOf(SiteRecords records, RecordKind kind) {
        return switch (kind) {
            case SITE -> List.of(records.site());
            case STAFF -> records.staff();
            case ROSTER -> records.rosters();
            case LEAVE -> records.leaves();
            case HANDOVER -> records.handovers();
            case ENTRY -> records.entries();
            case INCIDENT -> records.incidents();
            case CALL -> records.calls();
            case ABSENCE -> records.absences();
            case REVIEW -> records.reviews();
            case DUTY_REPORT -> records.dutyReports();
            case TRAINING -> records.trainings();
            case PROCESS_REVIEW -> records.processReviews();
            case SPOT_CHECK -> records.spotChecks();
        };
    }

    /** The change type that brings a hand-written record into the log in its present state. */
    private static ChangeType importType(Object record) {
        if (record instanceof Site) {
            return ChangeType.SITE_CONFIGURED;
        } else if (record instanceof Staff) {
            return ChangeType.STAFF_REGISTERED;
        } else if (record instanceof Roster roster) {
            return roster.isPublished() ? ChangeType.ROSTER_PUBLISHED : ChangeType.ROSTER_DRAFTED;
        } else if (record instanceof Leave leave) {
            return leave.isApproved() ? ChangeType.LEAVE_APPROVED : ChangeType.LEAVE_REQUESTED;
        } else if (record instanceof Handover handover) {
            return handover.isCompleted()
                    ? ChangeType.HANDOVER_COMPLETED
                    : handover.signatures().isEmpty() ? ChangeType.HANDOVER_OPENED : ChangeType.HANDOVER_SIGNED;
        } else if (record instanceof LogEntry entry) {
            return entry.kind() == EntryKind.CORRECTION
                    ? ChangeType.ENTRY_CORRECTED
                    : entry.closedAt() != null ? ChangeType.ENTRY_CLOSED : ChangeType.ENTRY_APPENDED;
        } else if (record instanceof Incident incident) {
            return incident.isResolved() ? ChangeType.INCIDENT_RESOLVED : ChangeType.INCIDENT_OPENED;
        } else if (record instanceof Call) {
            return ChangeType.CALL_RECORDED;
        } else if (record instanceof Absence absence) {
            return absence.to() != null ? ChangeType.ABSENCE_ENDED : ChangeType.ABSENCE_STARTED;
        } else if (record instanceof SupervisorReview) {
            return ChangeType.REVIEW_SIGNED;
        } else if (record instanceof DutyReport) {
            return ChangeType.DUTY_REPORT_SUBMITTED;
        } else if (record instanceof Training) {
            return ChangeType.TRAINING_RECORDED;
        } else if (record instanceof ProcessReview) {
            return ChangeType.PROCESS_REVIEW_RECORDED;
        }
        return ChangeType.SPOT_CHECK_RECORDED;
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
        Instant now = clock.instant();
        return db.write("purge the duty log of site " + siteId, c -> {
            Sql.Head head = Sql.lockHead(c, db.dialect(), siteId);
            List<LogRecord> log = Sql.log(c, siteId);
            LogReplay full = LogReplay.of(log);
            List<LogReplay.Snapshot> siteSnapshots = full.snapshots(RecordKind.SITE);
            Site site = siteSnapshots.isEmpty()
                    ? Site.of(siteId, null, null, null)
                    : (Site) siteSnapshots.get(siteSnapshots.size() - 1).record();
            LocalDate today = site.localDate(now);
            LocalDate cutoff = today.minus(retention);
            if (cutoff.isAfter(today.minus(MINIMUM_RETENTION)) && !allowShorterRetention) {
                throw InvalidValueException.of(
                        "a retention of %s is shorter than the 3 years clause 4.1.8 asks for; keep at least %s,"
                                + " or pass the explicit override",
                        retention, MINIMUM_RETENTION);
            }
            ChainVerification verification = LogChain.verify(log);
            if (!verification.isIntact() || full.firstBreak() != null) {
                throw new StorageException("the duty log of site " + siteId + " does not verify, so it is not purged"
                        + " (that would hide the damage): "
                        + (verification.isIntact() ? full.firstBreak() : verification.firstBreak()));
            }
            int count = 0;
            while (count < log.size() && site.dutyDateOf(log.get(count).at()).isBefore(cutoff)) {
                count++;
            }
            if (count == 0) {
                return new PurgeResult(siteId, cutoff, 0, 0, 0);
            }
            LogRecord lastRemoved = log.get(count - 1);
            LogReplay prefix = LogReplay.prefix(log, count);
            List<Checkpoint.Carried> carried = new ArrayList<>();
            List<LogReplay.Snapshot> removed = new ArrayList<>();
            for (RecordKind kind : RecordKind.values()) {
                for (LogReplay.Snapshot snapshot : prefix.snapshots(kind)) {
                    LogReplay.Snapshot latest = full.snapshot(kind, snapshot.key());
                    long lastSeq = latest.last() == null ? 0 : latest.last().seq();
                    LocalDate date = dutyDate(kind, snapshot.record(), site);
                    if (date != null && date.isBefore(cutoff) && lastSeq <= lastRemoved.seq()) {
                        removed.add(snapshot);
                    } else {
                        carried.add(new Checkpoint.Carried(kind, snapshot.key(), snapshot.data()));
                    }
                }
            }
            Checkpoint checkpoint = new Checkpoint(cutoff, lastRemoved.seq() + 1, lastRemoved.hash(), carried);
            Sql.insertPurgeAudit(
                    c,
                    siteId,
                    cutoff,
                    checkpoint.firstSeq(),
                    checkpoint.chainsFrom(),
                    count,
                    removed.size(),
                    actor,
                    now);
            Sql.deleteLogThrough(c, db.dialect(), siteId, lastRemoved.seq());
            for (LogReplay.Snapshot snapshot : removed) {
                Sql.deleteProjection(c, snapshot.kind(), siteId, snapshot.key());
            }
            LogRecord record = LogChain.link(
                    head.seq() + 1,
                    head.hash(),
                    "checkpoint/" + (head.seq() + 1),
                    LogChain.CHECKPOINT,
                    now,
                    actor,
                    checkpoint.toData());
            Sql.insertLog(c, siteId, record, CanonicalJson.write(record.data()));
            Sql.updateHead(c, siteId, record.seq(), record.hash());
            Sql.setPurgedBefore(c, siteId, cutoff);
            return new PurgeResult(siteId, cutoff, count, removed.size(), record.seq());
        });
    }

    /** The duty date a record belongs to for retention; null for the site and staff, which stay. */
    private static LocalDate dutyDate(RecordKind kind, Object record, Site site) {
        return switch (kind) {
            case SITE, STAFF -> null;
            case ROSTER -> ((Roster) record).month().atEndOfMonth();
            case PROCESS_REVIEW -> ((ProcessReview) record).month().atEndOfMonth();
            case LEAVE -> ((Leave) record).date();
            case HANDOVER -> ((Handover) record).date();
            case ENTRY -> ((LogEntry) record).date();
            case INCIDENT -> ((Incident) record).date();
            case CALL -> site.dutyDateOf(((Call) record).at());
            case ABSENCE -> site.dutyDateOf(((Absence) record).from());
            case REVIEW -> ((SupervisorReview) record).date();
            case DUTY_REPORT -> ((DutyReport) record).date();
            case TRAINING -> ((Training) record).date();
            case SPOT_CHECK -> ((SpotCheck) record).date();
        };
    }
}
