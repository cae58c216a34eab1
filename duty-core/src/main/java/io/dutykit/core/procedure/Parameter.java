package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * One parameter of the procedure, defined once (in {@link Parameters}): its key in the parameters
 * file, its type, default, allowed range, the clause it serves and what it means in English and
 * Chinese. The engines, the reports, the file reader and the docs all read this definition.
 *
 * @param <T> the Java type of its value
 */
public final class Parameter<T> {
    private final String key;
    private final ParameterType<T> type;
    private final T defaultValue;
    private final long min;
    private final long max;
    private final String clause;
    private final String description;
    private final String descriptionZh;

    Parameter(
            String key,
            ParameterType<T> type,
            String defaultText,
            long min,
            long max,
            String clause,
            String description,
            String descriptionZh) {
        this.key = Checks.requiredText(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.min = min;
        this.max = max;
        this.clause = Checks.requiredText(clause, "clause");
        this.description = Checks.requiredText(description, "description");
        this.descriptionZh = Checks.requiredText(descriptionZh, "descriptionZh");
        Reading<T> reading = read(defaultText);
        if (reading.value == null) {
            throw new IllegalStateException(
                    "the default of " + key + " (" + defaultText + ") is not valid: " + reading.kind);
        }
        this.defaultValue = reading.value;
    }

    /** The key in the parameters file, e.g. {@code handover.incomingLeadMinutes}. */
    public String key() {
        return key;
    }

    public ParameterType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as written in the parameters file, e.g. {@code 5} or {@code 10:00}. */
    public String defaultText() {
        return type.format(defaultValue);
    }

    /** The smallest allowed value in the type's unit (only for types with a range). */
    public long min() {
        return min;
    }

    /** The largest allowed value in the type's unit (only for types with a range). */
    public long max() {
        return max;
    }

    /** The clause of the procedure the parameter serves, e.g. {@code 4.2.1}. */
    public String clause() {
        return clause;
    }

    /** What the parameter means, in Chinese for {@code zh} and in English otherwise. */
    public String description(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? descriptionZh : description;
    }

    /** A value read from text, or the kind of problem and the offending item. */
    record Reading<T>(T value, ProcedureProblem.Kind kind, String item) {}

    /** Reads a value of this parameter from the text of the parameters file (already trimmed). */
    Reading<T> read(String text) {
        if (text.isEmpty() && !type.allowsEmpty()) {
            return new Reading<>(null, ProcedureProblem.Kind.EMPTY_VALUE, text);
        }
        T value;
        try {
            value = type.parse(text);
        } catch (ParameterType.Invalid e) {
            return new Reading<>(null, e.kind, e.item);
        }
        if (type.hasRange()) {
            long magnitude = type.magnitude(value);
            if (magnitude < min) {
                return new Reading<>(null, ProcedureProblem.Kind.BELOW_MINIMUM, text);
            }
            if (magnitude > max) {
                return new Reading<>(null, ProcedureProblem.Kind.ABOVE_MAXIMUM, text);
            }
        }
        return new Reading<>(value, null, null);
    }

    /** The problem of a text {@link #read} refused, at a place of a file (column: where the value starts, or 0). */
    ProcedureProblem problem(Reading<T> refused, String text, String source, int line, int column) {
        ProcedureProblem.Kind kind = refused.kind();
        return switch (kind) {
            case EMPTY_VALUE -> ProcedureProblem.error(source, line, column, kind, null, key, defaultText());
            case NOT_A_WHOLE_NUMBER, NOT_A_TIME ->
                ProcedureProblem.error(source, line, column, kind, null, key, text, defaultText());
            case BELOW_MINIMUM, ABOVE_MAXIMUM ->
                ProcedureProblem.error(source, line, column, kind, null, key, text, min, max);
            case NOT_A_CODE -> ProcedureProblem.error(source, line, column, kind, null, key, refused.item());
            default -> throw new IllegalStateException("unexpected " + kind);
        };
    }

    @Override
    public String toString() {
        return key + "=" + defaultText();
    }
}
