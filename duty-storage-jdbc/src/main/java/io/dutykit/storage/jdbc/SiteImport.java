package io.dutykit.storage.jdbc;

import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.LogReplay;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stores whole sites from a dataset in one transaction (see {@link JdbcStores#importSites}). */
final class SiteImport {
    private static final String IMPORT_ACTOR = "import";

    private SiteImport() {}

    /**
     * A site's dataset checked and made ready to store: its log (given or new), the canonical text of each
     * log record's data, and how to replay it.
     */
    private record Prepared(SiteRecords records, List<LogRecord> log, List<String> dataTexts, LogReplay replay) {
        String siteId() {
            return records.site().id();
        }
    }

    /** Stores every site in one transaction: all of them or, on any problem, none. */
    static void run(Database db, Instant at, List<SiteRecords> sites) {
        List<Prepared> prepared = new ArrayList<>();
        Set<String> siteIds = new HashSet<>();
        for (SiteRecords records : sites) {
            if (!siteIds.add(records.site().id())) {
                throw twice(records.site().id());
            }
            prepared.add(prepare(records, at));
        }
        db.write("import " + String.join(", ", siteIds), c -> {
            for (Prepared site : prepared) {
                store(c, db, site);
            }
            return null;
        });
    }

    /**
     * Stores the sites {@code source} hands over, one at a time, in one transaction: all of them or, on
     * any problem (the source's own included), none. Each site is checked and written as soon as it is
     * handed over and then let go, so memory is bounded by the largest site, not by the whole input. A
     * busy database retries the transaction, asking the source for its sites again from the start.
     *
     * @return how many sites were imported
     */
    static int run(Database db, Instant at, JdbcStores.SiteSource source) {
        return db.write("import a dataset", c -> {
            Set<String> siteIds = new HashSet<>();
            try {
                source.forEachSite(records -> {
                    if (!siteIds.add(records.site().id())) {
                        throw twice(records.site().id());
                    }
                    Prepared site = prepare(records, at);
                    try {
                        store(c, db, site);
                    } catch (SQLException e) {
                        throw new WriteFailed(e);
                    }
                });
            } catch (WriteFailed e) {
                throw e.getCause();
            }
            return siteIds.size();
        });
    }

    /** Carries a failed write of one site out of the source's callback, to be rethrown as it was. */
    private static final class WriteFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private static InvalidValueException twice(String siteId) {
        return InvalidValueException.of("the dataset holds site %s twice; nothing was imported", siteId);
    }

    private static Prepared prepare(SiteRecords records, Instant at) {
        String siteId = records.site().id();
        List<String> dataTexts = new ArrayList<>();
        List<LogRecord> log;
        if (records.log().isEmpty()) {
            log = newLog(records, at, dataTexts);
        } else {
            log = records.log();
            for (LogRecord record : log) {
                dataTexts.add(CanonicalJson.write(record.data()));
            }
        }
        SiteRecords complete = records.toBuilder().log(log).build();
        ChainVerification verification = LogChain.verify(complete);
        if (!verification.isIntact()) {
            throw InvalidValueException.of(
                    "the dataset of site %s was not imported: its duty log does not verify: %s",
                    siteId, verification.firstBreak());
        }
        LogReplay replay = LogReplay.of(log);
        for (LogReplay.Snapshot snapshot : replay.snapshots(RecordKind.SITE)) {
            if (!snapshot.key().equals(siteId)) {
                throw InvalidValueException.of(
                        "the dataset of site %s logs another site (%s); import one site per dataset",
                        siteId, snapshot.key());
            }
        }
        return new Prepared(records, log, dataTexts, replay);
    }

    private static void store(Connection c, Database db, Prepared site) throws SQLException {
        String siteId = site.siteId();
        List<LogRecord> log = site.log();
        LogReplay replay = site.replay();
        HeadTable.Head head = HeadTable.lock(c, db.dialect(), siteId);
        if (head.seq() > 0 || ProjectionTables.any(c, siteId)) {
            throw new ConflictException("site " + siteId + " already holds records; an import goes into an"
                    + " empty site (export it, or pick another database); nothing was imported");
        }
        LogTable.insertBatch(c, siteId, log, site.dataTexts());
        List<ProjectionTables.RowWrite> rows = ProjectionTables.rowsOf(replay);
        try {
            ProjectionTables.write(c, siteId, rows);
        } catch (SQLException e) {
            if (Dialect.isUniqueViolation(e)) {
                throw InvalidValueException.of(
                        "the dataset of site %s was not imported: two handovers take over the same shift (%s)",
                        siteId, e.getMessage());
            }
            throw e;
        }
        LogRecord last = log.get(log.size() - 1);
        HeadTable.update(c, siteId, last.seq(), last.hash());
        LocalDate purgedBefore =
                site.records().purgedBefore() != null ? site.records().purgedBefore() : replay.purgedBefore();
        if (purgedBefore != null) {
            HeadTable.setPurgedBefore(c, siteId, purgedBefore);
        }
    }

    /**
     * A new log with one record per listed record, as {@link LogChain#link} chains them; each record's
     * data is written to canonical text once, added to {@code dataTexts}, and hashed from that text.
     */
    private static List<LogRecord> newLog(SiteRecords records, Instant at, List<String> dataTexts) {
        List<LogRecord> log = new ArrayList<>();
        Instant stamped = at.truncatedTo(ChronoUnit.MILLIS);
        long seq = 0;
        String prevHash = LogRecord.GENESIS;
        for (RecordKind kind : RecordKind.values()) {
            for (Object record : kind.recordsIn(records)) {
                Object normalized = Snapshots.normalized(record);
                String key = kind.key(normalized);
                Map<String, Object> data = Collections.unmodifiableMap(Snapshots.toData(normalized));
                String text = CanonicalJson.write(data);
                seq++;
                LogRecord unhashed = new LogRecord(
                        seq,
                        "import/" + kind.listName() + "/" + key,
                        importType(normalized).name(),
                        stamped,
                        IMPORT_ACTOR,
                        data,
                        prevHash,
                        null);
                LogRecord linked = new LogRecord(
                        seq,
                        unhashed.id(),
                        unhashed.type(),
                        stamped,
                        IMPORT_ACTOR,
                        data,
                        prevHash,
                        LogChain.hashOf(unhashed, text));
                log.add(linked);
                dataTexts.add(text);
                prevHash = linked.hash();
            }
        }
        return log;
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
            return leave.isApproved()
                    ? ChangeType.LEAVE_APPROVED
                    : leave.isRejected() ? ChangeType.LEAVE_REJECTED : ChangeType.LEAVE_REQUESTED;
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
        } else if (record instanceof DutyReport report) {
            return report.isReviewed() ? ChangeType.DUTY_REPORT_REVIEWED : ChangeType.DUTY_REPORT_SUBMITTED;
        } else if (record instanceof Training) {
            return ChangeType.TRAINING_RECORDED;
        } else if (record instanceof ProcessReview) {
            return ChangeType.PROCESS_REVIEW_RECORDED;
        }
        return ChangeType.SPOT_CHECK_RECORDED;
    }
}
