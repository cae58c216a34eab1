package io.dutykit.rules.fact;

import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A call made at or before as-of.
 *
 * @param date the duty date of the shift containing {@code at}, else its site-local date
 * @param inShift {@code at} lies inside a duty shift
 * @param rings null when unknown
 * @param entry the id of the entry that records the call (G4), or null
 * @param entryAt the {@code at} of that entry, or null when the call names none or the id names no
 *     entry of the records (one purged from the log)
 */
public record CallFact(
        String id,
        Instant at,
        LocalDate date,
        boolean inScope,
        boolean inShift,
        CallLine line,
        CallDirection direction,
        Integer rings,
        boolean answered,
        String staff,
        String entry,
        Instant entryAt) {}
