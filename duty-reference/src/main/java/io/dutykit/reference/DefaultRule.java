package io.dutykit.reference;

import io.dutykit.core.check.ViolationSeverity;

/** The default rule catalogue of SPEC section 4 (without LOG_CHAIN_BROKEN): id, clause, severity. */
enum DefaultRule {
    ROSTER_LATE("4.1.1", ViolationSeverity.ERROR),
    ROSTER_GAP("4.1.2", ViolationSeverity.ERROR),
    UNAPPROVED_SWAP("4.1.5", ViolationSeverity.ERROR),
    LEAVE_WITHOUT_SUBSTITUTE("4.1.5", ViolationSeverity.ERROR),
    POST_LEFT("4.1.5", ViolationSeverity.ERROR),
    CALL_ANSWERED_LATE("4.1.5", ViolationSeverity.WARNING),
    CALL_MISSED("4.1.5", ViolationSeverity.ERROR),
    HOTLINE_DIALLED_OUT("4.1.5", ViolationSeverity.WARNING),
    ESCALATION_SUPERVISOR_LATE("4.1.4, 4.1.5", ViolationSeverity.ERROR),
    ESCALATION_MANAGER_LATE("4.1.5", ViolationSeverity.ERROR),
    ONCALL_UNREACHABLE("4.1.7", ViolationSeverity.ERROR),
    EMERGENCY_PLAN_LATE("G3", ViolationSeverity.ERROR),
    INCIDENT_UNRESOLVED("4.1.4", ViolationSeverity.WARNING),
    MAJOR_INCIDENT_UNDOCUMENTED("G4", ViolationSeverity.ERROR),
    HANDOVER_MISSING("4.2", ViolationSeverity.ERROR),
    HANDOVER_INCOMING_LATE("4.2.1", ViolationSeverity.ERROR),
    HANDOVER_OUTGOING_UNPREPARED("4.2.2", ViolationSeverity.WARNING),
    HANDOVER_WITH_OPEN_CRITICAL_WORK("4.2.2", ViolationSeverity.ERROR),
    HANDOVER_ITEM_NOT_CARRIED("4.2.1", ViolationSeverity.WARNING),
    HANDOVER_INVENTORY_UNEXPLAINED("4.2.1", ViolationSeverity.ERROR),
    HANDOVER_ANOMALY_UNEXPLAINED("4.2.1", ViolationSeverity.ERROR),
    HANDOVER_UNSIGNED("4.2.1, 4.2.2", ViolationSeverity.ERROR),
    PATROL_OVERDUE("G2", ViolationSeverity.WARNING),
    DUTY_REPORT_LATE("G2, G4", ViolationSeverity.WARNING),
    LOG_NOT_REVIEWED("4.3", ViolationSeverity.WARNING),
    PROCESS_REVIEW_MISSING("G5", ViolationSeverity.WARNING),
    TRAINING_OVERDUE("G5", ViolationSeverity.WARNING);

    private final String clause;
    private final ViolationSeverity severity;

    DefaultRule(String clause, ViolationSeverity severity) {
        this.clause = clause;
        this.severity = severity;
    }

    String clause() {
        return clause;
    }

    ViolationSeverity severity() {
        return severity;
    }
}
