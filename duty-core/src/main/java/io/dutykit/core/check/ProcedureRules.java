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
     * May the handover complete at {@code at}? Refused while important work of the outgoing is open
     * (4.2.2): an important entry they authored or a DIFFICULT or MAJOR incident they reported.
     */
    HandoverDecision decideCompletion(SiteRecords records, Handover handover, Instant at);

    /** The deadlines that fall in {@code [asOf, asOf + horizon]} and have not been met. */
    List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon);

    /**
     * The procedure these rules run: catalogue, parameters (a company's), threshold table. The desk
     * reads from it which records {@code due} needs ({@code deadlines().window(…)}) and the live
     * parameters such as {@code live.maxClockSkewSeconds}. The default is the default procedure.
     */
    default ProcedureModel model() {
        return ProcedureModel.defaults();
    }
}
