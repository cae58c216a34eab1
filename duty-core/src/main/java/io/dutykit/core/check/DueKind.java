package io.dutykit.core.check;

/** What kind of deadline is coming up, for the host to notify the right person. */
public enum DueKind {
    /** A DIFFICULT or MAJOR incident must reach the supervisor (4.1.5). */
    ESCALATION_TO_SUPERVISOR,
    /** A MAJOR incident must reach the manager (4.1.5). */
    ESCALATION_TO_MANAGER,
    /** A MAJOR incident's emergency plan must start (G3). */
    EMERGENCY_PLAN,
    /** An incident must be resolved (4.1.4). */
    INCIDENT_RESOLUTION,
    /** The incoming officer must arrive (4.2.1). */
    INCOMING_ARRIVAL,
    /** The outgoing officer must be ready (4.2.2). */
    OUTGOING_READY,
    /** The duty report must be submitted (G2, G4). */
    DUTY_REPORT,
    /** The supervisor must review the log (4.3). */
    LOG_REVIEW,
    /** Next month's roster must be published (4.1.1). */
    ROSTER_PUBLICATION
}
