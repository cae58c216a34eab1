package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.check.DueItem;
import java.time.Instant;
import java.util.List;

/**
 * Published to the host's application context when deadlines of a site are coming up (an escalation
 * due in 5 minutes, a review not yet signed): what {@code DutyDesk.notifyDue} hands over. Listen with
 * {@code @EventListener void on(DutyDueEvent event)} and reach the people responsible.
 *
 * @param siteId the site
 * @param asOf the instant the check ran (the desk's clock)
 * @param due the deadlines within the horizon not met yet, soonest first; never empty
 */
public record DutyDueEvent(String siteId, Instant asOf, List<DueItem> due) {
    public DutyDueEvent {
        due = List.copyOf(due);
    }
}
