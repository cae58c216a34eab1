package io.dutykit.rules.fact;

import io.dutykit.core.record.EntryKind;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A duty-log entry that can be open work (SPEC section 4: of any kind but PATROL, THANKS and
 * CORRECTION) and was still open ({@code at} before, {@code closedAt} null or after) when some
 * handover of the period was completed. Which handover it was open at is for the rule to compare;
 * every other entry is an {@link EntryFact} only.
 *
 * @param closedAt null when not closed by as-of
 */
public record OpenWorkFact(
        String id, LocalDate date, Instant at, String author, EntryKind kind, boolean important, Instant closedAt) {}
