package io.dutykit.rules;

import io.dutykit.core.DutyKitException;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.ParameterFile;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The procedure's parameters as the DRL sees them: one fact per evaluation, a view of the core's
 * {@link ParameterValues} (every parameter is defined once, in {@link Parameters}). DRL reads e.g.
 * {@code ProcedureParameters( $lead : incomingLead )}; a parameter without a getter of its own — a
 * newly defined one, or a company's own key — with {@link #value(String)}, {@link #minutes(String)}
 * or {@link #text(String)}.
 */
public final class ProcedureParameters {
    private final ParameterValues values;
    // the getters DRL calls while matching, read once
    private final Duration incomingLead;
    private final Duration outgoingLead;
    private final Duration judgeAfter;
    private final int maxRings;
    private final Duration maxUncoveredAbsence;
    private final Duration patrolMaxInterval;
    private final Duration reportDue;
    private final LocalTime reviewDeadline;
    private final Duration planActivation;
    private final Set<String> planCategories;
    private final int processReviewDueDays;
    private final Set<String> requiredChecks;
    private final Duration checksLead;
    private final Duration decisionWithin;
    private final Duration onSiteWithin;
    private final Duration callLogWithin;
    private final Duration helpRequestClose;
    private final Duration complaintClose;
    private final int spotChecksPerMonth;
    private final Duration reportReview;

    private ProcedureParameters(ParameterValues values) {
        this.values = values;
        this.incomingLead = values.get(Parameters.INCOMING_LEAD);
        this.outgoingLead = values.get(Parameters.OUTGOING_LEAD);
        this.judgeAfter = values.get(Parameters.JUDGE_AFTER);
        this.maxRings = values.get(Parameters.MAX_RINGS);
        this.maxUncoveredAbsence = values.get(Parameters.MAX_UNCOVERED_ABSENCE);
        this.patrolMaxInterval = values.get(Parameters.PATROL_MAX_INTERVAL);
        this.reportDue = values.get(Parameters.REPORT_DUE);
        this.reviewDeadline = values.get(Parameters.REVIEW_DEADLINE);
        this.planActivation = values.get(Parameters.PLAN_ACTIVATION);
        this.planCategories = values.get(Parameters.PLAN_CATEGORIES);
        this.processReviewDueDays = values.get(Parameters.PROCESS_REVIEW_DUE_DAYS);
        this.requiredChecks = values.get(Parameters.REQUIRED_CHECKS);
        this.checksLead = values.get(Parameters.CHECKS_LEAD);
        this.decisionWithin = values.get(Parameters.DECISION_WITHIN);
        this.onSiteWithin = values.get(Parameters.ON_SITE_WITHIN);
        this.callLogWithin = values.get(Parameters.CALL_LOG_WITHIN);
        this.helpRequestClose = values.get(Parameters.HELP_REQUEST_CLOSE);
        this.complaintClose = values.get(Parameters.COMPLAINT_CLOSE);
        this.spotChecksPerMonth = values.get(Parameters.SPOT_CHECKS_PER_MONTH);
        this.reportReview = values.get(Parameters.REPORT_REVIEW);
    }

    /** The fact of these values. */
    public static ProcedureParameters of(ParameterValues values) {
        return new ProcedureParameters(values);
    }

    /** The defaults of {@link Parameters}. */
    public static ProcedureParameters defaults() {
        return new ProcedureParameters(ParameterValues.defaults());
    }

    /**
     * The defaults overridden by the keys of a parameters file's text.
     *
     * @param source where the text came from, named in error messages
     * @throws RulesException naming every value that cannot be read and every key that is no parameter,
     *     with its line (a company's own keys are read through a rules folder, {@link RuleSet#read})
     */
    public static ProcedureParameters parse(String text, String source) {
        try {
            return new ProcedureParameters(ParameterValues.defaults().with(ParameterFile.parse(text, source)));
        } catch (DutyKitException e) {
            throw new RulesException(e.getMessage(), e);
        }
    }

    /** The core's values behind this fact: origins, lines, warnings, every key. */
    public ParameterValues parameterValues() {
        return values;
    }

    /** Minutes the incoming arrives before the handover (4.2.1). */
    public Duration incomingLead() {
        return incomingLead;
    }

    /** Minutes before the handover by which the outgoing is ready (4.2.2). */
    public Duration outgoingLead() {
        return outgoingLead;
    }

    /** A handover is judged this long after {@code scheduledAt} even when not completed. */
    public Duration judgeAfter() {
        return judgeAfter;
    }

    /** The phone is answered within this many rings (4.1.5). */
    public int maxRings() {
        return maxRings;
    }

    /** An uncovered absence from the post may last this long (4.1.5). */
    public Duration maxUncoveredAbsence() {
        return maxUncoveredAbsence;
    }

    /** The longest allowed gap between patrols (G2). */
    public Duration patrolMaxInterval() {
        return patrolMaxInterval;
    }

    /** The duty report is due this long after the shift ends (G2, G4). */
    public Duration reportDue() {
        return reportDue;
    }

    /** The site-local time by which the supervisor reviews the log (4.3). */
    public LocalTime reviewDeadline() {
        return reviewDeadline;
    }

    /** A MAJOR incident's emergency plan starts within this long of {@code openedAt} (G3). */
    public Duration planActivation() {
        return planActivation;
    }

    /** The incident categories that have an emergency plan (G3). */
    public Set<String> planCategories() {
        return planCategories;
    }

    /** The monthly process review is held by the end of this day of the following month (G5). */
    public int processReviewDueDays() {
        return processReviewDueDays;
    }

    /** The checks the incoming records before signing, in the order given; empty: none required (4.2.1, G2, 4.1.5). */
    public Set<String> requiredChecks() {
        return requiredChecks;
    }

    /** A check of the incoming counts from this long before the handover (4.2.1). */
    public Duration checksLead() {
        return checksLead;
    }

    /** The supervisor reached about a DIFFICULT or MAJOR incident records a decision within this long (4.1.5). */
    public Duration decisionWithin() {
        return decisionWithin;
    }

    /** A manager-level person reached after hours about a MAJOR incident is back on site within this long (4.1.7). */
    public Duration onSiteWithin() {
        return onSiteWithin;
    }

    /** An answered call is recorded in the duty log within this long (G4). */
    public Duration callLogWithin() {
        return callLogWithin;
    }

    /** A HELP_REQUEST is closed within this long of being logged (G1, 4.1.4). */
    public Duration helpRequestClose() {
        return helpRequestClose;
    }

    /** A COMPLAINT is closed within this long of being logged (G1, 4.1.4). */
    public Duration complaintClose() {
        return complaintClose;
    }

    /** The spot checks of duty the supervisors make each month; 0: not checked (3.1). */
    public int spotChecksPerMonth() {
        return spotChecksPerMonth;
    }

    /** A supervisor reviews a duty report within this long of its submission (G4, 4.3). */
    public Duration reportReview() {
        return reportReview;
    }

    /** The staff-evaluation weight of a rule: {@code weight.RULE_ID}, else {@code weight.SEVERITY}. */
    public int weight(String ruleId, String severity) {
        return values.weight(ruleId, ViolationSeverity.valueOf(severity.toUpperCase(Locale.ROOT)));
    }

    /** Every key and its value as text, including keys a company added for its own rules. */
    public Map<String, String> values() {
        return values.texts();
    }

    /**
     * The value of a defined parameter, typed as its definition says ({@code Duration}, {@code
     * Integer}, {@code LocalTime}, {@code Set<String>}); for any other key its text, or null.
     */
    public Object value(String key) {
        return values.value(key).orElseGet(() -> values.text(key));
    }

    /** A key's value as text, or null when absent. */
    public String text(String key) {
        return values.text(key);
    }

    /**
     * A key's value in minutes: a defined duration parameter as defined, any other key's text read as a
     * whole number of minutes.
     *
     * @throws RulesException when the key is missing or not a whole number of 0 or more
     */
    public Duration minutes(String key) {
        Object value = values.value(key).orElse(null);
        if (value instanceof Duration duration) {
            return duration;
        }
        String text = values.text(key);
        if (text == null || !text.strip().matches("[0-9]{1,9}")) {
            throw new RulesException(String.format(
                    "%s: %s=%s is not a whole number of minutes of 0 or more; give it a value such as %s=5",
                    values.source() == null ? ParameterFile.NAME : values.source(), key, text, key));
        }
        return Duration.ofMinutes(Long.parseLong(text.strip()));
    }

    @Override
    public String toString() {
        return "ProcedureParameters" + values.texts();
    }
}
