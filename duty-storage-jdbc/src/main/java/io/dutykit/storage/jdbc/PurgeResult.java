package io.dutykit.storage.jdbc;

import java.time.LocalDate;

/**
 * What a retention purge removed.
 *
 * @param purgedBefore duty dates before this date were removed
 * @param removedLogRecords how many log records were removed (records 1 .. {@code firstKeptSeq - 1} of
 *     what was left by earlier purges)
 * @param removedRecords how many records (entries, handovers, calls, …) were removed from the lists
 * @param checkpointSeq the seq of the CHECKPOINT record appended, or 0 when there was nothing to purge
 */
public record PurgeResult(
        String siteId, LocalDate purgedBefore, long removedLogRecords, long removedRecords, long checkpointSeq) {

    public boolean purgedAnything() {
        return checkpointSeq > 0;
    }
}
