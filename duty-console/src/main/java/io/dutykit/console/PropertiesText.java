package io.dutykit.console;

import io.dutykit.core.procedure.ParameterFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes values in the text of a {@code .properties} file the way a person would in a text editor:
 * the line of a key keeps its indentation, key, separator and spacing and gets the new value; every
 * other line — comments, blank lines, other keys, their order — stays as it was, with the file's line
 * breaks. A key the file does not give is added at its end (under a comment, when one is given); a key
 * removed loses its line. The file is read by the one reader of such files ({@link ParameterFile}), so
 * a key is found exactly where DutyKit finds it (a key given twice: its last line, the one in effect).
 */
final class PropertiesText {
    private PropertiesText() {}

    /** A value to set: the key, its new value, and the comment to put above it if it must be added. */
    record Setting(String key, String value, String comment) {}

    /**
     * The text with the settings made and the keys removed.
     *
     * @param text the file's text ("" for a file that does not exist yet)
     * @param settings the values to set, in the order new keys are added
     * @param removed the keys whose lines go
     */
    static String edit(String text, List<Setting> settings, List<String> removed) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\n", -1)));
        boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        Map<String, ParameterFile.Entry> entries = new LinkedHashMap<>();
        ParameterFile.parse(text, "edit").entries().forEach(e -> entries.put(e.key(), e));
        // the lines each entry takes (a value continued with a trailing backslash takes several)
        Map<Integer, String> replace = new LinkedHashMap<>();
        List<Setting> added = new ArrayList<>();
        for (Setting s : settings) {
            ParameterFile.Entry entry = entries.get(s.key());
            if (entry == null) {
                added.add(s);
                continue;
            }
            String first = lines.get(entry.line() - 1);
            int prefix =
                    entry.valueColumn() > 0 && entry.valueColumn() - 1 <= first.length() ? entry.valueColumn() - 1 : -1;
            String line = prefix >= 0 && !continues(first)
                    ? first.substring(0, prefix) + escapeValue(s.value())
                    : escapeKey(s.key()) + "=" + escapeValue(s.value());
            replace.put(entry.line(), line);
        }
        List<Integer> drop = new ArrayList<>();
        for (String key : removed) {
            ParameterFile.Entry entry = entries.get(key);
            if (entry != null) {
                drop.add(entry.line());
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            int last = lastLine(lines, i);
            if (replace.containsKey(number)) {
                out.add(replace.get(number));
                i = last;
            } else if (drop.contains(number)) {
                i = last;
            } else {
                out.add(lines.get(i));
            }
        }
        if (!added.isEmpty()) {
            if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
                out.add("");
            }
            for (Setting s : added) {
                if (s.comment() != null && !s.comment().isBlank()) {
                    out.add("# " + s.comment().replaceAll("[\\r\\n]+", " "));
                }
                out.add(escapeKey(s.key()) + "=" + escapeValue(s.value()));
            }
        }
        return String.join(newline, out) + (out.isEmpty() ? "" : newline);
    }

    /** The index of the last physical line of the logical line starting at {@code first}. */
    private static int lastLine(List<String> lines, int first) {
        String line = lines.get(first).stripLeading();
        if (line.startsWith("#") || line.startsWith("!")) {
            return first;
        }
        int i = first;
        while (continues(lines.get(i)) && i + 1 < lines.size()) {
            i++;
        }
        return i;
    }

    /** An odd number of backslashes at the end continues the line. */
    private static boolean continues(String line) {
        int slashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            slashes++;
        }
        return slashes % 2 == 1;
    }

    /** A value as the file writes it: backslashes doubled, line breaks and tabs escaped, leading blanks kept. */
    static String escapeValue(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\f' -> b.append("\\f");
                case ' ' -> b.append(i == 0 ? "\\ " : " ");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A key as the file writes it (the console's keys are codes and dots; anything else is escaped). */
    static String escapeKey(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '\\', '=', ':', ' ', '#', '!' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
