package io.dutykit.core.check;

/**
 * What kind of deadline is coming up, for the host to notify the right person, and the rule that
 * fires when it passes. What each kind lists, who is responsible and which records it reads is
 * defined once, in {@code io.dutykit.core.procedure.Deadlines}.
 */
public enum DueKind {
    /** A DIFFICULT or MAJOR incident must reach the supervisor (4.1.5). */
    ESCALATION_TO_SUPERVISOR("ESCALATION_SUPERVISOR_LATE"),
    /** A MAJOR incident must reach the manager (4.1.5). */
    ESCALATION_TO_MANAGER("ESCALATION_MANAGER_LATE"),
    /** A MAJOR incident's emergency plan must start (G3). */
    EMERGENCY_PLAN("EMERGENCY_PLAN_LATE"),
    /** An incident must be resolved (4.1.4). */
    INCIDENT_RESOLUTION("INCIDENT_UNRESOLVED"),
    /** The incoming officer must arrive (4.2.1). */
    INCOMING_ARRIVAL("HANDOVER_INCOMING_LATE"),
    /** The outgoing officer must be ready (4.2.2). */
    OUTGOING_READY("HANDOVER_OUTGOING_UNPREPARED"),
    /** The duty report must be submitted (G2, G4). */
    DUTY_REPORT("DUTY_REPORT_LATE"),
    /** The supervisor must review the log (4.3). */
    LOG_REVIEW("LOG_NOT_REVIEWED"),
    /** Next month's roster must be published (4.1.1). */
    ROSTER_PUBLICATION("ROSTER_LATE"),
    /** The supervisor reached about a DIFFICULT or MAJOR incident must record a decision (4.1.5). */
    DECISION("ESCALATION_DECISION_MISSING"),
    /** Someone of manager level reached after hours about a MAJOR incident must be back on site (4.1.7). */
    ON_SITE_RETURN("ONCALL_NOT_ON_SITE"),
    /** An answered call must be recorded in the duty log (G4). */
    CALL_LOGGING("CALL_NOT_LOGGED"),
    /** A request for help or a complaint must be closed (G1, 4.1.4). */
    REQUEST_CLOSING("REQUEST_NOT_CLOSED"),
    /** A supervisor must review the duty report (G4, 4.3). */
    DUTY_REPORT_REVIEW("DUTY_REPORT_NOT_REVIEWED");

    private final String rule;

    DueKind(String rule) {
        this.rule = rule;
    }

    /** The id of the rule that fires when the deadline passes unmet. */
    public String rule() {
        return rule;
    }
}
