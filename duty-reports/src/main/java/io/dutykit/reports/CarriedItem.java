package io.dutykit.reports;

import java.time.Instant;

/**
 * An entry or incident handed on from one shift to the next (4.2.1), or open work listed with it.
 *
 * @param id the entry or incident id
 * @param type what the id names
 * @param label the entry's kind or the incident's category and severity
 * @param text the entry's text or the incident's handling process, if any
 * @param since when the entry was written or the incident opened, null when the id names nothing known
 * @param closedAt when the work was closed or resolved, null while it is open as of the report
 * @param previousOwner who owned it just before the handover that passed it on (SPEC section 4
 *     "owned"): who handed it on; null where no handover is in question
 * @param owner who owns it as of the report: the incoming of the latest completed handover that
 *     carried it over, else whoever wrote or reported it; null when the id names nothing known and no
 *     handover carried it
 */
public record CarriedItem(
        String id,
        Type type,
        String label,
        String text,
        Instant since,
        Instant closedAt,
        String previousOwner,
        String owner) {
    /** What a carried-over id names. */
    public enum Type {
        ENTRY,
        INCIDENT,
        /** The id names no entry or incident in the records (e.g. purged). */
        UNKNOWN
    }

    public boolean isOpen() {
        return closedAt == null;
    }
}
