package io.dutykit.core;

/** A record the caller named does not exist. */
public final class NotFoundException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
