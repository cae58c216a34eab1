package io.dutykit.storage.jdbc;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.Checkpoint;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.LogReplay;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audited retention purge (see {@link JdbcStores#purge(String, Period, String, boolean)}). */
final class RetentionPurge {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private RetentionPurge() {}

    static PurgeResult run(
            Database db, Instant now, String siteId, Period retention, String actor, boolean allowShorterRetention) {
        PurgeResult result;
        try {
            result = purge(db, now, siteId, retention, actor, allowShorterRetention);
        } catch (RuntimeException e) {
            LOG.warn("retention purge of site {} by {} refused: {}", siteId, actor, e.getMessage());
            throw e;
        }
        LOG.info(
                "retention purge of site {} by {}: {} log records and {} records dated before {} removed; the chain"
                        + " continues from checkpoint seq {}",
                siteId,
                actor,
                result.removedLogRecords(),
                result.removedRecords(),
                result.purgedBefore(),
                result.checkpointSeq());
        return result;
    }

    private static PurgeResult purge(
            Database db, Instant now, String siteId, Period retention, String actor, boolean allowShorterRetention) {
        return db.write("purge the duty log of site " + siteId, c -> {
            HeadTable.Head head = HeadTable.lock(c, db.dialect(), siteId);
            List<LogRecord> log = LogTable.log(c, siteId);
            LogReplay full = LogReplay.of(log);
            List<LogReplay.Snapshot> siteSnapshots = full.snapshots(RecordKind.SITE);
            Site site = siteSnapshots.isEmpty()
                    ? Site.of(siteId, null, null, null)
                    : (Site) siteSnapshots.get(siteSnapshots.size() - 1).record();
            LocalDate today = site.localDate(now);
            LocalDate cutoff = today.minus(retention);
            if (cutoff.isAfter(today.minus(JdbcStores.MINIMUM_RETENTION)) && !allowShorterRetention) {
                throw InvalidValueException.of(
                        "a retention of %s is shorter than the 3 years clause 4.1.8 asks for; keep at least %s,"
                                + " or pass the explicit override",
                        retention, JdbcStores.MINIMUM_RETENTION);
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
            PurgeAuditTable.insert(
                    c,
                    siteId,
                    cutoff,
                    checkpoint.firstSeq(),
                    checkpoint.chainsFrom(),
                    count,
                    removed.size(),
                    actor,
                    now);
            LogTable.deleteThrough(c, db.dialect(), siteId, lastRemoved.seq());
            for (LogReplay.Snapshot snapshot : removed) {
                ProjectionTables.delete(c, snapshot.kind(), siteId, snapshot.key());
            }
            LogRecord record = LogChain.link(
                    head.seq() + 1,
                    head.hash(),
                    "checkpoint/" + (head.seq() + 1),
                    LogChain.CHECKPOINT,
                    now,
                    actor,
                    checkpoint.toData());
            LogTable.insert(c, siteId, record, CanonicalJson.write(record.data()));
            HeadTable.update(c, siteId, record.seq(), record.hash());
            HeadTable.setPurgedBefore(c, siteId, cutoff);
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
