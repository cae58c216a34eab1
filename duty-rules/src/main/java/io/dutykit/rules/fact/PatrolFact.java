package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A PATROL entry (by anyone) whose {@code at} lies in {@code [start, end]} of the duty shift of
 * {@code shiftDate} (G2; the entry's own {@code date} field is not used). A patrol exactly at a
 * shift boundary belongs to both shifts.
 *
 * @param nextAt the time of the shift's next patrol (the earliest later than {@code at}), or null
 *     when no later patrol lies in the shift; prepared once per shift so that a rule about the gap
 *     after a patrol does not compare every pair of the shift's patrols
 */
public record PatrolFact(LocalDate shiftDate, String entryId, Instant at, Instant nextAt) {}
