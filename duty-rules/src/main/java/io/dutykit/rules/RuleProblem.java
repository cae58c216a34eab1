package io.dutykit.rules;

import io.dutykit.core.procedure.ProcedureProblem;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One problem found in a rules folder or a rule scenario: where it is, what kind it is, what to do
 * about it in English and Chinese, and the name probably meant. What {@code duty rules validate} and
 * {@code duty rules test} print and what a console shows beside a field.
 *
 * @param file the file, relative to the folder (e.g. {@code night-patrol.drl})
 * @param line the 1-based line (a spreadsheet's row), or 0 when the problem is about the whole file
 * @param column the 1-based column on the line, or 0 when the problem is about the whole line
 * @param kind a stable code of what is wrong, e.g. {@code UNKNOWN_KEY}, {@code RULE_BAD_SEVERITY}, {@code
 *     ENGINE_SYNTAX}: the kinds of the core's {@link ProcedureProblem.Kind} and those of this module's
 *     {@code problems.properties}
 * @param message in words a non-programmer can act on (English), the suggestion included
 * @param messageZh the same in Chinese
 * @param suggestion the name probably meant ("did you mean"), or null
 */
public record RuleProblem(
        Level level,
        String file,
        int line,
        int column,
        String kind,
        String message,
        String messageZh,
        String suggestion) {
    private static final String BUNDLE = "io.dutykit.rules.problems";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** How serious a problem is: an error stops the rules from loading, a warning does not. */
    public enum Level {
        ERROR,
        WARNING
    }

    public RuleProblem {
        io.dutykit.core.Checks.required(level, "level");
        io.dutykit.core.Checks.required(file, "file");
        io.dutykit.core.Checks.required(kind, "kind");
        io.dutykit.core.Checks.required(message, "message");
        messageZh = messageZh == null ? message : messageZh;
    }

    /** A problem whose message has one language only (the rules engine's own). */
    public RuleProblem(Level level, String file, int line, String message) {
        this(level, file, line, 0, "ENGINE_OTHER", message, message, null);
    }

    /** A problem of one of this module's kinds, its message read from the bundles in both languages. */
    static RuleProblem of(
            Level level, String file, int line, int column, String kind, String suggestion, Object... arguments) {
        return new RuleProblem(
                level,
                file,
                line,
                column,
                kind,
                text(Locale.ENGLISH, kind, suggestion, arguments),
                text(Locale.SIMPLIFIED_CHINESE, kind, suggestion, arguments),
                suggestion);
    }

    /** A problem of the core's procedure model (parameters, table, messages, file names), in file {@code file}. */
    static RuleProblem of(ProcedureProblem p, String file) {
        return new RuleProblem(
                p.isError() ? Level.ERROR : Level.WARNING,
                file,
                p.line(),
                p.column(),
                p.kind().name(),
                p.what(Locale.ENGLISH),
                p.what(Locale.SIMPLIFIED_CHINESE),
                p.suggestion());
    }

    /** This problem at another place (a decision table's row) with its message framed by the bundles' {@code frame}. */
    RuleProblem framed(int atLine, String frame, Object first) {
        return new RuleProblem(
                level,
                file,
                atLine,
                0,
                kind,
                format(Locale.ENGLISH, frame, first, message),
                format(Locale.SIMPLIFIED_CHINESE, frame, first, messageZh),
                suggestion);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** The message in the locale's language (Chinese for {@code zh}, else English). */
    public String message(Locale locale) {
        return zh(locale) ? messageZh : message;
    }

    /** {@code LEVEL FILE:LINE:COLUMN: message} in the locale's language (line and column only when known). */
    public String toString(Locale locale) {
        ResourceBundle b = bundle(locale);
        String where = MessageFormat.format(
                b.getString(line <= 0 ? "where.file" : column > 0 ? "where.column" : "where.line"),
                file,
                Integer.toString(line),
                Integer.toString(column));
        return b.getString("level." + level.name()) + " " + where + (zh(locale) ? "：" : ": ") + message(locale);
    }

    /** {@code LEVEL FILE:LINE:COLUMN: message} in English. */
    @Override
    public String toString() {
        return toString(Locale.ENGLISH);
    }

    static String text(Locale locale, String kind, String suggestion, Object... arguments) {
        ResourceBundle b = bundle(locale);
        String text = new MessageFormat(b.getString(kind), locale).format(arguments);
        return suggestion == null ? text : text + MessageFormat.format(b.getString("suggestion"), suggestion);
    }

    private static String format(Locale locale, String key, Object... arguments) {
        return new MessageFormat(bundle(locale).getString(key), locale).format(arguments);
    }

    private static boolean zh(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, RuleProblem.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }
}
