package io.dutykit.core.chain;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.codec.Codec;
import io.dutykit.core.codec.Field;
import io.dutykit.core.codec.FieldSink;
import io.dutykit.core.codec.FieldSource;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The snapshot of a record that a log record carries as its {@code data}: the record's fields (its
 * {@link Codec}'s, under the names of the dataset format, SPEC section 5) as canonical-JSON values.
 * Instants are {@link CanonicalJson#instant} text (UTC, milliseconds), dates {@code YYYY-MM-DD}, months
 * {@code YYYY-MM}, times of day {@code HH:MM}, enums by name, integers as {@link Long}; every field is
 * present, missing values as null, except the fields added on 2026-12-03, which are present only when
 * they hold a value ({@link Field#absentWhenEmpty()}). Sets (roles, holidays) are written sorted so the same record always
 * gives the same bytes.
 *
 * <p>A site's snapshot holds the site's fields plus its {@code calendar} ({@code holidays},
 * {@code workdays}) nested, unlike the dataset where the calendar stands beside the site.
 */
public final class Snapshots {
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private Snapshots() {}

    /** The snapshot of any record {@link RecordKind} knows. */
    public static Map<String, Object> toData(Object record) {
        return write(RecordKind.of(record).codec(), record);
    }

    /**
     * The record a snapshot describes. Accepts what {@link #toData} writes and what a JSON reader
     * gives for it (any integral {@link Number}, instants with any offset).
     *
     * @throws InvalidValueException when a field is malformed; the message names it
     */
    public static <T> T fromData(Class<T> type, Map<String, Object> data) {
        for (RecordKind kind : RecordKind.values()) {
            if (kind.type().equals(type)) {
                return type.cast(fromData(kind, data));
            }
        }
        throw InvalidValueException.of("%s is not a record kind DutyKit stores", type.getName());
    }

    /** The record of the given kind a snapshot describes. */
    public static Object fromData(RecordKind kind, Map<String, Object> data) {
        if (data == null) {
            throw InvalidValueException.of("the snapshot of a %s record is missing", kind.listName());
        }
        return kind.codec().read(new Reader(kind.listName(), data));
    }

    /**
     * The record as it reads back from its snapshot: instants cut to milliseconds, sets in a fixed
     * order. Stores keep this form so that what they return equals what a log replay gives.
     */
    @SuppressWarnings("unchecked")
    public static <T> T normalized(T record) {
        return (T) fromData(RecordKind.of(record), toData(record));
    }

    // ---- writing -------------------------------------------------------------------------------

    private static <R> Map<String, Object> write(Codec<R> codec, Object record) {
        Writer out = new Writer();
        codec.write(codec.cast(record), out);
        return out.map;
    }

    /**
     * Writes every field, null included, as a canonical-JSON value — but a field added after records
     * were first stored only when it holds something ({@link Field#absentWhenEmpty()}).
     */
    private static final class Writer implements FieldSink {
        private final Map<String, Object> map = new LinkedHashMap<>();

        @Override
        public void write(Field<?, ?> field, Object value) {
            if (field.leavesOut(value)) {
                return;
            }
            map.put(field.name(), value == null ? null : listed(field, value));
        }

        private static Object listed(Field<?, ?> field, Object value) {
            switch (field.shape()) {
                case LIST -> {
                    List<Object> list = new ArrayList<>();
                    for (Object item : (Collection<?>) value) {
                        list.add(one(field, item));
                    }
                    return list;
                }
                case SET -> {
                    List<String> texts = new ArrayList<>();
                    for (Object item : (Collection<?>) value) {
                        texts.add((String) one(field, item));
                    }
                    Collections.sort(texts);
                    return new ArrayList<Object>(texts);
                }
                default -> {
                    return one(field, value);
                }
            }
        }

        private static Object one(Field<?, ?> field, Object value) {
            return switch (field.type()) {
                case TEXT, ID, REFERENCE, CODE, BOOLEAN -> value;
                case INSTANT -> CanonicalJson.instant((Instant) value);
                case DATE, MONTH -> value.toString();
                case TIME_OF_DAY -> time((LocalTime) value);
                case ZONE -> ((ZoneId) value).getId();
                case COUNT -> (long) (Integer) value;
                case ENUM -> ((Enum<?>) value).name();
                case OBJECT -> Snapshots.write(field.codec(), value);
            };
        }

        private static String time(LocalTime time) {
            return time.getSecond() == 0 && time.getNano() == 0 ? HOURS_MINUTES.format(time) : time.toString();
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Reads the fields of one snapshot object; errors name the path, e.g. {@code handovers.inventory[1].counted}. */
    private static final class Reader implements FieldSource {
        private final String path;
        private final Map<String, Object> data;

        Reader(String path, Map<String, Object> data) {
            this.path = path;
            this.data = data;
        }

        private InvalidValueException wrong(String field, Object value, String expected) {
            return InvalidValueException.of("%s.%s (%s) must be %s", path, field, value, expected);
        }

        @Override
        public Object read(Field<?, ?> field) {
            String name = field.name();
            Object value = data.get(name);
            if (value == null) {
                if (field.type() == io.dutykit.core.codec.FieldType.COUNT
                        && field.isRequired()
                        && field.orElse() == null) {
                    throw InvalidValueException.of("%s.%s is required but was missing", path, name);
                }
                return null;
            }
            switch (field.shape()) {
                case LIST -> {
                    List<Object> items = list(name, value);
                    List<Object> values = new ArrayList<>(items.size());
                    for (int i = 0; i < items.size(); i++) {
                        values.add(element(field, name, i, items.get(i)));
                    }
                    return values;
                }
                case SET -> {
                    Set<Object> values = new LinkedHashSet<>();
                    for (Object item : list(name, value)) {
                        if (!(item instanceof String)) {
                            throw wrong(name, item, "a list of text");
                        }
                        values.add(one(field, name, item, setExpected(field)));
                    }
                    return values;
                }
                default -> {
                    return one(field, name, value, null);
                }
            }
        }

        private List<Object> list(String name, Object value) {
            if (value instanceof List<?> list) {
                return new ArrayList<>(list);
            }
            throw wrong(name, value, "a list");
        }

        @SuppressWarnings("unchecked")
        private Object element(Field<?, ?> field, String name, int index, Object item) {
            return switch (field.type()) {
                case OBJECT -> {
                    if (!(item instanceof Map<?, ?> map)) {
                        throw wrong(name + "[" + index + "]", item, "an object");
                    }
                    yield field.codec()
                            .read(new Reader(path + "." + name + "[" + index + "]", (Map<String, Object>) map));
                }
                case TEXT, ID, REFERENCE, CODE -> {
                    if (!(item instanceof String)) {
                        throw wrong(name, item, "a list of text");
                    }
                    yield item;
                }
                default -> one(field, name, item, null);
            };
        }

        private static String setExpected(Field<?, ?> field) {
            return switch (field.type()) {
                case DATE -> "a list of dates YYYY-MM-DD";
                case ENUM -> "one of " + field.constantNames().stream().toList();
                default -> field.expected();
            };
        }

        /** One value; {@code expected} overrides what a malformed one is said to need (set elements). */
        @SuppressWarnings("unchecked")
        private Object one(Field<?, ?> field, String name, Object value, String expected) {
            switch (field.type()) {
                case BOOLEAN -> {
                    if (value instanceof Boolean) {
                        return value;
                    }
                    throw wrong(name, value, "true or false");
                }
                case COUNT -> {
                    return count(name, value);
                }
                case OBJECT -> {
                    if (value instanceof Map<?, ?> map) {
                        return field.codec().read(new Reader(path + "." + name, (Map<String, Object>) map));
                    }
                    throw wrong(name, value, "an object");
                }
                default -> {
                    // every other type is written as text
                }
            }
            if (!(value instanceof String text)) {
                throw wrong(name, value, "text");
            }
            return switch (field.type()) {
                case INSTANT -> instant(name, text);
                case DATE -> parsed(name, text, expected, "a date YYYY-MM-DD", () -> LocalDate.parse(text));
                case MONTH -> parsed(name, text, expected, "a month YYYY-MM", () -> YearMonth.parse(text));
                case TIME_OF_DAY -> parsed(name, text, expected, "a time of day HH:MM", () -> LocalTime.parse(text));
                case ZONE ->
                    parsed(name, text, expected, "a time-zone id such as Asia/Shanghai", () -> ZoneId.of(text));
                case ENUM -> {
                    Enum<?> constant = field.constant(text);
                    if (constant == null) {
                        throw wrong(
                                name,
                                text,
                                "one of " + field.constantNames().stream().toList());
                    }
                    yield constant;
                }
                default -> text;
            };
        }

        private interface Parse {
            Object run();
        }

        private Object parsed(String name, String text, String expected, String otherwise, Parse parse) {
            try {
                return parse.run();
            } catch (DateTimeException e) {
                throw wrong(name, text, expected != null ? expected : otherwise);
            }
        }

        private Instant instant(String name, String text) {
            Instant canonical = CanonicalJson.canonicalInstant(text);
            if (canonical != null) {
                return canonical;
            }
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw wrong(name, text, "an instant with an offset, e.g. 2026-11-02T09:25:00.000Z");
            }
        }

        private Integer count(String name, Object value) {
            if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
                long whole = number.longValue();
                if (whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
                    return (int) whole;
                }
            }
            throw wrong(name, value, "a whole number");
        }
    }
}
