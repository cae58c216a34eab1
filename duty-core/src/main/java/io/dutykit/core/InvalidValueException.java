package io.dutykit.core;

/**
 * A value handed to the domain is malformed; the message names the field and the value. Subclasses
 * name a kind of malformed value more precisely (e.g. {@link io.dutykit.core.chain.CanonicalJsonException}).
 */
public class InvalidValueException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }

    /** Formats the message with {@link String#format}. */
    public static InvalidValueException of(String format, Object... args) {
        return new InvalidValueException(String.format(format, args));
    }
}
