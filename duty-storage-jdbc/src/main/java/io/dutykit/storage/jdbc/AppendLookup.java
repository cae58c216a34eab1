package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Handover;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * What an append reads under the site's head lock before it checks its changes: the head, the site's
 * last log record and active hold (the chain guard, {@link ChainGuard}), the log records with the
 * batch's ids (retries), the stored text of the batch's keys (compare-and-set) and the stored handover
 * of each shift the batch's handovers take over (one handover per shift). The dialect reads it in as
 * few round trips as its database allows ({@link Dialect#lockAndLookUp}).
 */
record AppendLookup(
        HeadTable.Head head,
        ChainGuard.Tail tail,
        Map<String, LogRecord> existing,
        Map<RecordKind, Map<String, String>> current,
        Map<String, String> taken) {

    /** The look-up one statement after the other: lock, tail, log records, each kind's keys, the shifts. */
    static AppendLookup oneByOne(
            Connection c,
            Dialect dialect,
            String siteId,
            Collection<String> ids,
            Map<RecordKind, ? extends Collection<String>> keys,
            Map<String, Handover> shifts)
            throws SQLException {
        HeadTable.Head head = HeadTable.lock(c, dialect, siteId);
        ChainGuard.Tail tail = ChainGuard.read(c, siteId, head.seq());
        Map<String, LogRecord> existing = LogTable.byIds(c, dialect, siteId, ids);
        Map<RecordKind, Map<String, String>> current = new EnumMap<>(RecordKind.class);
        for (Map.Entry<RecordKind, ? extends Collection<String>> entry : keys.entrySet()) {
            current.put(entry.getKey(), ProjectionTables.texts(c, dialect, entry.getKey(), siteId, entry.getValue()));
        }
        return new AppendLookup(head, tail, existing, current, dialect.handoversAt(c, siteId, shifts));
    }
}
