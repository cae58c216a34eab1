package io.dutykit.storage.jdbc;

import io.dutykit.core.DutyKitException;

/** The database failed to do what was asked; nothing was written. The message says what was being done. */
public final class StorageException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
