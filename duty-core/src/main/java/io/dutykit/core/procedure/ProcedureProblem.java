package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A problem found in a file a compliance officer edits (the parameters file, the incident threshold
 * table, the company's messages, the names of the files in a rules folder): where it is, what kind it
 * is, the values it names and, where one fits, the name probably meant. Readers collect problems
 * instead of stopping at the first, so a validator can list them all with file, line and column;
 * {@link #message} renders one in English or Chinese.
 *
 * @param source the file (or other origin) the problem is in, as the user named it
 * @param line the 1-based line (a spreadsheet's row), or 0 when the problem is about the whole file
 * @param column the 1-based column on the line, or 0 when the problem is about the whole line
 * @param arguments the values the message names, in the order of the kind's message
 * @param suggestion the name probably meant ("did you mean …"), or null
 */
public record ProcedureProblem(
        Level level, String source, int line, int column, Kind kind, List<String> arguments, String suggestion) {
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
        /** A key no parameter has (and no rule of the folder reads): {key}; suggestion: the key meant. */
        UNKNOWN_KEY,
        /** A key followed by a full-width colon or equals sign: {key, the character}; suggestion: the key. */
        FULL_WIDTH_SEPARATOR,
        /** {@code weight.RULE_ID} for an id that is no rule: {key, rule id}; suggestion: the key meant. */
        UNKNOWN_RULE_WEIGHT,
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
        /** Not ROUTINE, DIFFICULT or MAJOR: {severity}; suggestion: the severity meant. */
        BAD_SEVERITY,
        /** Not a whole number of minutes: {column, value}. */
        NOT_MINUTES,
        /** A category and severity given twice: {category, severity, first line}. */
        DUPLICATE_ROW,
        /** A severity without a {@code *} row: {severity}. */
        NO_FALLBACK_ROW,
        /** The CSV and XLSX forms of the table both present and different: {csv, xlsx}. */
        TABLES_DIFFER,
        /** A category, item or code named by no data and no default: {what, code}; suggestion: the code meant. */
        UNKNOWN_CODE,
        /** A file of a rules folder that DutyKit does not read: {file}; suggestion: the name meant. */
        UNREAD_FILE,
        /** A message key for a rule that does not exist: {key, rule id}; suggestion: the rule id meant. */
        MESSAGE_UNKNOWN_RULE,
        /** A message key with a suffix other than .title or .description: {key}; suggestion: the key meant. */
        MESSAGE_UNKNOWN_SUFFIX,
        /** A placeholder the rule's arguments cannot fill: {key, placeholder, count, argument names}. */
        MESSAGE_PLACEHOLDER,
        /** A message that is not a valid pattern: {key, detail}. */
        MESSAGE_MALFORMED,
        /** A single apostrophe, which hides what follows: {key}. */
        MESSAGE_APOSTROPHE,
        /** A company rule without a message in either file: {rule, file, Chinese file}. */
        MESSAGE_MISSING,
        /** A company rule with a message but no title in either file: {rule, file, Chinese file}. */
        TITLE_MISSING
    }

    public ProcedureProblem {
        Checks.required(level, "level");
        Checks.required(source, "source");
        Checks.required(kind, "kind");
        arguments = List.copyOf(arguments);
        suggestion = suggestion == null || suggestion.isBlank() ? null : suggestion;
    }

    /** A problem about a whole line (or, at line 0, a whole file), without a suggestion. */
    public ProcedureProblem(Level level, String source, int line, Kind kind, List<String> arguments) {
        this(level, source, line, 0, kind, arguments, null);
    }

    static ProcedureProblem error(String source, int line, Kind kind, Object... arguments) {
        return new ProcedureProblem(Level.ERROR, source, line, 0, kind, texts(arguments), null);
    }

    static ProcedureProblem warning(String source, int line, Kind kind, Object... arguments) {
        return new ProcedureProblem(Level.WARNING, source, line, 0, kind, texts(arguments), null);
    }

    /** An error at a place of a file. */
    public static ProcedureProblem error(
            String source, int line, int column, Kind kind, String suggestion, Object... arguments) {
        return new ProcedureProblem(Level.ERROR, source, line, column, kind, texts(arguments), suggestion);
    }

    /** A warning at a place of a file. */
    public static ProcedureProblem warning(
            String source, int line, int column, Kind kind, String suggestion, Object... arguments) {
        return new ProcedureProblem(Level.WARNING, source, line, column, kind, texts(arguments), suggestion);
    }

    private static List<String> texts(Object... arguments) {
        return java.util.Arrays.stream(arguments).map(String::valueOf).toList();
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** This problem at another level (a reader's warning a stricter loader refuses). */
    public ProcedureProblem at(Level other) {
        return new ProcedureProblem(other, source, line, column, kind, arguments, suggestion);
    }

    /** The problem in the locale's language (Chinese for {@code zh}, else English), naming where it is. */
    public String message(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String where = bundle.getString(line <= 0 ? "where.file" : column > 0 ? "where.column" : "where.line");
        return MessageFormat.format(where, source, Integer.toString(line), Integer.toString(column))
                + what(bundle, locale);
    }

    /** What is wrong, without where: for a list that shows file and line in columns of its own. */
    public String what(Locale locale) {
        return what(bundle(locale), locale);
    }

    private String what(ResourceBundle bundle, Locale locale) {
        String text = new MessageFormat(bundle.getString(kind.name()), locale).format(arguments.toArray());
        return suggestion == null ? text : text + MessageFormat.format(bundle.getString("suggestion"), suggestion);
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
