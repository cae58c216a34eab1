package io.dutykit.cli;

/**
 * Text from the input (site and record ids, subjects, messages that quote values, file names) as it
 * may be printed to a terminal: every control character is escaped, so an id holding a line feed or
 * an ANSI escape sequence cannot forge or hide output lines (docs/cli.md, "Output").
 */
final class Terminal {
    private Terminal() {}

    /**
     * The text with control characters escaped: {@code \n}, {@code \r}, {@code \t} as those two
     * characters, every other C0 and C1 control, DEL, the line and paragraph separators and the
     * bidirectional-text controls as {@code \}{@code uXXXX} (ESC is {@code \}{@code u001b}). Everything
     * else, Chinese and emoji included, is kept; null prints as {@code null}.
     */
    static String safe(String text) {
        if (text == null) {
            return "null";
        }
        int i = 0;
        while (i < text.length() && !escaped(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * A message of several lines (e.g. every error of a rules folder): each line escaped as {@link
     * #safe}, the lines after the first indented, so that no line of it can pass for a line of output.
     */
    static String lines(String message) {
        if (message == null) {
            return "null";
        }
        String[] lines = message.split("\n", -1);
        StringBuilder out = new StringBuilder(message.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append(System.lineSeparator()).append("    ");
            }
            out.append(safe(lines[i]));
        }
        return out.toString();
    }

    private static boolean escaped(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
