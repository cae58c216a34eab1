package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.port.AbsenceStore;
import io.dutykit.core.port.CallStore;
import io.dutykit.core.port.ChangeFeed;
import io.dutykit.core.port.ChangeListener;
import io.dutykit.core.port.DutyLogReader;
import io.dutykit.core.port.DutyReportStore;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.port.EntryStore;
import io.dutykit.core.port.HandoverStore;
import io.dutykit.core.port.IncidentStore;
import io.dutykit.core.port.LeaveStore;
import io.dutykit.core.port.ProcessReviewStore;
import io.dutykit.core.port.ReviewStore;
import io.dutykit.core.port.RosterStore;
import io.dutykit.core.port.SiteStore;
import io.dutykit.core.port.SpotCheckStore;
import io.dutykit.core.port.StaffStore;
import io.dutykit.core.port.TrainingStore;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One JDBC store per record kind, and the log reader, over one database. */
final class JdbcStoreSet {
    final Map<RecordKind, JdbcRecordStore<?>> byKind = new EnumMap<>(RecordKind.class);
    final DutyStores stores;

    JdbcStoreSet(Database db) {
        GroupCommit commits = new GroupCommit(db);
        Sites sites = put(new Sites(db, commits));
        StaffMembers staff = put(new StaffMembers(db, commits));
        Rosters rosters = put(new Rosters(db, commits));
        Leaves leaves = put(new Leaves(db, commits));
        Handovers handovers = put(new Handovers(db, commits));
        Entries entries = put(new Entries(db, commits));
        Incidents incidents = put(new Incidents(db, commits));
        Calls calls = put(new Calls(db, commits));
        Absences absences = put(new Absences(db, commits));
        Reviews reviews = put(new Reviews(db, commits));
        DutyReports reports = put(new DutyReports(db, commits));
        Trainings trainings = put(new Trainings(db, commits));
        ProcessReviews processReviews = put(new ProcessReviews(db, commits));
        SpotChecks spotChecks = put(new SpotChecks(db, commits));
        stores = new DutyStores(
                sites,
                staff,
                rosters,
                leaves,
                handovers,
                entries,
                incidents,
                calls,
                absences,
                reviews,
                reports,
                trainings,
                processReviews,
                spotChecks,
                new LogReader(db),
                // READ COMMITTED, as the desk's other reads: a live call answers as of now, and no
                // isolation level is switched for it (H2 keeps the level on the session)
                (site, slice) -> db.write(
                        "read the live slice of site " + site.id(),
                        c -> LiveSliceTables.read(c, db.dialect(), byKind, site, slice)));
    }

    private <S extends JdbcRecordStore<?>> S put(S store) {
        byKind.put(store.kind(), store);
        return store;
    }

    /** Every record of one kind at a site, read on the given connection. */
    List<?> all(Connection c, RecordKind kind, String siteId) throws SQLException {
        return byKind.get(kind).all(c, siteId);
    }

    static final class Sites extends JdbcRecordStore<Site> implements SiteStore {
        Sites(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.SITE, Site.class);
        }
    }

    static final class StaffMembers extends JdbcRecordStore<Staff> implements StaffStore {
        StaffMembers(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.STAFF, Staff.class);
        }
    }

    static final class Rosters extends JdbcRecordStore<Roster> implements RosterStore {
        Rosters(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.ROSTER, Roster.class);
        }
    }

    static final class Leaves extends JdbcRecordStore<Leave> implements LeaveStore {
        Leaves(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.LEAVE, Leave.class);
        }
    }

    static final class Handovers extends JdbcRecordStore<Handover> implements HandoverStore {
        Handovers(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.HANDOVER, Handover.class);
        }

        @Override
        public Optional<Handover> findScheduled(String siteId, LocalDate date, Instant scheduledAt) {
            String key = db().write(
                            "find the handover of " + date + " at " + scheduledAt,
                            c -> ProjectionTables.handoverAt(c, siteId, date, scheduledAt));
            return key == null ? Optional.empty() : find(siteId, key);
        }
    }

    static final class Entries extends JdbcRecordStore<LogEntry> implements EntryStore {
        Entries(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.ENTRY, LogEntry.class);
        }
    }

    static final class Incidents extends JdbcRecordStore<Incident> implements IncidentStore {
        Incidents(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.INCIDENT, Incident.class);
        }
    }

    static final class Calls extends JdbcRecordStore<Call> implements CallStore {
        Calls(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.CALL, Call.class);
        }
    }

    static final class Absences extends JdbcRecordStore<Absence> implements AbsenceStore {
        Absences(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.ABSENCE, Absence.class);
        }
    }

    static final class Reviews extends JdbcRecordStore<SupervisorReview> implements ReviewStore {
        Reviews(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.REVIEW, SupervisorReview.class);
        }
    }

    static final class DutyReports extends JdbcRecordStore<DutyReport> implements DutyReportStore {
        DutyReports(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.DUTY_REPORT, DutyReport.class);
        }
    }

    static final class Trainings extends JdbcRecordStore<Training> implements TrainingStore {
        Trainings(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.TRAINING, Training.class);
        }
    }

    static final class ProcessReviews extends JdbcRecordStore<ProcessReview> implements ProcessReviewStore {
        ProcessReviews(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.PROCESS_REVIEW, ProcessReview.class);
        }
    }

    static final class SpotChecks extends JdbcRecordStore<SpotCheck> implements SpotCheckStore {
        SpotChecks(Database db, GroupCommit commits) {
            super(db, commits, RecordKind.SPOT_CHECK, SpotCheck.class);
        }
    }

    /** Reads a site's chained log from the duty_log table. */
    static final class LogReader implements DutyLogReader {
        private final Database db;

        LogReader(Database db) {
            this.db = db;
        }

        @Override
        public List<LogRecord> records(String siteId) {
            return db.read("read the duty log of site " + siteId, c -> LogTable.log(c, siteId));
        }

        @Override
        public List<LogRecord> records(String siteId, long afterSeq, int limit) {
            DutyLogReader.checkTail(siteId, afterSeq, limit);
            return db.read(
                    "read the duty log of site " + siteId + " after " + afterSeq,
                    c -> LogTail.after(c, siteId, afterSeq, limit));
        }

        @Override
        public ChangeFeed.Subscription subscribe(ChangeListener listener) {
            return db.changes().subscribe(listener);
        }

        @Override
        public Optional<String> head(String siteId) {
            HeadTable.Head head = db.write("read the chain head of site " + siteId, c -> HeadTable.head(c, siteId));
            return head == null || head.seq() == 0 ? Optional.empty() : Optional.of(head.hash());
        }
    }
}
