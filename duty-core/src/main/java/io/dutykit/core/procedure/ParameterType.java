package io.dutykit.core.procedure;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The kind of value a parameter holds, and how it is written in the parameters file: a number of
 * minutes, hours or seconds (read as a {@link Duration}), a whole number (a count, a number of days,
 * a weight), a time of day ({@code HH:MM}) or a comma-separated list of codes. Numbers and
 * durations have a range, checked by {@link Parameter}.
 *
 * @param <T> the Java type of a value
 */
public final class ParameterType<T> {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]+");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** A whole number of minutes, e.g. {@code handover.incomingLeadMinutes=5}. */
    public static final ParameterType<Duration> MINUTES = duration("minutes", "分钟", ChronoUnit.MINUTES);
    /** A whole number of hours, e.g. {@code requests.helpRequestCloseHours=24}. */
    public static final ParameterType<Duration> HOURS = duration("hours", "小时", ChronoUnit.HOURS);
    /** A whole number of seconds, e.g. {@code live.maxClockSkewSeconds=30}. */
    public static final ParameterType<Duration> SECONDS = duration("seconds", "秒", ChronoUnit.SECONDS);
    /** A whole number of things: rings, spot checks. */
    public static final ParameterType<Integer> COUNT = whole("count", "次数");
    /** A whole number of days. */
    public static final ParameterType<Integer> DAYS = whole("days", "天");
    /** Staff-evaluation points a violation costs (4.4). */
    public static final ParameterType<Integer> WEIGHT = whole("weight", "扣分");
    /** A site-local time of day, {@code HH:MM}. */
    public static final ParameterType<LocalTime> TIME_OF_DAY =
            new ParameterType<>("time of day", "时刻", LocalTime.class, ParameterType::time, HH_MM::format, null);
    /** Upper-case codes separated by commas, e.g. {@code FIRE,FLOOD}; empty means none. */
    public static final ParameterType<Set<String>> CODE_LIST =
            new ParameterType<>("code list", "代码列表", Set.class, ParameterType::codes, s -> String.join(",", s), null);

    private final String name;
    private final String nameZh;
    private final Class<?> valueClass;
    private final Parser<T> parser;
    private final Function<T, String> formatter;
    /** The value as a whole number in its unit, for range checks; null when the type has no range. */
    private final Function<T, Long> magnitude;

    /** Reads a value; throws {@link Invalid} naming the kind of problem and, for a list, the item. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text);
    }

    /** A text that is not a value of the type. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final ProcedureProblem.Kind kind;
        final String item;

        Invalid(ProcedureProblem.Kind kind, String item) {
            super(kind + " " + item, null, false, false);
            this.kind = kind;
            this.item = item;
        }
    }

    private ParameterType(
            String name,
            String nameZh,
            Class<?> valueClass,
            Parser<T> parser,
            Function<T, String> formatter,
            Function<T, Long> magnitude) {
        this.name = name;
        this.nameZh = nameZh;
        this.valueClass = valueClass;
        this.parser = parser;
        this.formatter = formatter;
        this.magnitude = magnitude;
    }

    private static ParameterType<Duration> duration(String name, String nameZh, ChronoUnit unit) {
        return new ParameterType<>(
                name,
                nameZh,
                Duration.class,
                text -> Duration.of(wholeNumber(text), unit),
                d -> Long.toString(d.toSeconds() / unit.getDuration().toSeconds()),
                d -> d.toSeconds() / unit.getDuration().toSeconds());
    }

    private static ParameterType<Integer> whole(String name, String nameZh) {
        return new ParameterType<>(
                name,
                nameZh,
                Integer.class,
                text -> {
                    long value = wholeNumber(text);
                    if (value > Integer.MAX_VALUE) {
                        throw new Invalid(ProcedureProblem.Kind.NOT_A_WHOLE_NUMBER, text);
                    }
                    return (int) value;
                },
                String::valueOf,
                Integer::longValue);
    }

    /** A whole number; a minus sign is read so that the range check can name the value. */
    private static long wholeNumber(String text) {
        if (!text.matches("-?[0-9]{1,12}")) {
            throw new Invalid(ProcedureProblem.Kind.NOT_A_WHOLE_NUMBER, text);
        }
        return Long.parseLong(text);
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(ProcedureProblem.Kind.NOT_A_TIME, text);
        }
    }

    private static Set<String> codes(String text) {
        Set<String> codes = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String code = part.strip();
            if (code.isEmpty()) {
                continue;
            }
            if (!CODE.matcher(code).matches()) {
                throw new Invalid(ProcedureProblem.Kind.NOT_A_CODE, code);
            }
            codes.add(code);
        }
        return Collections.unmodifiableSet(codes);
    }

    /** The type's name in English ({@code minutes}, {@code time of day}, …). */
    public String name() {
        return name;
    }

    /** The type's name in Chinese. */
    public String nameZh() {
        return nameZh;
    }

    /** The Java class of a value ({@link Duration}, {@link Integer}, {@link LocalTime}, {@link Set}). */
    public Class<?> valueClass() {
        return valueClass;
    }

    /** True for the types with a range: durations and whole numbers. */
    public boolean hasRange() {
        return magnitude != null;
    }

    /** True when an empty value is a value of the type (an empty list), not a missing one. */
    public boolean allowsEmpty() {
        return this == CODE_LIST;
    }

    T parse(String text) {
        return parser.parse(text);
    }

    /** The value as written in the parameters file. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** The value as a whole number in the type's unit (minutes, hours, …); only for types with a range. */
    long magnitude(T value) {
        return magnitude.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
