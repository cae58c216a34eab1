package io.dutykit.core.check;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.procedure.ProcedureModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The procedure's rules, as a port: the Drools rule set (duty-rules) and the plain-Java reference
 * engine implement it. Implementations read only the records and the as-of instant they are given;
 * they never read a clock.
 */
public interface ProcedureRules {

    /** Every violation of the rules in the period, as things stood at {@code asOf} (SPEC section 4). */
    List<Violation> evaluate(SiteRecords records, CheckPeriod period, Instant asOf);

    /**
     * May the handover complete at {@code at}? Refused while important work the outgoing owns is open
     * (4.2.2): an important entry or a DIFFICULT or MAJOR incident that they wrote or reported and did
     * not hand on, or that was carried over to them at an earlier completed handover (SPEC section 4
     * "owned"; the records' handovers completed by {@code at} decide who owns what).
     */
    HandoverDecision decideCompletion(SiteRecords records, Handover handover, Instant at);

    /** The deadlines that fall in {@code [asOf, asOf + horizon]} and have not been met. */
    List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon);

    /**
     * The procedure model the rules run with — their catalogue, effective parameters (a company's
     * {@code procedure.properties} over the defaults) and incident threshold table — so that the live
     * desk reads the same values the rules do (e.g. the checks an incoming records before signing, which
     * records {@code due} needs through {@code deadlines().window(…)}, {@code live.maxClockSkewSeconds}).
     * An implementation without a model of its own runs with the defaults.
     */
    default ProcedureModel model() {
        return ProcedureModel.defaults();
    }
}
