package io.dutykit.core.port;

/** What a log record says happened (SPEC section 8: every change on duty is a log record). */
public enum ChangeType {
    SITE_CONFIGURED,
    STAFF_REGISTERED,
    ROSTER_DRAFTED,
    ROSTER_PUBLISHED,
    LEAVE_REQUESTED,
    LEAVE_APPROVED,
    HANDOVER_OPENED,
    HANDOVER_INCOMING_ARRIVED,
    HANDOVER_OUTGOING_READY,
    HANDOVER_INVENTORY_COUNTED,
    HANDOVER_ANOMALY_RECORDED,
    HANDOVER_ITEM_CARRIED_OVER,
    HANDOVER_SIGNED,
    HANDOVER_COMPLETED,
    ENTRY_APPENDED,
    ENTRY_CLOSED,
    ENTRY_CORRECTED,
    INCIDENT_OPENED,
    INCIDENT_ESCALATED,
    INCIDENT_PLAN_ACTIVATED,
    INCIDENT_RESOLVED,
    CALL_RECORDED,
    ABSENCE_STARTED,
    ABSENCE_ENDED,
    REVIEW_SIGNED,
    DUTY_REPORT_SUBMITTED,
    TRAINING_RECORDED,
    PROCESS_REVIEW_RECORDED,
    SPOT_CHECK_RECORDED,
    /** The incoming recorded a check before taking over (4.2.1); since 2026-12-03. */
    HANDOVER_CHECK_RECORDED,
    /** The supervisor reached about an incident recorded a decision (4.1.5); since 2026-12-03. */
    INCIDENT_DECISION_RECORDED,
    /** Someone escalated to came back on site (4.1.7); since 2026-12-03. */
    INCIDENT_ON_SITE_RECORDED,
    /** Evidence was attached to an incident (4.2.2); since 2026-12-03. */
    INCIDENT_EVIDENCE_ATTACHED,
    /** Evidence was attached to an entry (4.2.2); since 2026-12-03. */
    ENTRY_EVIDENCE_ATTACHED,
    /** A call was linked to the entry that records it (G4); since 2026-12-03. */
    CALL_LINKED,
    /** A supervisor reviewed a duty report (G4, 4.3); since 2026-12-03. */
    DUTY_REPORT_REVIEWED,
    /** A supervisor rejected a leave (4.1.5); since 2026-12-03. */
    LEAVE_REJECTED,
    /** Appended by a retention purge: the hash the remaining chain continues from (SPEC section 8). */
    CHECKPOINT
}
