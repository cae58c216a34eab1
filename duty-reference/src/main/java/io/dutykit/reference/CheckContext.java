package io.dutykit.reference;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One evaluation: the indexed records, the period, the as-of instant, the parameters and the findings. */
final class CheckContext {
    final SiteIndex index;
    final CheckPeriod period;
    final Instant asOf;
    final ReferenceParameters params;
    final List<Violation> found = new ArrayList<>();

    CheckContext(SiteIndex index, CheckPeriod period, Instant asOf, ReferenceParameters params) {
        this.index = index;
        this.period = period;
        this.asOf = asOf;
        this.params = params;
    }

    /** The instant as the check sees it: an instant after as-of has not happened yet and reads as missing. */
    Instant seen(Instant instant) {
        return instant != null && !instant.isAfter(asOf) ? instant : null;
    }

    /** True when the instant has happened: at or before as-of. */
    boolean happened(Instant instant) {
        return instant != null && !instant.isAfter(asOf);
    }

    /**
     * A handover is judged once completed, or once {@code handover.judgeAfterMinutes} have passed since
     * its scheduled time, both at or before as-of.
     */
    boolean judged(Handover handover) {
        return happened(handover.completedAt())
                || !handover.scheduledAt().plus(params.judgeAfter()).isAfter(asOf);
    }

    /** The handover's completedAt as seen at as-of, else its scheduledAt (SPEC section 7). */
    Instant handoverInstant(Handover handover) {
        Instant completed = seen(handover.completedAt());
        return completed != null ? completed : handover.scheduledAt();
    }

    boolean inScope(LocalDate date) {
        return period.contains(date);
    }

    void add(
            DefaultRule rule,
            String subject,
            List<String> responsible,
            LocalDate date,
            Instant at,
            String... arguments) {
        found.add(new Violation(
                index.site.id(),
                rule.name(),
                rule.clause(),
                rule.severity(),
                subject,
                responsible,
                date,
                at,
                rule.name(),
                List.of(arguments)));
    }

    /** A one-person responsible list, or an empty one when nobody fits. */
    static List<String> one(String staffId) {
        return staffId == null || staffId.isBlank() ? List.of() : List.of(staffId);
    }

    /** True when {@code instant} is at or before {@code limit} (inclusive on the compliant side). */
    static boolean atOrBefore(Instant instant, Instant limit) {
        return instant != null && !instant.isAfter(limit);
    }

    /** A duration as whole minutes, with seconds when there are any: {@code 5}, {@code 4:59}. */
    static String minutes(Duration duration) {
        long seconds = duration.getSeconds();
        String sign = seconds < 0 ? "-" : "";
        long abs = Math.abs(seconds);
        long m = abs / 60;
        long s = abs % 60;
        return s == 0 ? sign + m : String.format("%s%d:%02d", sign, m, s);
    }

    static String text(Object value) {
        return value == null ? "none" : value.toString();
    }
}
