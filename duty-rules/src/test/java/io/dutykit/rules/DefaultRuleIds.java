package io.dutykit.rules;

import java.util.List;

/** The 27 dataset rules of SPEC section 4 (LOG_CHAIN_BROKEN comes from log verification). */
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
            "TRAINING_OVERDUE");

    private DefaultRuleIds() {}
}
