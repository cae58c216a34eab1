package io.dutykit.reference;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.MessageArguments;
import io.dutykit.core.procedure.Ownership;
import io.dutykit.core.procedure.Parameter;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.RuleEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One evaluation: the indexed records, the period, the as-of instant, the procedure's parameters and the findings. */
final class CheckContext {
    final SiteIndex index;
    final CheckPeriod period;
    final Instant asOf;
    final ParameterValues params;
    final IncidentThresholdTable thresholds;
    /** Who owns each entry and incident (SPEC section 4 "owned"): the handovers completed by as-of. */
    final Ownership ownership;

    final List<Violation> found = new ArrayList<>();

    CheckContext(
            SiteIndex index,
            CheckPeriod period,
            Instant asOf,
            ParameterValues params,
            IncidentThresholdTable thresholds) {
        this.index = index;
        this.period = period;
        this.asOf = asOf;
        this.params = params;
        this.thresholds = thresholds;
        this.ownership = Ownership.of(index.records.handovers(), asOf);
    }

    /** A parameter's effective value. */
    <T> T param(Parameter<T> parameter) {
        return params.get(parameter);
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
                || !handover.scheduledAt().plus(param(Parameters.JUDGE_AFTER)).isAfter(asOf);
    }

    /** The handover's completedAt as seen at as-of, else its scheduledAt (SPEC section 7). */
    Instant handoverInstant(Handover handover) {
        Instant completed = seen(handover.completedAt());
        return completed != null ? completed : handover.scheduledAt();
    }

    boolean inScope(LocalDate date) {
        return period.contains(date);
    }

    /**
     * Records a violation of a default rule; its message arguments are exactly the rule's {@link
     * RuleEntry#arguments()}, in that order (EnginesAgreeTest checks it for both engines), shown as
     * {@link MessageArguments} shows them.
     */
    void add(
            RuleEntry rule, String subject, List<String> responsible, LocalDate date, Instant at, Object... arguments) {
        found.add(new Violation(
                index.site.id(),
                rule.id(),
                rule.clause(),
                rule.severity(),
                subject,
                responsible,
                date,
                at,
                rule.messageKey(),
                MessageArguments.texts(Arrays.asList(arguments), index.site.zone())));
    }

    /** A one-person responsible list, or an empty one when nobody fits. */
    static List<String> one(String staffId) {
        return staffId == null || staffId.isBlank() ? List.of() : List.of(staffId);
    }

    /** True when {@code instant} is at or before {@code limit} (inclusive on the compliant side). */
    static boolean atOrBefore(Instant instant, Instant limit) {
        return instant != null && !instant.isAfter(limit);
    }
}
