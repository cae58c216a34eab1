package io.dutykit.core.chain;

import io.dutykit.core.InvalidValueException;

/**
 * Text that is not DutyKit's canonical JSON, or a value that has no canonical form: JSON that does not
 * parse, JSON nested deeper than {@link CanonicalJson#MAX_DEPTH}, or text holding an unpaired UTF-16
 * surrogate (which has no UTF-8 bytes). Thrown by {@link CanonicalJson}, {@link LogChain} and {@link
 * ChainHasher} instead of a {@link StackOverflowError} or a silently replaced character; a store that
 * reads a record's stored {@code data} turns it into a located chain break.
 */
public final class CanonicalJsonException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the text. */
    public enum Problem {
        /** Not JSON, or JSON DutyKit's records never hold (a fraction, an exponent). */
        MALFORMED,
        /** Arrays and objects nested deeper than {@link CanonicalJson#MAX_DEPTH}. */
        TOO_DEEP,
        /** A high surrogate not followed by a low one, or a low surrogate alone: no UTF-8 encodes it. */
        UNPAIRED_SURROGATE
    }

    private final Problem problem;
    private final String field;

    CanonicalJsonException(Problem problem, String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.problem = problem;
        this.field = field;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * Where in the value the problem is, as a dotted path of object keys and {@code [index]}es from the
     * top (e.g. {@code data.text}, {@code items[2].name}), or null when it is about the text as a whole.
     */
    public String field() {
        return field;
    }

    /** The same problem one level further out: {@code key} (or {@code [index]}) prefixed to the field. */
    CanonicalJsonException under(String step) {
        String message = field == null ? getMessage() : getMessage().substring(field.length() + 2);
        String outer = field == null ? step : step + (field.startsWith("[") ? "" : ".") + field;
        return new CanonicalJsonException(problem, outer, message);
    }
}
