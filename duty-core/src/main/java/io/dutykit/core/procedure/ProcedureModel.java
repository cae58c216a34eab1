package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.DueItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The procedure as one model: the rules in effect, the parameters and the incident threshold table.
 * Both engines expose theirs ({@code DroolsProcedureRules.model()}, {@code
 * ReferenceProcedureRules.model()}); reports, the command line and a console read it instead of
 * keeping lists of their own.
 */
public record ProcedureModel(RuleCatalogue rules, ParameterValues parameters, IncidentThresholdTable thresholds) {
    public ProcedureModel {
        Checks.required(rules, "rules");
        Checks.required(parameters, "parameters");
        Checks.required(thresholds, "thresholds");
    }

    /** The default rules, parameters and table. */
    public static ProcedureModel defaults() {
        return new ProcedureModel(
                RuleCatalogue.defaults(), ParameterValues.defaults(), IncidentThresholdTable.defaults());
    }

    /** This model with other parameters and table (a company's), the same rules. */
    public ProcedureModel with(ParameterValues parameters, IncidentThresholdTable thresholds) {
        return new ProcedureModel(rules, parameters, thresholds);
    }

    /** The rules' texts every output renders with: the defaults plus a company's (SPEC section 6.1). */
    public io.dutykit.core.check.ViolationMessages messages() {
        return rules.messages();
    }

    /** The deadlines {@code due} reports under this model. */
    public Deadlines deadlines() {
        return new Deadlines(rules, parameters, thresholds);
    }

    /** What falls due in {@code [asOf, asOf + horizon]} (see {@link Deadlines}). */
    public List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon) {
        return deadlines().due(records, asOf, horizon);
    }
}
