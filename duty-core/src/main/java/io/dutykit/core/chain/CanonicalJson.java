package io.dutykit.core.chain;

import io.dutykit.core.InvalidValueException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text form that DutyKit hashes (documented in docs/log-integrity.md): JSON with object
 * keys sorted by their UTF-16 code units, no white space, integers without fraction, strings escaped
 * only where JSON requires it ({@code "}, {@code \}, control characters as {@code \}{@code uXXXX}
 * lower-case), encoded as UTF-8. Instants are written as UTC text with exactly three fraction digits,
 * e.g. {@code 2026-11-02T09:25:00.000Z}.
 *
 * <p>Values are {@code null}, {@link String}, {@link Boolean}, {@link Integer}, {@link Long}, {@link
 * List} and {@link Map} with string keys.
 *
 * <p>Hostile text is refused with a {@link CanonicalJsonException}, never a {@link StackOverflowError}
 * or a silently replaced character: arrays and objects nest at most {@link #MAX_DEPTH} deep (reading
 * and writing), and text must be valid Unicode — an unpaired UTF-16 surrogate has no UTF-8 bytes, and
 * {@link String#getBytes} would write it as {@code ?}, so {@code ?} and the surrogate would hash alike.
 */
public final class CanonicalJson {
    /**
     * How deep arrays and objects may nest, counting the outermost as 1. DutyKit's records nest a few
     * levels (a checkpoint's carried snapshots about six); deeper text is refused as {@link
     * CanonicalJsonException.Problem#TOO_DEEP}, so no input can exhaust the stack.
     */
    public static final int MAX_DEPTH = 100;

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private CanonicalJson() {}

    /** The canonical text of an instant, or null. */
    public static String instant(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        if (millis.getEpochSecond() < 0 || millis.getEpochSecond() >= LAST_FOUR_DIGIT_YEAR) {
            return INSTANT.format(millis);
        }
        // Instant.toString writes no fraction for whole seconds and exactly three digits for milliseconds
        String text = millis.toString();
        return millis.getNano() == 0 ? text.substring(0, text.length() - 1) + ".000Z" : text;
    }

    /**
     * The instant written in exactly the canonical form ({@code 2026-11-02T09:25:00.000Z}, a valid date
     * and time), read without a {@link DateTimeFormatter}; null for any other text, which callers then
     * parse as they always did.
     */
    public static Instant canonicalInstant(String text) {
        if (text == null
                || text.length() != 24
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(19) != '.'
                || text.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || millis < 0) {
            return null;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second, millis * 1_000_000L);
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** 10000-01-01T00:00:00Z: later instants are written with a sign by Instant.toString. */
    private static final long LAST_FOUR_DIGIT_YEAR = 253402300800L;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(CanonicalJson::newSha256);

    /**
     * The canonical text of the value.
     *
     * @throws CanonicalJsonException naming the field, for text with an unpaired surrogate or a value
     *     nested deeper than {@link #MAX_DEPTH}
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out, 1);
        return out.toString();
    }

    /** The canonical bytes of the value: {@link #write}, in UTF-8. */
    public static byte[] bytes(Object value) {
        return utf8(write(value), null);
    }

    /** The SHA-256 of the UTF-8 bytes of the text, which must be valid Unicode ({@link #utf8}). */
    public static String sha256Hex(String text) {
        return sha256Hex(utf8(text, null));
    }

    /**
     * The UTF-8 bytes of the text, strictly: an unpaired surrogate is refused rather than written as
     * {@code ?} as {@link String#getBytes} would. Every other text gives exactly the bytes {@code
     * getBytes(UTF_8)} gives, so valid text hashes as it always did.
     *
     * @param field named in the error (e.g. {@code data}), or null
     * @throws CanonicalJsonException ({@link CanonicalJsonException.Problem#UNPAIRED_SURROGATE}) naming
     *     the field and the position of the surrogate
     */
    public static byte[] utf8(String text, String field) {
        requireValidUnicode(text, field);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Refuses text with an unpaired surrogate, as {@link #utf8} does, without encoding it.
     *
     * @throws CanonicalJsonException naming the field and the position of the surrogate
     */
    public static void requireValidUnicode(String text, String field) {
        int at = unpairedSurrogate(text);
        if (at >= 0) {
            throw unpaired(text, at, field);
        }
    }

    /**
     * The index of the first unpaired surrogate of the text (a high surrogate not followed by a low one,
     * or a low one alone), or -1 when it is valid Unicode and so has UTF-8 bytes.
     */
    public static int unpairedSurrogate(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static CanonicalJsonException unpaired(String text, int at, String field) {
        return new CanonicalJsonException(
                CanonicalJsonException.Problem.UNPAIRED_SURROGATE,
                field,
                String.format(
                        "the text holds an unpaired surrogate U+%04X at character %d, which has no UTF-8 form;"
                                + " expected valid Unicode text (a character above U+FFFF is a high surrogate"
                                + " followed by a low one)",
                        (int) text.charAt(at), at));
    }

    private static CanonicalJsonException tooDeep(String what) {
        return new CanonicalJsonException(
                CanonicalJsonException.Problem.TOO_DEEP,
                null,
                what + " nests arrays and objects more than " + MAX_DEPTH
                        + " deep; DutyKit's records nest a few levels, so this is not one of them");
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** A SHA-256 digest, reset, owned by the calling thread: use it before calling anything else that hashes. */
    public static MessageDigest sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Instant instant) {
            string(instant(instant), out);
        } else if (value instanceof Map<?, ?> map) {
            if (depth > MAX_DEPTH) {
                throw tooDeep("the value");
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, ?> entry : sorted(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                try {
                    string(entry.getKey(), out);
                    out.append(':');
                    write(entry.getValue(), out, depth + 1);
                } catch (CanonicalJsonException e) {
                    throw e.under(entry.getKey());
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (depth > MAX_DEPTH) {
                throw tooDeep("the value");
            }
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                try {
                    write(list.get(i), out, depth + 1);
                } catch (CanonicalJsonException e) {
                    throw e.under("[" + i + "]");
                }
            }
            out.append(']');
        } else {
            throw InvalidValueException.of(
                    "cannot write a %s in canonical JSON; use text, integers, booleans, lists or maps",
                    value.getClass().getSimpleName());
        }
    }

    /**
     * Reads JSON text (canonical or not) into the values {@link #write} takes: objects as {@link
     * LinkedHashMap}, arrays as {@link ArrayList}, integers as {@link Long}. Numbers with a fraction or
     * exponent are refused: DutyKit's records hold none.
     *
     * @throws CanonicalJsonException when the text is not such JSON (the message names the offset),
     *     nests deeper than {@link #MAX_DEPTH}, or escapes an unpaired surrogate ({@code \}{@code ud800})
     */
    public static Object read(String text) {
        Parser parser = new Parser(text);
        parser.space();
        Object value = parser.value();
        parser.space();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    /** Reads a JSON object; see {@link #read}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String text) {
        Object value = read(text);
        if (!(value instanceof Map<?, ?>)) {
            throw malformed("expected a JSON object but read " + abbreviated(String.valueOf(value)));
        }
        return (Map<String, Object>) value;
    }

    /**
     * Reads only the named top-level fields of a JSON object (canonical or not), skipping every other
     * value without building it: for callers that need a record's key fields, not its whole state. The
     * whole text is still checked as {@link #read} checks it.
     *
     * @return the named fields that are present, in the order they appear, values as {@link #read} gives
     * @throws CanonicalJsonException when the text is not such a JSON object (as {@link #read})
     */
    public static Map<String, Object> readFields(String text, java.util.Set<String> names) {
        Parser parser = new Parser(text);
        parser.space();
        if (parser.pos >= parser.text.length() || parser.text.charAt(parser.pos) != '{') {
            throw malformed("expected a JSON object but read " + abbreviated(String.valueOf(text)));
        }
        Map<String, Object> fields = parser.object(names);
        parser.space();
        if (parser.pos != parser.text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return fields;
    }

    private static CanonicalJsonException malformed(String message) {
        return new CanonicalJsonException(CanonicalJsonException.Problem.MALFORMED, null, message);
    }

    /** At most 40 characters of the text, for a message. */
    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static final class Parser {
        private final String text;
        private int pos;
        /** How many arrays and objects enclose {@link #pos}. */
        private int depth;

        Parser(String text) {
            this.text = text == null ? "" : text;
        }

        /** Where the next back-slash is (text length when there is none), found once per stretch of text. */
        private int backslash = -1;

        /**
         * The closing quote of the string that starts at {@code pos} when no escape comes before it, else
         * -1 (and for an unterminated string): the common case found by two vectorised searches.
         */
        private int plainEnd() {
            int quote = text.indexOf('"', pos);
            if (quote < 0) {
                return -1;
            }
            if (backslash < pos) {
                int next = text.indexOf('\\', pos);
                backslash = next < 0 ? text.length() : next;
            }
            return backslash > quote ? quote : -1;
        }

        CanonicalJsonException error(String what) {
            return malformed(String.format("malformed JSON at offset %d: %s", pos, what));
        }

        /** Enters an array or object at {@link #pos}; refused beyond {@link #MAX_DEPTH}. */
        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw new CanonicalJsonException(
                        CanonicalJsonException.Problem.TOO_DEEP,
                        null,
                        String.format(
                                "malformed JSON at offset %d: arrays and objects nest more than %d deep;"
                                        + " DutyKit's records nest a few levels, so this is not one of them",
                                pos, MAX_DEPTH));
            }
        }

        void space() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        Object value() {
            if (pos >= text.length()) {
                throw error("unexpected end of text");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    enter();
                    Map<String, Object> map = object();
                    depth--;
                    return map;
                case '[':
                    enter();
                    List<Object> list = array();
                    depth--;
                    return list;
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        /** Passes over one value, checking it as {@link #value} would, without building it. */
        private void skip() {
            if (pos >= text.length()) {
                throw error("unexpected end of text");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{' -> {
                    enter();
                    pos++;
                    space();
                    if (pos < text.length() && text.charAt(pos) == '}') {
                        pos++;
                        depth--;
                        return;
                    }
                    while (true) {
                        space();
                        if (pos >= text.length() || text.charAt(pos) != '"') {
                            throw error("expected a quoted key");
                        }
                        skipString();
                        space();
                        expect(':');
                        space();
                        skip();
                        space();
                        if (pos < text.length() && text.charAt(pos) == ',') {
                            pos++;
                            continue;
                        }
                        expect('}');
                        depth--;
                        return;
                    }
                }
                case '[' -> {
                    enter();
                    pos++;
                    space();
                    if (pos < text.length() && text.charAt(pos) == ']') {
                        pos++;
                        depth--;
                        return;
                    }
                    while (true) {
                        space();
                        skip();
                        space();
                        if (pos < text.length() && text.charAt(pos) == ',') {
                            pos++;
                            continue;
                        }
                        expect(']');
                        depth--;
                        return;
                    }
                }
                case '"' -> skipString();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            }
        }

        /** Passes over a string, checking its escapes as {@link #string} does. */
        private void skipString() {
            pos++;
            int quote = plainEnd();
            if (quote >= 0) {
                pos = quote + 1;
                return;
            }
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return;
                }
                if (c != '\\') {
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                if (e == 'u') {
                    escapedUnit(null);
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw error("unknown escape \\" + e);
                }
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
            return value;
        }

        private Map<String, Object> object() {
            return object(null);
        }

        /** An object; with {@code names} not null only those keys are kept and other values are skipped. */
        private Map<String, Object> object(java.util.Set<String> names) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            space();
            if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                return map;
            }
            while (true) {
                space();
                if (pos >= text.length() || text.charAt(pos) != '"') {
                    throw error("expected a quoted key");
                }
                String key = string();
                space();
                expect(':');
                space();
                if (names == null || names.contains(key)) {
                    map.put(key, value());
                } else {
                    skip();
                }
                space();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return map;
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            space();
            if (pos < text.length() && text.charAt(pos) == ']') {
                pos++;
                return list;
            }
            while (true) {
                space();
                list.add(value());
                space();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return list;
            }
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        /**
         * Reads the four hex digits of a {@code \}{@code u} escape at {@link #pos} (appending the code
         * unit to {@code out} when not null); a high surrogate must be followed by an escaped low one,
         * and a low surrogate may not come alone.
         */
        private void escapedUnit(StringBuilder out) {
            char unit = hexUnit();
            if (Character.isLowSurrogate(unit)) {
                throw unpairedEscape(unit);
            }
            if (Character.isHighSurrogate(unit)) {
                if (!text.startsWith("\\u", pos)) {
                    throw unpairedEscape(unit);
                }
                pos += 2;
                char low = hexUnit();
                if (!Character.isLowSurrogate(low)) {
                    throw unpairedEscape(unit);
                }
                if (out != null) {
                    out.append(unit).append(low);
                }
                return;
            }
            if (out != null) {
                out.append(unit);
            }
        }

        private char hexUnit() {
            if (pos + 4 > text.length()) {
                throw error("short \\u escape");
            }
            int unit;
            try {
                unit = Integer.parseInt(text, pos, pos + 4, 16);
            } catch (NumberFormatException ex) {
                throw error("bad \\u escape");
            }
            if (text.charAt(pos) == '+' || text.charAt(pos) == '-') {
                throw error("bad \\u escape");
            }
            pos += 4;
            return (char) unit;
        }

        private CanonicalJsonException unpairedEscape(char unit) {
            return new CanonicalJsonException(
                    CanonicalJsonException.Problem.UNPAIRED_SURROGATE,
                    null,
                    String.format(
                            "malformed JSON at offset %d: \\u%04x is an unpaired surrogate, which no UTF-8 text"
                                    + " holds; expected valid Unicode text",
                            pos, (int) unit));
        }

        private String string() {
            pos++;
            // most strings hold no escape: take them as they stand
            int quote = plainEnd();
            if (quote >= 0) {
                String plain = text.substring(pos, quote);
                pos = quote + 1;
                return plain;
            }
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> escapedUnit(out);
                    default -> throw error("unknown escape \\" + e);
                }
            }
        }

        private Long number() {
            int start = pos;
            if (pos < text.length() && text.charAt(pos) == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && ".eE".indexOf(text.charAt(pos)) >= 0) {
                throw error("numbers with a fraction or exponent are not used in DutyKit records");
            }
            String digits = text.substring(start, pos);
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException ex) {
                pos = start;
                throw error("expected a value");
            }
        }
    }

    private static Map<String, ?> sorted(Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw InvalidValueException.of("canonical JSON keys must be text, not %s", entry.getKey());
            }
            sorted.put(key, entry.getValue());
        }
        return sorted;
    }

    /**
     * Appends the canonical text of a string (quoted and escaped) to {@code out}.
     *
     * @throws CanonicalJsonException for text with an unpaired surrogate
     */
    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c)
                                && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(++i));
                        } else {
                            throw unpaired(text, i, null);
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
