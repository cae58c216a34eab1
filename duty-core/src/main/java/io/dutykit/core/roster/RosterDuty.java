package io.dutykit.core.roster;

import io.dutykit.core.Checks;
import java.time.LocalDate;

/** One line of the duty roster: who does duty on a duty date. */
public record RosterDuty(LocalDate date, String staff) {
    public RosterDuty {
        Checks.required(date, "duties[].date");
        Checks.requiredText(staff, "duties[].staff");
    }
}
