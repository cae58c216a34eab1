package io.dutykit.core.record;

/** What a duty-log entry records (SPEC section 5). */
public enum EntryKind {
    ENQUIRY,
    HELP_REQUEST,
    COMPLAINT,
    SUGGESTION,
    THANKS,
    PATROL,
    /** Called another department (4.1.6). */
    DISPATCH,
    /** A temporary protective measure (4.1.6). */
    PROTECTIVE_MEASURE,
    NOTE,
    /** Corrects an earlier entry by reference, never by editing it (4.1.8). */
    CORRECTION;

    /** PATROL, THANKS and CORRECTION entries are records, never open work (SPEC section 4). */
    public boolean canBeOpenWork() {
        return this != PATROL && this != THANKS && this != CORRECTION;
    }
}
