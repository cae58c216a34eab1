package io.dutykit.cli;

import io.dutykit.core.DutyKitException;

/** Bad input or usage found by the command itself; printed as one line, exit 2. */
final class UserError extends DutyKitException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    static UserError of(String format, Object... args) {
        return new UserError(String.format(format, args));
    }
}
