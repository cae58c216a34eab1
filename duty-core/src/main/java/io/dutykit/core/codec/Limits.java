package io.dutykit.core.codec;

/**
 * The sizes a DutyKit store keeps (the columns of the JDBC schema are sized to them), so that a reader
 * can refuse input a store could not hold before anything is written.
 */
public final class Limits {
    /**
     * The longest id or reference: a site id, a staff id, the id of a record, and every text that is
     * part of a record's key (a training's topic). The JDBC schema keeps site ids and actors in 200
     * characters and record ids and keys in 500, which leaves room for the suffixes of log record ids.
     */
    public static final int MAX_ID_LENGTH = 200;

    /** The longest log record id ({@code log[].id}) a store keeps. */
    public static final int MAX_LOG_RECORD_ID_LENGTH = 500;

    /** The longest log record type ({@code log[].type}) a store keeps. */
    public static final int MAX_LOG_TYPE_LENGTH = 64;

    /**
     * The most characters one record's snapshot may take in its canonical form (docs/log-integrity.md):
     * the embedded H2 store keeps each snapshot in a column of this size.
     */
    public static final int MAX_SNAPSHOT_CHARS = 1_000_000;

    private Limits() {}
}
