package io.dutykit.dataset;

import io.dutykit.core.DutyKitException;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset is not valid {@code dutykit/1} input (SPEC section 5). The message names the JSON path,
 * the value found and what is expected, e.g. {@code $.handovers[3].incomingArrivedAt: "2026-11-02
 * 17:25" is not an instant; expected ISO-8601 with an offset such as 2026-11-02T17:25:00+08:00}; when
 * the dataset came from a file, the file is named at the end. The CLI prints it as it is and exits
 * with code 2.
 */
public final class DatasetException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String detail;
    private final String source;

    /**
     * An input error at a JSON path, for readers of documents that embed or extend a dataset (e.g. a
     * rule scenario): {@code detail} says what the value is and what is expected.
     */
    public DatasetException(String path, String detail) {
        this(path, detail, null, null);
    }

    DatasetException(String path, String detail, String source, Throwable cause) {
        super(message(path, detail, source), cause);
        this.path = Objects.requireNonNull(path, "path");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.source = source;
    }

    /** The JSON path of the offending value, e.g. {@code $.handovers[3].incomingArrivedAt} or {@code $[2].site.id}. */
    public String path() {
        return path;
    }

    /** What is wrong with the value and what is expected, without the path and the file. */
    public String detail() {
        return detail;
    }

    /** The file the dataset came from, when it came from a file. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The same error, said of the named file (kept when a file is already named). */
    DatasetException inSource(String file) {
        if (source != null || file == null) {
            return this;
        }
        return new DatasetException(path, detail, file, getCause());
    }

    /** The same error with its path moved under {@code prefix} (e.g. {@code $[2]} of an array of sites). */
    DatasetException under(String prefix) {
        if (prefix == null || prefix.equals("$")) {
            return this;
        }
        return new DatasetException(prefix + path.substring(1), detail, source, getCause());
    }

    private static String message(String path, String detail, String source) {
        return path + ": " + detail + (source == null ? "" : " (in " + source + ")");
    }
}
