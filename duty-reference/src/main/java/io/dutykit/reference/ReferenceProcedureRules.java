package io.dutykit.reference;

import io.dutykit.core.Checks;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.OpenCriticalWork;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.ProcedureModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The default procedure rules of SPEC section 4 in plain Java (every rule but LOG_CHAIN_BROKEN, which
 * the log verifier reports). It is the speed baseline and the correctness oracle for the Drools rule
 * set: written from the specification alone, it must report exactly the same violations, with the
 * same message arguments. The rules' metadata, parameters, threshold table, what is due and the work
 * that blocks a handover come from the core's procedure model ({@link ProcedureModel}), as they do for
 * Drools. Each call indexes the site's records once, so a check costs about linear time in the records
 * and the days of the period. Instances are immutable and safe to share between threads.
 */
public final class ReferenceProcedureRules implements ProcedureRules {

    private final ProcedureModel model;

    /** The rules with the default parameters and threshold table. */
    public ReferenceProcedureRules() {
        this(ProcedureModel.defaults());
    }

    /** The default rules with these parameters and this threshold table (a company's). */
    public ReferenceProcedureRules(ParameterValues parameters, IncidentThresholdTable thresholds) {
        this(ProcedureModel.defaults().with(parameters, thresholds));
    }

    private ReferenceProcedureRules(ProcedureModel model) {
        this.model = Checks.required(model, "model");
    }

    /** The procedure these rules run: the default catalogue, the parameters and the table. */
    @Override
    public ProcedureModel model() {
        return model;
    }

    @Override
    public List<Violation> evaluate(SiteRecords records, CheckPeriod period, Instant asOf) {
        Checks.required(records, "records");
        Checks.required(period, "period");
        Checks.required(asOf, "asOf");
        CheckContext context =
                new CheckContext(new SiteIndex(records), period, asOf, model.parameters(), model.thresholds());
        RosterRules.check(context);
        PostRules.check(context);
        IncidentRules.check(context);
        HandoverRules.check(context);
        RecordRules.check(context);
        List<Violation> found = context.found;
        found.sort(Violation.REPORT_ORDER);
        return Collections.unmodifiableList(found);
    }

    /** The core's definition of the work that blocks a handover ({@link OpenCriticalWork}). */
    @Override
    public HandoverDecision decideCompletion(SiteRecords records, Handover handover, Instant at) {
        Checks.required(records, "records");
        Checks.required(handover, "handover");
        Checks.required(at, "at");
        return OpenCriticalWork.decide(records, handover, at);
    }

    /** The core's one definition of what is due ({@link io.dutykit.core.procedure.Deadlines}). */
    @Override
    public List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon) {
        Checks.required(records, "records");
        Checks.required(asOf, "asOf");
        Checks.required(horizon, "horizon");
        return model.due(records, asOf, horizon);
    }
}
