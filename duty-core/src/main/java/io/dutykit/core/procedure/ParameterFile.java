package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one reader of the {@code .properties} files compliance staff edit — the parameters file, {@value
 * #NAME}, and a company's rule texts ({@link CompanyMessages}) — in UTF-8 and the {@code .properties}
 * syntax: {@code key=value}, {@code #} or {@code !} comments, a trailing {@code \} continues a line.
 * It keeps, for every key, its value, the line it was written on and the columns of key and value, and
 * collects what it could not read as {@link ProcedureProblem}s instead of stopping, so that a validator
 * can report every problem with file, line and column. A full-width colon or equals sign typed with a
 * Chinese input method ({@code key：value}) is an error, never a key. Which keys are parameters and what
 * their values mean is {@link ParameterValues}' business.
 */
public final class ParameterFile {
    /** The name of the parameters file, in the defaults and in a company's rules folder. */
    public static final String NAME = "procedure.properties";

    /**
     * One {@code key=value} of the file: the value trimmed, the line the entry starts on, the 1-based
     * columns of the key and of the value on that line (0 when given in code, not in a file).
     */
    public record Entry(String key, String value, int line, int column, int valueColumn) {
        public Entry(String key, String value, int line) {
            this(key, value, line, 0, 0);
        }
    }

    /** Characters a Chinese input method types for {@code :} and {@code =}; never a separator here. */
    private static final String FULL_WIDTH_SEPARATORS = "\uFF1A\uFF1D";

    private final String source;
    private final Map<String, Entry> entries;
    private final List<ProcedureProblem> problems;

    private ParameterFile(String source, Map<String, Entry> entries, List<ProcedureProblem> problems) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(entries);
        this.problems = List.copyOf(problems);
    }

    /** An empty file (nothing overridden). */
    public static ParameterFile empty(String source) {
        return new ParameterFile(source, new LinkedHashMap<>(), List.of());
    }

    /**
     * Reads the text of a parameters file.
     *
     * @param source where the text came from (a path), named in every problem
     */
    public static ParameterFile parse(String text, String source) {
        Checks.required(text, "text");
        Checks.required(source, "source");
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<ProcedureProblem> problems = new ArrayList<>();
        // a byte order mark starts the file (Excel, Notepad); one inside a value is the value's own
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            int first = i + 1;
            String line = stripLeading(lines[i]);
            int indent = lines[i].length() - line.length();
            i++;
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                continue;
            }
            StringBuilder logical = new StringBuilder();
            while (endsWithContinuation(line) && i < lines.length) {
                logical.append(line, 0, line.length() - 1);
                line = stripLeading(lines[i]);
                i++;
            }
            logical.append(endsWithContinuation(line) ? line.substring(0, line.length() - 1) : line);
            entry(logical.toString(), first, indent + 1, source, entries, problems);
        }
        return new ParameterFile(source, entries, problems);
    }

    private static void entry(
            String line,
            int number,
            int column,
            String source,
            Map<String, Entry> entries,
            List<ProcedureProblem> problems) {
        int keyEnd = 0;
        while (keyEnd < line.length()) {
            char c = line.charAt(keyEnd);
            if (c == '\\') {
                keyEnd += 2;
                continue;
            }
            if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                break;
            }
            keyEnd++;
        }
        keyEnd = Math.min(keyEnd, line.length());
        int valueStart = keyEnd;
        while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
            valueStart++;
        }
        if (valueStart < line.length() && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':')) {
            valueStart++;
        }
        int valueText = valueStart;
        while (valueText < line.length() && isBlank(line.charAt(valueText))) {
            valueText++;
        }
        int fullWidth = indexOfAny(line.substring(0, keyEnd), FULL_WIDTH_SEPARATORS);
        if (fullWidth > 0) {
            String before = line.substring(0, fullWidth).strip();
            problems.add(ProcedureProblem.error(
                    source,
                    number,
                    column + fullWidth,
                    ProcedureProblem.Kind.FULL_WIDTH_SEPARATOR,
                    null,
                    before,
                    String.valueOf(line.charAt(fullWidth))));
            return;
        }
        String key;
        String value;
        try {
            key = unescape(line.substring(0, keyEnd));
            value = unescape(line.substring(valueStart)).strip();
        } catch (IllegalArgumentException e) {
            String raw = line.substring(0, keyEnd);
            problems.add(ProcedureProblem.error(source, number, ProcedureProblem.Kind.MALFORMED_ESCAPE, raw));
            return;
        }
        Entry previous = entries.remove(key);
        if (previous != null) {
            problems.add(ProcedureProblem.warning(
                    source, number, ProcedureProblem.Kind.DUPLICATE_KEY, key, previous.line()));
        }
        entries.put(key, new Entry(key, value, number, column, column + valueText));
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static String stripLeading(String line) {
        int start = 0;
        while (start < line.length() && isBlank(line.charAt(start))) {
            start++;
        }
        return line.substring(start);
    }

    /** An odd number of backslashes at the end continues the line. */
    private static boolean endsWithContinuation(String line) {
        int slashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            slashes++;
        }
        return slashes % 2 == 1;
    }

    /** The {@code .properties} escapes: {@code \t \n \r \f}, {@code \\uXXXX}, and {@code \x} for any other x. */
    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    String hex = text.substring(i + 1, Math.min(i + 5, text.length()));
                    if (!hex.matches("[0-9a-fA-F]{4}")) {
                        throw new IllegalArgumentException("malformed \\u escape");
                    }
                    out.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** Entries given in code (no lines), read like a file's: values trimmed. */
    static ParameterFile fromEntries(Map<String, String> values, String source) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        values.forEach((key, value) -> entries.put(key, new Entry(key, value == null ? "" : value.strip(), 0)));
        return new ParameterFile(source, entries, List.of());
    }

    /** Where the text came from. */
    public String source() {
        return source;
    }

    /** Every entry in the order of the file (a key given twice: its last value, at its last line). */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry of the key, if the file gives it. */
    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** What could not be read (errors) or looks wrong (warnings), in the order of the file. */
    public List<ProcedureProblem> problems() {
        return problems;
    }
}
