package io.dutykit.console;

import io.dutykit.core.DutyKitException;

/** The console cannot start or cannot do what was asked: the message says what is wrong and what to do. */
public final class ConsoleException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    ConsoleException(String message) {
        super(message);
    }

    ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
