package io.dutykit.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.dutykit.core.Checks;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Strict conversions of single JSON values, each refusing a bad value with a {@link DatasetException}
 * that names the path, the value and what was expected.
 */
final class StrictValues {
    static final String INSTANT_EXPECTED = "ISO-8601 with an offset such as 2026-11-02T17:25:00+08:00";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]+");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");
    private static final int MAX_SHOWN = 80;

    private StrictValues() {}

    static DatasetException error(String path, String detail) {
        return new DatasetException(path, detail);
    }

    /** {@code VALUE PROBLEM; expected EXPECTED} at the path. */
    static DatasetException invalid(String path, JsonNode value, String problem, String expected) {
        return error(path, show(value) + " " + problem + "; expected " + expected);
    }

    static DatasetException missing(String path, String expected) {
        return error(path, "missing; expected " + expected + " (a required field)");
    }

    static DatasetException wrongType(String path, JsonNode value, String expected) {
        if (value == null || value.isMissingNode()) {
            return error(path, "missing; expected " + expected);
        }
        return error(path, show(value) + " is " + typeName(value) + "; expected " + expected);
    }

    /** The value as it appeared, shortened: strings quoted, numbers and literals as written. */
    static String show(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        String text;
        if (value.isTextual()) {
            text = quote(value.textValue());
        } else if (value.isObject()) {
            text = "{…}";
        } else if (value.isArray()) {
            text = "[…]";
        } else {
            text = value.toString();
        }
        return text;
    }

    static String quote(String raw) {
        String shown = raw.length() > MAX_SHOWN ? raw.substring(0, MAX_SHOWN) + "…" : raw;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String typeName(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case NULL -> "null";
            default -> "not a JSON value";
        };
    }

    static String text(JsonNode value, String path, String expected) {
        if (!value.isTextual()) {
            throw wrongType(path, value, expected);
        }
        return value.textValue();
    }

    /** A required identifier or reference: text that is not blank. */
    static String requiredText(JsonNode value, String path, String expected) {
        String text = text(value, path, expected);
        if (Checks.isBlank(text)) {
            throw error(path, show(value) + " is blank; expected " + expected + " (a required field)");
        }
        return text;
    }

    static Instant instant(JsonNode value, String path) {
        String text = text(value, path, "an instant as text, " + INSTANT_EXPECTED);
        try {
            Instant common = commonInstant(text);
            return common != null ? common : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw invalid(path, value, "is not an instant" + reason(text), INSTANT_EXPECTED);
        }
    }

    /**
     * The usual shapes {@code 2026-11-02T17:25[:00[.123]](Z|+08:00)} parsed by hand, because datasets
     * hold many instants and {@link OffsetDateTime#parse} is slow; null for any other shape, which
     * then goes to {@link OffsetDateTime#parse}. Both accept and refuse the same values.
     */
    private static Instant commonInstant(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if ((year | month | day | hour | minute) < 0) {
            return null;
        }
        int at = 16;
        int second = 0;
        int nano = 0;
        if (at < n && s.charAt(at) == ':') {
            second = digits(s, at + 1, 2);
            if (second < 0) {
                return null;
            }
            at += 3;
            if (at < n && s.charAt(at) == '.') {
                int start = ++at;
                while (at < n && at - start < 9 && Character.isDigit(s.charAt(at))) {
                    nano = nano * 10 + (s.charAt(at) - '0');
                    at++;
                }
                if (at == start || (at < n && Character.isDigit(s.charAt(at)))) {
                    return null;
                }
                for (int i = at - start; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset;
        if (at == n - 1 && s.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == n - 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':') {
            int hours = digits(s, at + 1, 2);
            int minutes = digits(s, at + 4, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = s.charAt(at) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } else {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(offset);
    }

    /** The number written with exactly {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String reason(String text) {
        if (text.length() >= 16
                && text.charAt(10) == 'T'
                && !text.endsWith("Z")
                && text.indexOf('+', 11) < 0
                && text.indexOf('-', 11) < 0) {
            return " (it has no offset)";
        }
        return "";
    }

    static LocalDate date(JsonNode value, String path) {
        String text = text(value, path, "a date as text, YYYY-MM-DD such as 2026-11-02");
        try {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-' || (year | month | day) < 0) {
                throw new DateTimeException(text);
            }
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw invalid(path, value, "is not a valid date", "YYYY-MM-DD such as 2026-11-02");
        }
    }

    static YearMonth month(JsonNode value, String path) {
        String text = text(value, path, "a month as text, YYYY-MM such as 2026-11");
        try {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            if (text.length() != 7 || text.charAt(4) != '-' || (year | month) < 0) {
                throw new DateTimeException(text);
            }
            return YearMonth.of(year, month);
        } catch (DateTimeException e) {
            throw invalid(path, value, "is not a valid month", "YYYY-MM such as 2026-11");
        }
    }

    static LocalTime timeOfDay(JsonNode value, String path) {
        String text = text(value, path, "a time of day as text, HH:MM such as 17:30");
        try {
            if (!TIME.matcher(text).matches()) {
                throw new DateTimeException(text);
            }
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            throw invalid(path, value, "is not a time of day", "HH:MM such as 17:30");
        }
    }

    static ZoneId zone(JsonNode value, String path) {
        String expected = "a time-zone id such as Asia/Shanghai";
        String text = requiredText(value, path, expected);
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw invalid(path, value, "is not a known time-zone id", expected);
        }
    }

    static String code(JsonNode value, String path, String example) {
        String expected = "an upper-case code of letters A-Z, digits and _ such as " + example;
        String text = requiredText(value, path, expected);
        if (!CODE.matcher(text).matches()) {
            throw invalid(path, value, "is not an upper-case code", expected);
        }
        return text;
    }

    static <E extends Enum<E>> E enumValue(JsonNode value, String path, Class<E> type, String what) {
        if (value.isTextual()) {
            String text = value.textValue();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
        }
        String expected = "one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (!value.isTextual()) {
            throw wrongType(path, value, what + " as text, " + expected);
        }
        throw invalid(path, value, "is not " + what, expected);
    }

    static boolean bool(JsonNode value, String path) {
        if (!value.isBoolean()) {
            throw wrongType(path, value, "true or false");
        }
        return value.booleanValue();
    }

    static long integer(JsonNode value, String path, long min, long max) {
        String expected = "a whole number from " + min + (max >= Integer.MAX_VALUE ? " up" : " to " + max);
        if (!value.isNumber()) {
            throw wrongType(path, value, expected);
        }
        if (!value.isIntegralNumber()) {
            throw invalid(path, value, "has a fraction or exponent", expected + ", written without . or e");
        }
        BigInteger number = value.bigIntegerValue();
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid(path, value, "is out of range", expected);
        }
        return number.longValue();
    }

    /**
     * Any JSON value as a canonical-JSON value: null, String, Boolean, Integer (or Long when it does
     * not fit), List or Map; a fractional number is refused.
     */
    static Object plain(JsonNode value, String path) {
        return plain(value, path, new long[1]);
    }

    /**
     * {@link #plain(JsonNode, String)}, adding to {@code bound[0]} an upper bound of the characters the
     * value takes in the canonical form (each text at most six characters per character).
     */
    static Object plain(JsonNode value, String path, long[] bound) {
        bound[0] += 32;
        switch (value.getNodeType()) {
            case NULL:
                return null;
            case STRING:
                bound[0] += 6L * value.textValue().length();
                return value.textValue();
            case BOOLEAN:
                return value.booleanValue();
            case NUMBER:
                long number = integer(value, path, Long.MIN_VALUE, Long.MAX_VALUE);
                return number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE ? (Object) (int) number : number;
            case ARRAY:
                List<Object> list = new ArrayList<>(value.size());
                for (int i = 0; i < value.size(); i++) {
                    list.add(plain(value.get(i), path + "[" + i + "]", bound));
                }
                return Collections.unmodifiableList(list);
            case OBJECT:
                return plainObject(value, path, bound);
            default:
                throw wrongType(path, value, "a JSON value");
        }
    }

    static Map<String, Object> plainObject(JsonNode value, String path) {
        return plainObject(value, path, new long[1]);
    }

    static Map<String, Object> plainObject(JsonNode value, String path, long[] bound) {
        if (!value.isObject()) {
            throw wrongType(path, value, "an object");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            bound[0] += 6L * field.getKey().length() + 4;
            map.put(field.getKey(), plain(field.getValue(), member(path, field.getKey()), bound));
        }
        return Collections.unmodifiableMap(map);
    }

    /** {@code path.name}, or {@code path['odd name']} when the name is not a plain identifier. */
    static String member(String path, String name) {
        if (isIdentifier(name)) {
            return path + "." + name;
        }
        return path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
