package io.dutykit.rules.fact;

import io.dutykit.core.record.EntryKind;
import java.time.Instant;
import java.time.LocalDate;

/** A duty-log entry; {@code closedAt} is null when not closed by as-of. */
public record EntryFact(
        String id, LocalDate date, Instant at, String author, EntryKind kind, boolean important, Instant closedAt) {}
