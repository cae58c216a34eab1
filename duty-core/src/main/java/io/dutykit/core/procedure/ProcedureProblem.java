package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A problem found in a file a compliance officer edits (the parameters file, the incident threshold
 * table): where it is, what kind it is and the values it names. Readers collect problems instead of
 * stopping at the first, so a validator can list them all with file and line; {@link #message}
 * renders one in English or Chinese.
 *
 * @param source the file (or other origin) the problem is in, as the user named it
 * @param line the 1-based line (a spreadsheet's row), or 0 when the problem is about the whole file
 * @param arguments the values the message names, in the order of the kind's message
 */
public record ProcedureProblem(Level level, String source, int line, Kind kind, List<String> arguments) {
    private static final String BUNDLE = "io.dutykit.core.procedure.problems";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** An error stops the file from being used; a warning is reported and the file is used. */
    public enum Level {
        ERROR,
        WARNING
    }

    /** What is wrong; each kind has a message in {@code problems*.properties}. */
    public enum Kind {
        /** A {@code \\uXXXX} escape that is not four hex digits: {key}. */
        MALFORMED_ESCAPE,
        /** A key given twice: {key, first line}. */
        DUPLICATE_KEY,
        /** A key no parameter has: {key, suggestion or empty}. */
        UNKNOWN_KEY,
        /** A parameter with an empty value: {key, default}. */
        EMPTY_VALUE,
        /** Not a whole number: {key, value, example}. */
        NOT_A_WHOLE_NUMBER,
        /** Below the allowed range: {key, value, minimum, maximum}. */
        BELOW_MINIMUM,
        /** Above the allowed range: {key, value, minimum, maximum}. */
        ABOVE_MAXIMUM,
        /** Not a time of day: {key, value, example}. */
        NOT_A_TIME,
        /** A list item that is not a code: {key, item}. */
        NOT_A_CODE,
        /** The threshold table has no rows at all: {header}. */
        EMPTY_TABLE,
        /** The first line is not the header: {expected header, actual}. */
        BAD_HEADER,
        /** A row with fewer cells than the header: {cells, needed, header}. */
        MISSING_CELLS,
        /** Columns after the header's five, not read: {extra}. */
        EXTRA_COLUMNS,
        /** Not * or a category code: {category}. */
        BAD_CATEGORY,
        /** Not ROUTINE, DIFFICULT or MAJOR: {severity}. */
        BAD_SEVERITY,
        /** Not a whole number of minutes: {column, value}. */
        NOT_MINUTES,
        /** A category and severity given twice: {category, severity, first line}. */
        DUPLICATE_ROW,
        /** A severity without a {@code *} row: {severity}. */
        NO_FALLBACK_ROW
    }

    public ProcedureProblem {
        Checks.required(level, "level");
        Checks.required(source, "source");
        Checks.required(kind, "kind");
        arguments = List.copyOf(arguments);
    }

    static ProcedureProblem error(String source, int line, Kind kind, Object... arguments) {
        return new ProcedureProblem(Level.ERROR, source, line, kind, texts(arguments));
    }

    static ProcedureProblem warning(String source, int line, Kind kind, Object... arguments) {
        return new ProcedureProblem(Level.WARNING, source, line, kind, texts(arguments));
    }

    private static List<String> texts(Object... arguments) {
        return java.util.Arrays.stream(arguments).map(String::valueOf).toList();
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** The problem in the locale's language (Chinese for {@code zh}, else English), naming where it is. */
    public String message(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String where = bundle.getString(line > 0 ? "where.line" : "where.file");
        return MessageFormat.format(where, source, Integer.toString(line)) + what(bundle, locale);
    }

    /** What is wrong, without where: for a list that shows file and line in columns of its own. */
    public String what(Locale locale) {
        return what(bundle(locale), locale);
    }

    private String what(ResourceBundle bundle, Locale locale) {
        Object[] args = arguments.toArray();
        if (kind == Kind.UNKNOWN_KEY) {
            String suggestion = arguments.size() > 1 ? arguments.get(1) : "";
            args[1] = suggestion.isEmpty()
                    ? ""
                    : MessageFormat.format(bundle.getString("UNKNOWN_KEY.suggestion"), suggestion);
        }
        return new MessageFormat(bundle.getString(kind.name()), locale).format(args);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ProcedureProblem.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }

    /** The English message. */
    @Override
    public String toString() {
        return message(Locale.ENGLISH);
    }
}
