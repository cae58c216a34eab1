package io.dutykit.rules.fact;

import java.time.Duration;
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
 * @param gapAfter the time from {@code at} to {@code nextAt}, or to the shift's end when there is no
 *     later patrol: how long the shift went without a patrol after this one
 */
public record PatrolFact(LocalDate shiftDate, String entryId, Instant at, Instant nextAt, Duration gapAfter) {}
