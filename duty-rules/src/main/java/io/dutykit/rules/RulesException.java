package io.dutykit.rules;

import io.dutykit.core.DutyKitException;

/** The rules, parameters or threshold table could not be loaded; the message says what and where. */
public final class RulesException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    public RulesException(String message) {
        super(message);
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
