package io.dutykit.storage.jdbc;

import io.dutykit.core.Checks;
import io.dutykit.core.port.Change;

/**
 * One change of a {@link JdbcStores#saveAll batch}: what {@code RecordStore.save(siteId, previous, next,
 * change)} takes, for any record kind.
 *
 * @param previous the state the caller read, or null when creating
 * @param next the new state (a Site, Staff, Roster, Leave, Handover, LogEntry, Incident, Call, Absence,
 *     SupervisorReview, DutyReport, Training, ProcessReview or SpotCheck)
 * @param change the log record the change becomes
 */
public record PendingSave(Object previous, Object next, Change change) {
    public PendingSave {
        Checks.required(next, "next");
        Checks.required(change, "change");
    }
}
