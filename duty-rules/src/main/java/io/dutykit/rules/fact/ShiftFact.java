package io.dutykit.rules.fact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The duty shift of one duty date, {@code [start, end)} (SPEC section 3).
 *
 * @param inScope the date lies in the check's period (shifts of the day before and after are also
 *     present, for absences that overlap them)
 * @param rostered the officer the roster names for the date, or null
 * @param officerOnDuty the incoming of the handover at the shift start if there is one, else the
 *     rostered officer, or null
 * @param reviewDeadline {@code review.deadline} on the site-local date the shift ends if that is a
 *     working day, else on the next working day (clause 4.3)
 * @param patrols the PATROL entries (by anyone) whose time lies in {@code [start, end]}, in time
 *     order (G2): a patrol exactly at a shift boundary belongs to both shifts; match them with
 *     {@code from $s.patrols}
 * @param firstPatrolAt the time of the earliest of those patrols later than {@code start}, or null
 *     when there is none
 */
public record ShiftFact(
        LocalDate date,
        YearMonth month,
        Instant start,
        Instant end,
        boolean workingDay,
        boolean inScope,
        String rostered,
        String officerOnDuty,
        Instant reviewDeadline,
        List<PatrolFact> patrols,
        Instant firstPatrolAt) {
    public ShiftFact {
        patrols = List.copyOf(patrols);
    }
}
