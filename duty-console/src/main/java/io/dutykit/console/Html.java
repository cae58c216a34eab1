package io.dutykit.console;

/**
 * Builds a page's HTML. Every text is escaped on the way in ({@link #text}, {@link #attr}): nothing a
 * rules folder, a dataset or a request holds can become markup, a script or an attribute of its own.
 * Tags and attribute names are the console's own constants.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** A text with {@code & < > " '} escaped, safe inside an element and inside a quoted attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // controls other than tab and line breaks have no business on a page
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Opens an element: {@code open("td", "class", "num")}; attribute values are escaped. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** An element without content ({@code input}, {@code br}). */
    Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding one text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup the console wrote itself (never text from a file or a request). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue; // an attribute left out
            }
            out.append(' ').append(attributes[i]);
            if (!attributes[i + 1].isEmpty() || !isBoolean(attributes[i])) {
                out.append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    private static boolean isBoolean(String name) {
        return name.equals("checked")
                || name.equals("selected")
                || name.equals("required")
                || name.equals("disabled")
                || name.equals("novalidate");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
