package io.dutykit.core;

/** The root of every exception DutyKit throws on purpose; each says what was wrong and what to do. */
public abstract class DutyKitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DutyKitException(String message) {
        super(message);
    }

    protected DutyKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
