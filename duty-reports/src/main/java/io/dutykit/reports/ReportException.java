package io.dutykit.reports;

import io.dutykit.core.DutyKitException;

/** A report could not be produced: the request lacks what the report needs, or the output could not be written. */
public final class ReportException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
