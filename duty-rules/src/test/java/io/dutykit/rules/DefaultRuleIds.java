package io.dutykit.rules;

import java.util.List;

/** The 38 dataset rules of SPEC sections 4 and 4.1 (LOG_CHAIN_BROKEN comes from log verification). */
final class DefaultRuleIds {
    static final List<String> ALL = List.of(
            "ROSTER_LATE",
            "ROSTER_GAP",
            "UNAPPROVED_SWAP",
            "LEAVE_WITHOUT_SUBSTITUTE",
            "POST_LEFT",
            "CALL_ANSWERED_LATE",
            "CALL_MISSED",
            "HOTLINE_DIALLED_OUT",
            "ESCALATION_SUPERVISOR_LATE",
            "ESCALATION_MANAGER_LATE",
            "ONCALL_UNREACHABLE",
            "EMERGENCY_PLAN_LATE",
            "INCIDENT_UNRESOLVED",
            "MAJOR_INCIDENT_UNDOCUMENTED",
            "HANDOVER_MISSING",
            "HANDOVER_INCOMING_LATE",
            "HANDOVER_OUTGOING_UNPREPARED",
            "HANDOVER_WITH_OPEN_CRITICAL_WORK",
            "HANDOVER_ITEM_NOT_CARRIED",
            "HANDOVER_INVENTORY_UNEXPLAINED",
            "HANDOVER_ANOMALY_UNEXPLAINED",
            "HANDOVER_UNSIGNED",
            "PATROL_OVERDUE",
            "DUTY_REPORT_LATE",
            "LOG_NOT_REVIEWED",
            "PROCESS_REVIEW_MISSING",
            "TRAINING_OVERDUE",
            "HANDOVER_NOT_COMPLETED",
            "HANDOVER_SIGNATURE_ORDER",
            "HANDOVER_INVENTORY_INCOMPLETE",
            "HANDOVER_CHECKS_MISSING",
            "ESCALATION_DECISION_MISSING",
            "ONCALL_NOT_ON_SITE",
            "CALL_NOT_LOGGED",
            "REQUEST_NOT_CLOSED",
            "SPOT_CHECKS_TOO_FEW",
            "DUTY_REPORT_NOT_REVIEWED",
            "MAJOR_INCIDENT_WITHOUT_EVIDENCE");

    private DefaultRuleIds() {}
}
