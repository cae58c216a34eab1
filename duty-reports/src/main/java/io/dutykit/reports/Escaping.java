package io.dutykit.reports;

/** Escapes record text for each output format: records may hold anything a person typed. */
final class Escaping {
    private Escaping() {}

    /** Text for HTML and SVG content and attribute values. */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * Text for a Markdown table cell or line: HTML is neutralised (Markdown viewers render inline
     * HTML), Markdown punctuation is backslash-escaped, and line breaks become spaces.
     */
    static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                // an underscore inside a word (WATER_LEAK) never starts emphasis in GitHub Markdown
                case '_' -> out.append(insideWord(text, i) ? "_" : "\\_");
                case '\\', '`', '*', '[', ']', '|', '#', '!', '~' ->
                    out.append('\\').append(c);
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static boolean insideWord(String text, int i) {
        return i > 0
                && i < text.length() - 1
                && Character.isLetterOrDigit(text.charAt(i - 1))
                && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /**
     * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
     * spreadsheet would run as a formula ({@code = + - @} first) is prefixed with {@code '}.
     */
    static String csv(String text, boolean isText) {
        if (text == null) {
            return "";
        }
        String value = text;
        if (isText && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
