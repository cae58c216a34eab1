package io.dutykit.core.procedure;

import static io.dutykit.core.check.ViolationSeverity.ERROR;
import static io.dutykit.core.check.ViolationSeverity.WARNING;

import io.dutykit.core.check.ViolationSeverity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The default rules' metadata (SPEC sections 4 and 4.1), defined once: id, clause, severity, the parameters
 * and threshold columns each reads, and its message arguments in order. The DRL files carry the same
 * id, clause and severity as {@code @id}, {@code @clause} and {@code @severity} (a test checks that
 * the compiled default rules agree with this list); the reference engine, {@code due}, the reports
 * and the docs take them from here. Titles, messages and descriptions are in the bundles {@code
 * io/dutykit/core/check/violations*.properties} under the keys of {@link RuleEntry}.
 *
 * <p>To add a rule: add a constant here and to {@link #ALL}, its {@code .title}, message and {@code
 * .description} to both bundles, the DRL rule with the same {@code @id}, {@code @clause} and
 * {@code @severity} and a consequence passing exactly {@link RuleEntry#arguments()}, the reference
 * rule passing the same, a scenario pair and a row in docs/rules.md and rules.zh.md.
 */
public final class DefaultRules {
    private DefaultRules() {}

    private static final String SUPERVISOR_MINUTES = "supervisorMinutes";
    private static final String MANAGER_MINUTES = "managerMinutes";
    private static final String RESOLUTION_MINUTES = "resolutionMinutes";

    public static final RuleEntry ROSTER_LATE = rule("ROSTER_LATE", "4.1.1", ERROR)
            .arguments("month", "publishedAt")
            .build();
    public static final RuleEntry ROSTER_GAP =
            rule("ROSTER_GAP", "4.1.2", ERROR).arguments("date", "rostered").build();
    public static final RuleEntry UNAPPROVED_SWAP = rule("UNAPPROVED_SWAP", "4.1.5", ERROR)
            .reads(Parameters.JUDGE_AFTER)
            .arguments("incoming", "rostered")
            .build();
    public static final RuleEntry LEAVE_WITHOUT_SUBSTITUTE = rule("LEAVE_WITHOUT_SUBSTITUTE", "4.1.5", ERROR)
            .arguments("staff", "date")
            .build();
    public static final RuleEntry POST_LEFT = rule("POST_LEFT", "4.1.5", ERROR)
            .reads(Parameters.MAX_UNCOVERED_ABSENCE)
            .arguments("staff", "minutes")
            .build();
    public static final RuleEntry CALL_ANSWERED_LATE = rule("CALL_ANSWERED_LATE", "4.1.5", WARNING)
            .reads(Parameters.MAX_RINGS)
            .arguments("rings", "maxRings")
            .build();
    public static final RuleEntry CALL_MISSED =
            rule("CALL_MISSED", "4.1.5", ERROR).arguments("line").build();
    public static final RuleEntry HOTLINE_DIALLED_OUT =
            rule("HOTLINE_DIALLED_OUT", "4.1.5", WARNING).build();
    public static final RuleEntry ESCALATION_SUPERVISOR_LATE = rule("ESCALATION_SUPERVISOR_LATE", "4.1.4, 4.1.5", ERROR)
            .thresholds(SUPERVISOR_MINUTES)
            .arguments("severity", "minutes")
            .build();
    public static final RuleEntry ESCALATION_MANAGER_LATE = rule("ESCALATION_MANAGER_LATE", "4.1.5", ERROR)
            .thresholds(MANAGER_MINUTES)
            .arguments("minutes")
            .build();
    public static final RuleEntry ONCALL_UNREACHABLE =
            rule("ONCALL_UNREACHABLE", "4.1.7", ERROR).arguments("person", "at").build();
    public static final RuleEntry EMERGENCY_PLAN_LATE = rule("EMERGENCY_PLAN_LATE", "G3", ERROR)
            .reads(Parameters.PLAN_ACTIVATION, Parameters.PLAN_CATEGORIES)
            .arguments("category", "minutes")
            .build();
    public static final RuleEntry INCIDENT_UNRESOLVED = rule("INCIDENT_UNRESOLVED", "4.1.4", WARNING)
            .thresholds(RESOLUTION_MINUTES)
            .arguments("severity", "hours")
            .build();
    public static final RuleEntry MAJOR_INCIDENT_UNDOCUMENTED = rule("MAJOR_INCIDENT_UNDOCUMENTED", "G4", ERROR)
            .arguments("incident")
            .build();
    public static final RuleEntry HANDOVER_MISSING =
            rule("HANDOVER_MISSING", "4.2", ERROR).arguments("date").build();
    public static final RuleEntry HANDOVER_INCOMING_LATE = rule("HANDOVER_INCOMING_LATE", "4.2.1", ERROR)
            .reads(Parameters.INCOMING_LEAD, Parameters.JUDGE_AFTER)
            .arguments("incoming", "arrivedAt", "scheduledAt")
            .build();
    public static final RuleEntry HANDOVER_OUTGOING_UNPREPARED = rule("HANDOVER_OUTGOING_UNPREPARED", "4.2.2", WARNING)
            .reads(Parameters.OUTGOING_LEAD, Parameters.JUDGE_AFTER)
            .arguments("outgoing", "readyAt", "scheduledAt")
            .build();
    public static final RuleEntry HANDOVER_WITH_OPEN_CRITICAL_WORK = rule(
                    "HANDOVER_WITH_OPEN_CRITICAL_WORK", "4.2.2", ERROR)
            .reads(Parameters.JUDGE_AFTER)
            .arguments("outgoing")
            .build();
    public static final RuleEntry HANDOVER_ITEM_NOT_CARRIED = rule("HANDOVER_ITEM_NOT_CARRIED", "4.2.1", WARNING)
            .reads(Parameters.JUDGE_AFTER)
            .arguments("item", "incoming")
            .build();
    public static final RuleEntry HANDOVER_INVENTORY_UNEXPLAINED = rule(
                    "HANDOVER_INVENTORY_UNEXPLAINED", "4.2.1", ERROR)
            .reads(Parameters.JUDGE_AFTER)
            .arguments("item", "expected", "counted", "damaged")
            .build();
    public static final RuleEntry HANDOVER_ANOMALY_UNEXPLAINED = rule("HANDOVER_ANOMALY_UNEXPLAINED", "4.2.1", ERROR)
            .reads(Parameters.JUDGE_AFTER)
            .arguments("description")
            .build();
    public static final RuleEntry HANDOVER_UNSIGNED = rule("HANDOVER_UNSIGNED", "4.2.1, 4.2.2", ERROR)
            .reads(Parameters.JUDGE_AFTER)
            .arguments("unsignedBy")
            .build();
    public static final RuleEntry PATROL_OVERDUE = rule("PATROL_OVERDUE", "G2", WARNING)
            .reads(Parameters.PATROL_MAX_INTERVAL)
            .arguments("maxMinutes", "since")
            .build();
    public static final RuleEntry DUTY_REPORT_LATE = rule("DUTY_REPORT_LATE", "G2, G4", WARNING)
            .reads(Parameters.REPORT_DUE)
            .arguments("date")
            .build();
    public static final RuleEntry LOG_NOT_REVIEWED = rule("LOG_NOT_REVIEWED", "4.3", WARNING)
            .reads(Parameters.REVIEW_DEADLINE)
            .arguments("date")
            .build();
    public static final RuleEntry PROCESS_REVIEW_MISSING = rule("PROCESS_REVIEW_MISSING", "G5", WARNING)
            .reads(Parameters.PROCESS_REVIEW_DUE_DAYS)
            .arguments("month")
            .build();
    public static final RuleEntry TRAINING_OVERDUE = rule("TRAINING_OVERDUE", "G5", WARNING)
            .arguments("officer", "quarter")
            .build();
    // the second round (SPEC section 4.1, 2026-12-03)
    public static final RuleEntry HANDOVER_NOT_COMPLETED = rule("HANDOVER_NOT_COMPLETED", "4.2.2", ERROR)
            .reads(Parameters.JUDGE_AFTER)
            .arguments("outgoing", "incoming", "scheduledAt")
            .build();
    public static final RuleEntry HANDOVER_SIGNATURE_ORDER = rule("HANDOVER_SIGNATURE_ORDER", "4.2.1, 4.2.2", WARNING)
            .reads(Parameters.JUDGE_AFTER)
            .arguments(
                    "outgoing",
                    "outgoingSignedAt",
                    "incoming",
                    "incomingSignedAt",
                    "completedAt",
                    "signedAfterCompletion")
            .build();
    public static final RuleEntry HANDOVER_INVENTORY_INCOMPLETE = rule("HANDOVER_INVENTORY_INCOMPLETE", "4.2.1", ERROR)
            .reads(Parameters.JUDGE_AFTER)
            .arguments("item", "expected")
            .build();
    public static final RuleEntry HANDOVER_CHECKS_MISSING = rule("HANDOVER_CHECKS_MISSING", "4.2.1, G2, 4.1.5", WARNING)
            .reads(Parameters.REQUIRED_CHECKS, Parameters.CHECKS_LEAD, Parameters.JUDGE_AFTER)
            .arguments("check", "incoming", "from", "until")
            .build();
    public static final RuleEntry ESCALATION_DECISION_MISSING = rule("ESCALATION_DECISION_MISSING", "4.1.5", WARNING)
            .reads(Parameters.DECISION_WITHIN)
            .arguments("severity", "supervisors", "reachedAt", "minutes")
            .build();
    public static final RuleEntry ONCALL_NOT_ON_SITE = rule("ONCALL_NOT_ON_SITE", "4.1.7", WARNING)
            .reads(Parameters.ON_SITE_WITHIN)
            .arguments("person", "reachedAt", "minutes")
            .build();
    public static final RuleEntry CALL_NOT_LOGGED = rule("CALL_NOT_LOGGED", "G4", WARNING)
            .reads(Parameters.CALL_LOG_WITHIN)
            .arguments("at", "minutes", "entry")
            .build();
    public static final RuleEntry REQUEST_NOT_CLOSED = rule("REQUEST_NOT_CLOSED", "G1, 4.1.4", WARNING)
            .reads(Parameters.HELP_REQUEST_CLOSE, Parameters.COMPLAINT_CLOSE)
            .arguments("kind", "loggedAt", "hours", "owner")
            .build();
    public static final RuleEntry SPOT_CHECKS_TOO_FEW = rule("SPOT_CHECKS_TOO_FEW", "3.1", WARNING)
            .reads(Parameters.SPOT_CHECKS_PER_MONTH)
            .arguments("month", "count", "minimum")
            .build();
    public static final RuleEntry DUTY_REPORT_NOT_REVIEWED = rule("DUTY_REPORT_NOT_REVIEWED", "G4, 4.3", WARNING)
            .reads(Parameters.REPORT_REVIEW, Parameters.REVIEW_DEADLINE)
            .arguments("date", "submittedAt", "deadline")
            .build();
    public static final RuleEntry MAJOR_INCIDENT_WITHOUT_EVIDENCE = rule(
                    "MAJOR_INCIDENT_WITHOUT_EVIDENCE", "4.2.2", WARNING)
            .arguments("incident", "category")
            .build();
    /** Not a rule of the rule files: verifying the duty log's hash chain reports it (4.1.8). */
    public static final RuleEntry LOG_CHAIN_BROKEN =
            rule("LOG_CHAIN_BROKEN", "4.1.8", ERROR).arguments("detail").build();

    /** Every default rule, in the order of SPEC sections 4 and 4.1. */
    public static final List<RuleEntry> ALL = List.of(
            ROSTER_LATE,
            ROSTER_GAP,
            UNAPPROVED_SWAP,
            LEAVE_WITHOUT_SUBSTITUTE,
            POST_LEFT,
            CALL_ANSWERED_LATE,
            CALL_MISSED,
            HOTLINE_DIALLED_OUT,
            ESCALATION_SUPERVISOR_LATE,
            ESCALATION_MANAGER_LATE,
            ONCALL_UNREACHABLE,
            EMERGENCY_PLAN_LATE,
            INCIDENT_UNRESOLVED,
            MAJOR_INCIDENT_UNDOCUMENTED,
            HANDOVER_MISSING,
            HANDOVER_INCOMING_LATE,
            HANDOVER_OUTGOING_UNPREPARED,
            HANDOVER_WITH_OPEN_CRITICAL_WORK,
            HANDOVER_ITEM_NOT_CARRIED,
            HANDOVER_INVENTORY_UNEXPLAINED,
            HANDOVER_ANOMALY_UNEXPLAINED,
            HANDOVER_UNSIGNED,
            PATROL_OVERDUE,
            DUTY_REPORT_LATE,
            LOG_NOT_REVIEWED,
            PROCESS_REVIEW_MISSING,
            TRAINING_OVERDUE,
            HANDOVER_NOT_COMPLETED,
            HANDOVER_SIGNATURE_ORDER,
            HANDOVER_INVENTORY_INCOMPLETE,
            HANDOVER_CHECKS_MISSING,
            ESCALATION_DECISION_MISSING,
            ONCALL_NOT_ON_SITE,
            CALL_NOT_LOGGED,
            REQUEST_NOT_CLOSED,
            SPOT_CHECKS_TOO_FEW,
            DUTY_REPORT_NOT_REVIEWED,
            MAJOR_INCIDENT_WITHOUT_EVIDENCE,
            LOG_CHAIN_BROKEN);

    /** The default rules that the rule files hold (every one but {@link #LOG_CHAIN_BROKEN}). */
    public static final Set<RuleEntry> IN_RULE_FILES = inRuleFiles();

    /** The rule whose verdict is the live decision "may this handover complete now?" (4.2.2). */
    public static final String COMPLETION_RULE = HANDOVER_WITH_OPEN_CRITICAL_WORK.id();

    private static Set<RuleEntry> inRuleFiles() {
        List<RuleEntry> list = new ArrayList<>(ALL);
        list.remove(LOG_CHAIN_BROKEN);
        return Set.copyOf(list);
    }

    private static Builder rule(String id, String clause, ViolationSeverity severity) {
        return new Builder(id, clause, severity);
    }

    private static final class Builder {
        private final String id;
        private final String clause;
        private final ViolationSeverity severity;
        private List<String> parameters = List.of();
        private List<String> thresholds = List.of();
        private List<String> arguments = List.of();

        Builder(String id, String clause, ViolationSeverity severity) {
            this.id = id;
            this.clause = clause;
            this.severity = severity;
        }

        Builder reads(Parameter<?>... read) {
            parameters = java.util.Arrays.stream(read).map(Parameter::key).toList();
            return this;
        }

        Builder thresholds(String... columns) {
            thresholds = List.of(columns);
            return this;
        }

        Builder arguments(String... names) {
            arguments = List.of(names);
            return this;
        }

        RuleEntry build() {
            return new RuleEntry(id, clause, severity, parameters, thresholds, arguments, RuleEntry.Origin.DEFAULT);
        }
    }
}
