package io.dutykit.core.roster;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.procedure.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The monthly duty roster (《住户服务中心值班安排表》, 4.1.1): one officer per duty date, published
 * by the supervisor before the month begins.
 */
public record Roster(YearMonth month, Instant publishedAt, String publishedBy, List<RosterDuty> duties) {
    public Roster {
        Checks.required(month, "rosters[].month");
        publishedBy = Checks.blankToNull(publishedBy);
        duties = Checks.list(duties);
        Set<LocalDate> seen = new HashSet<>();
        for (RosterDuty duty : duties) {
            if (!YearMonth.from(duty.date()).equals(month)) {
                throw InvalidValueException.of(
                        "roster %s assigns duty date %s, which lies outside the month", month, duty.date());
            }
            if (!seen.add(duty.date())) {
                throw InvalidValueException.of("roster %s assigns duty date %s twice", month, duty.date());
            }
        }
    }

    /** A draft roster, not yet published. */
    public static Roster draft(YearMonth month, List<RosterDuty> duties) {
        return new Roster(month, null, null, duties);
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    /** Publishes the roster; a published roster is not published again (4.1.1). */
    public Roster publish(String supervisor, Instant at) {
        if (isPublished()) {
            throw ProcedureRefusedException.of(Refusal.ROSTER_ALREADY_PUBLISHED, month, publishedAt);
        }
        return new Roster(
                month, Checks.required(at, "publishedAt"), Checks.requiredText(supervisor, "publishedBy"), duties);
    }

    /** The officer rostered for the duty date, if any. */
    public Optional<String> officerOn(LocalDate date) {
        return duties.stream()
                .filter(d -> d.date().equals(date))
                .map(RosterDuty::staff)
                .findFirst();
    }
}
