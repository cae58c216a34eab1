package io.dutykit.core.incident;

/** How serious an incident is (4.1.5): difficult problems go to the supervisor, major ones on to the manager. */
public enum IncidentSeverity {
    ROUTINE,
    DIFFICULT,
    MAJOR;

    /** DIFFICULT and MAJOR incidents are important work that blocks a handover (4.2.2). */
    public boolean isCritical() {
        return this != ROUTINE;
    }
}
