package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A PATROL entry (by anyone) whose {@code at} lies in {@code [start, end]} of the duty shift of
 * {@code shiftDate} (G2; the entry's own {@code date} field is not used). A patrol exactly at a
 * shift boundary belongs to both shifts.
 */
public record PatrolFact(LocalDate shiftDate, String entryId, Instant at) {}
