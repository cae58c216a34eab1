package io.dutykit.core.port;

import io.dutykit.core.check.DueItem;
import java.time.Instant;
import java.util.List;

/**
 * Where the host hears about deadlines coming up (an escalation due in 5 minutes, a review not yet
 * signed) so it can notify the people responsible: by SMS, a push message, a wallboard. The host
 * implements it; the core never knows how people are reached.
 */
public interface DueNotifier {

    /**
     * Called with the deadlines of the site that fall within the horizon from {@code asOf} and are not
     * met yet, soonest first.
     */
    void notifyDue(String siteId, Instant asOf, List<DueItem> due);
}
