package io.dutykit.core;

/**
 * A change lost a race or clashes with what is stored: another officer took over the shift first,
 * the record changed since it was read, or a record id was reused for other content.
 */
public final class ConflictException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
