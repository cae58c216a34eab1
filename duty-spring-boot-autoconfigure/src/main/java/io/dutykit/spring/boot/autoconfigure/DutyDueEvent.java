package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.check.DueItem;
import java.time.Instant;
import java.util.List;

/**
 * Published to the host's application context when deadlines of a site are coming up (an escalation
 * due in 5 minutes, a review not yet signed): what {@code DutyDesk.notifyDue} hands over. Listen with
 * {@code @EventListener void on(DutyDueEvent event)} and reach the people responsible.
 *
 * <p>The check is a poll: a deadline is in {@code due} at every round until it is met. {@code fresh}
 * holds only those this application has not published before — notify people of these, and each
 * deadline reaches them once (per application run and node: docs/embedding.md, "Due events").
 *
 * @param siteId the site
 * @param asOf the instant the check ran (the desk's clock)
 * @param due the deadlines within the horizon not met yet, soonest first; never empty
 * @param fresh the deadlines of {@code due} not in an earlier event of this application (same site, kind,
 *     subject and deadline), soonest first; empty when nothing new came up
 */
public record DutyDueEvent(String siteId, Instant asOf, List<DueItem> due, List<DueItem> fresh) {
    public DutyDueEvent {
        due = List.copyOf(due);
        fresh = List.copyOf(fresh);
    }

    /** An event whose deadlines are all fresh. */
    public DutyDueEvent(String siteId, Instant asOf, List<DueItem> due) {
        this(siteId, asOf, due, due);
    }
}
