package io.dutykit.rules.fact;

import io.dutykit.core.record.EntryKind;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A request for help or a complaint (an entry of kind HELP_REQUEST or COMPLAINT) dated in the period:
 * what REQUEST_NOT_CLOSED reads, a few per shift instead of every entry.
 *
 * @param closedAt null when not closed by as-of
 */
public record RequestFact(String id, LocalDate date, Instant at, String author, EntryKind kind, Instant closedAt) {}
