package io.dutykit.core.memory;

import io.dutykit.core.ConflictException;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.port.AbsenceStore;
import io.dutykit.core.port.CallStore;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A complete set of stores held in memory, for tests, examples and trying DutyKit out. Thread-safe:
 * each site has one lock under which a record and its log record are saved together, so the site's
 * log stays one unbroken chain. Saves are compare-and-set and idempotent on a retried change id, as
 * {@link io.dutykit.core.port.RecordStore#save} describes. Nothing survives the process.
 */
public final class InMemoryStores {
    private InMemoryStores() {}

    /** A fresh, empty set of stores. */
    public static DutyStores create() {
        MemoryLog log = new MemoryLog();
        return new DutyStores(
                new Sites(log),
                new StaffMembers(log),
                new Rosters(log),
                new Leaves(log),
                new Handovers(log),
                new Entries(log),
                new Incidents(log),
                new Calls(log),
                new Absences(log),
                new Reviews(log),
                new DutyReports(log),
                new Trainings(log),
                new ProcessReviews(log),
                new SpotChecks(log),
                log);
    }

    private static final class Sites extends MemoryStore<Site> implements SiteStore {
        Sites(MemoryLog log) {
            super(log, "site", Site::id);
        }
    }

    private static final class StaffMembers extends MemoryStore<Staff> implements StaffStore {
        StaffMembers(MemoryLog log) {
            super(log, "staff member", Staff::id);
        }
    }

    private static final class Rosters extends MemoryStore<Roster> implements RosterStore {
        Rosters(MemoryLog log) {
            super(log, "roster", r -> r.month().toString());
        }
    }

    private static final class Leaves extends MemoryStore<Leave> implements LeaveStore {
        Leaves(MemoryLog log) {
            super(log, "leave", Leave::id);
        }
    }

    /** At most one handover per site, duty date and scheduled instant (SPEC section 8: one takes over). */
    private static final class Handovers extends MemoryStore<Handover> implements HandoverStore {
        Handovers(MemoryLog log) {
            super(log, "handover", Handover::id);
        }

        @Override
        public Optional<Handover> findScheduled(String siteId, LocalDate date, Instant scheduledAt) {
            return all(siteId).stream()
                    .filter(h -> h.date().equals(date) && h.scheduledAt().equals(scheduledAt))
                    .findFirst();
        }

        @Override
        void checkCreation(String siteId, Handover next, Iterable<Handover> existing) {
            for (Handover other : existing) {
                if (other.date().equals(next.date()) && other.scheduledAt().equals(next.scheduledAt())) {
                    throw new ConflictException("the handover at " + next.scheduledAt() + " of duty date "
                            + next.date() + " at site " + siteId + " already exists as " + other.id()
                            + " (incoming " + other.incoming() + "); only one officer takes over a shift");
                }
            }
        }
    }

    private static final class Entries extends MemoryStore<LogEntry> implements EntryStore {
        Entries(MemoryLog log) {
            super(log, "entry", LogEntry::id);
        }
    }

    private static final class Incidents extends MemoryStore<Incident> implements IncidentStore {
        Incidents(MemoryLog log) {
            super(log, "incident", Incident::id);
        }
    }

    private static final class Calls extends MemoryStore<Call> implements CallStore {
        Calls(MemoryLog log) {
            super(log, "call", Call::id);
        }
    }

    private static final class Absences extends MemoryStore<Absence> implements AbsenceStore {
        Absences(MemoryLog log) {
            super(log, "absence", Absence::id);
        }
    }

    private static final class Reviews extends MemoryStore<SupervisorReview> implements ReviewStore {
        Reviews(MemoryLog log) {
            super(log, "review", SupervisorReview::key);
        }
    }

    private static final class DutyReports extends MemoryStore<DutyReport> implements DutyReportStore {
        DutyReports(MemoryLog log) {
            super(log, "duty report", DutyReport::key);
        }
    }

    private static final class Trainings extends MemoryStore<Training> implements TrainingStore {
        Trainings(MemoryLog log) {
            super(log, "training", Training::key);
        }
    }

    private static final class ProcessReviews extends MemoryStore<ProcessReview> implements ProcessReviewStore {
        ProcessReviews(MemoryLog log) {
            super(log, "process review", r -> r.month().toString());
        }
    }

    private static final class SpotChecks extends MemoryStore<SpotCheck> implements SpotCheckStore {
        SpotChecks(MemoryLog log) {
            super(log, "spot check", SpotCheck::key);
        }
    }
}
