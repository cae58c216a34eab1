package io.dutykit.core.port;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.RecordKind;
import java.util.Set;

/**
 * Log records a committed transaction appended to one site's duty log: seqs {@code firstSeq} to {@code
 * lastSeq}, contiguous, and the kinds of record they changed. What a {@link ChangeListener} hears; read
 * the records themselves with {@link DutyLogReader#records(String, long, int) records(siteId, firstSeq -
 * 1, …)}.
 */
public record DutyChange(String siteId, long firstSeq, long lastSeq, Set<RecordKind> kinds) {
    public DutyChange {
        Checks.requiredText(siteId, "siteId");
        if (firstSeq < 1 || lastSeq < firstSeq) {
            throw InvalidValueException.of(
                    "a change appends seqs firstSeq (%s) to lastSeq (%s), counted from 1", firstSeq, lastSeq);
        }
        kinds = Set.copyOf(kinds);
    }

    /** How many log records the transaction appended. */
    public long count() {
        return lastSeq - firstSeq + 1;
    }
}
