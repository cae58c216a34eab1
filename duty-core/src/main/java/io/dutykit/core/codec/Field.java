package io.dutykit.core.codec;

import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One field of a record's {@link Codec}: its name in every format (SPEC section 5), what it holds,
 * whether a dataset must give it, and how to read it from the record. A field does not change once
 * made: the modifiers return a changed copy.
 *
 * @param <R> the record the field belongs to
 * @param <V> the Java type of its value (a {@link List} or {@link Set} for a listed field)
 */
public final class Field<R, V> {
    /** How many values the field holds. */
    public enum Shape {
        /** One value, or none. */
        ONE,
        /** A list, in order; missing reads as empty. */
        LIST,
        /** A set: written in a fixed order, so the same set always gives the same text. */
        SET
    }

    // set once, by the factories and the modifiers on a fresh copy, before the field is shared
    private final String name;
    private final FieldType type;
    private final Shape shape;
    private final Function<R, V> getter;
    private boolean required;
    private String expected;
    private String listHolds;
    private Class<?> enumType;
    private Map<String, Enum<?>> constants = Map.of();
    private String example;
    private Codec<?> codec;
    private List<Class<?>> references = List.of();
    private int maxLength;
    private Object orElse;
    private Object leftOutAt;
    private boolean absentWhenEmpty;

    private Field(String name, FieldType type, Shape shape, String expected, Function<R, V> getter) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.shape = shape;
        this.expected = expected;
        this.getter = Objects.requireNonNull(getter, "getter");
        this.maxLength = type == FieldType.ID || type == FieldType.REFERENCE ? Limits.MAX_ID_LENGTH : 0;
    }

    /** A copy to change one attribute of. */
    private Field<R, V> copy() {
        Field<R, V> copy = new Field<>(name, type, shape, expected, getter);
        copy.required = required;
        copy.listHolds = listHolds;
        copy.enumType = enumType;
        copy.constants = constants;
        copy.example = example;
        copy.codec = codec;
        copy.references = references;
        copy.maxLength = maxLength;
        copy.orElse = orElse;
        copy.leftOutAt = leftOutAt;
        copy.absentWhenEmpty = absentWhenEmpty;
        return copy;
    }

    private static <R, V> Field<R, V> of(
            String name, FieldType type, Shape shape, String expected, Function<R, V> getter) {
        return new Field<>(name, type, shape, expected, getter);
    }

    // ---- single values --------------------------------------------------------------------------

    /** Free text, kept exactly as written; optional unless {@link #required()}. */
    public static <R> Field<R, String> text(String name, Function<R, String> getter) {
        return of(name, FieldType.TEXT, Shape.ONE, "text", getter);
    }

    /** The record's own id: required, not blank; {@code expected} names it, e.g. {@code "the entry id"}. */
    public static <R> Field<R, String> id(String name, Function<R, String> getter, String expected) {
        return Field.<R, String>of(name, FieldType.ID, Shape.ONE, expected, getter)
                .required();
    }

    /** A staff id of this site (optional unless {@link #required()}; blank reads as missing). */
    public static <R> Field<R, String> staff(String name, Function<R, String> getter) {
        return reference(name, getter, "a staff id", Staff.class);
    }

    /**
     * The id of another record of the site, of one of the {@code targets} types (e.g. an entry or an
     * incident); {@code expected} names it, e.g. {@code "the id of the corrected entry"}.
     */
    public static <R> Field<R, String> reference(
            String name, Function<R, String> getter, String expected, Class<?>... targets) {
        return Field.<R, String>of(name, FieldType.REFERENCE, Shape.ONE, expected, getter)
                .withReferences(List.of(targets));
    }

    public static <R> Field<R, Instant> instant(String name, Function<R, Instant> getter) {
        return of(name, FieldType.INSTANT, Shape.ONE, "an instant", getter);
    }

    public static <R> Field<R, LocalDate> date(String name, Function<R, LocalDate> getter) {
        return of(name, FieldType.DATE, Shape.ONE, "a date", getter);
    }

    public static <R> Field<R, YearMonth> month(String name, Function<R, YearMonth> getter) {
        return of(name, FieldType.MONTH, Shape.ONE, "a month", getter);
    }

    public static <R> Field<R, LocalTime> timeOfDay(String name, Function<R, LocalTime> getter) {
        return of(name, FieldType.TIME_OF_DAY, Shape.ONE, "a time of day", getter);
    }

    public static <R> Field<R, ZoneId> zone(String name, Function<R, ZoneId> getter) {
        return of(name, FieldType.ZONE, Shape.ONE, "a time-zone id", getter);
    }

    /** true or false; missing reads as false unless {@link #orElse} says otherwise. */
    public static <R> Field<R, Boolean> bool(String name, Function<R, Boolean> getter) {
        return Field.<R, Boolean>of(name, FieldType.BOOLEAN, Shape.ONE, "true or false", getter)
                .orElse(false);
    }

    /** A whole number from 0 up. */
    public static <R> Field<R, Integer> count(String name, Function<R, Integer> getter) {
        return of(name, FieldType.COUNT, Shape.ONE, "a whole number from 0 up", getter);
    }

    /** One of the constants of {@code type}, by name; {@code what} names it, e.g. {@code "an entry kind"}. */
    public static <R, E extends Enum<E>> Field<R, E> enumOf(
            String name, Function<R, E> getter, Class<E> type, String what) {
        return Field.<R, E>of(name, FieldType.ENUM, Shape.ONE, what, getter).withEnum(type);
    }

    /** A free upper-case code such as {@code example} ({@code WATER_LEAK}). */
    public static <R> Field<R, String> code(String name, Function<R, String> getter, String example) {
        Field<R, String> field = of(name, FieldType.CODE, Shape.ONE, "an upper-case code", getter);
        field.example = example;
        return field;
    }

    /** A nested object that {@code codec} reads and writes. */
    public static <R, T> Field<R, T> object(String name, Function<R, T> getter, Codec<T> codec) {
        return Field.<R, T>of(name, FieldType.OBJECT, Shape.ONE, codec.what(), getter)
                .withCodec(codec);
    }

    // ---- listed values --------------------------------------------------------------------------

    /** A list of nested objects that {@code codec} reads and writes. */
    public static <R, T> Field<R, List<T>> objects(String name, Function<R, List<T>> getter, Codec<T> codec) {
        return Field.<R, List<T>>of(name, FieldType.OBJECT, Shape.LIST, codec.what(), getter)
                .withCodec(codec);
    }

    /** A list of free texts. */
    public static <R> Field<R, List<String>> texts(String name, Function<R, List<String>> getter) {
        return of(name, FieldType.TEXT, Shape.LIST, "text", getter);
    }

    /** A list of staff ids of this site. */
    public static <R> Field<R, List<String>> staffIds(String name, Function<R, List<String>> getter) {
        return references(name, getter, "a staff id", Staff.class);
    }

    /** A list of ids of other records of the site, each of one of the {@code targets} types. */
    public static <R> Field<R, List<String>> references(
            String name, Function<R, List<String>> getter, String expected, Class<?>... targets) {
        return Field.<R, List<String>>of(name, FieldType.REFERENCE, Shape.LIST, expected, getter)
                .withReferences(List.of(targets));
    }

    /** A set of constants of {@code type}; {@code what} names one, e.g. {@code "a role"}. */
    public static <R, E extends Enum<E>> Field<R, Set<E>> enumSet(
            String name, Function<R, Set<E>> getter, Class<E> type, String what) {
        return Field.<R, Set<E>>of(name, FieldType.ENUM, Shape.SET, what, getter)
                .withEnum(type);
    }

    /** A set of dates. */
    public static <R> Field<R, Set<LocalDate>> dates(String name, Function<R, Set<LocalDate>> getter) {
        return of(name, FieldType.DATE, Shape.SET, "a date", getter);
    }

    // ---- modifiers ------------------------------------------------------------------------------

    /** A dataset must give this field (SPEC section 5, "Required fields"). */
    public Field<R, V> required() {
        Field<R, V> copy = copy();
        copy.required = true;
        return copy;
    }

    /**
     * A list a dataset must give, though it may be empty; {@code holds} says what it holds for the
     * message about a missing one, e.g. {@code "staff ids"}.
     */
    public Field<R, V> requiredList(String holds) {
        Field<R, V> copy = required();
        copy.listHolds = holds;
        return copy;
    }

    /** What one value is, in the words of an error message, e.g. {@code "a description of what was found"}. */
    public Field<R, V> expecting(String words) {
        Field<R, V> copy = copy();
        copy.expected = words;
        return copy;
    }

    /** The value the record gets when the field is missing. */
    public Field<R, V> orElse(V value) {
        Field<R, V> copy = copy();
        copy.orElse = value;
        return copy;
    }

    /** The most characters one value may have (ids and key parts; see {@link Limits}). */
    public Field<R, V> maxLength(int characters) {
        Field<R, V> copy = copy();
        copy.maxLength = characters;
        return copy;
    }

    /** A value that datasets leave out, because reading nothing gives it again (a default). */
    public Field<R, V> leftOutAt(V value) {
        Field<R, V> copy = copy();
        copy.leftOutAt = value;
        return copy;
    }

    /**
     * A field added after records were first stored (the second-round fields of 2026-12-03): every format
     * leaves it out while it holds nothing (null, or an empty list), so the log snapshots and exports of
     * records without it stay byte-identical and every stored hash still verifies (docs/log-integrity.md).
     */
    public Field<R, V> absentWhenEmpty() {
        Field<R, V> copy = copy();
        copy.absentWhenEmpty = true;
        return copy;
    }

    private Field<R, V> withEnum(Class<?> type) {
        this.enumType = type;
        this.constants = constantsOf(type);
        return this;
    }

    private Field<R, V> withCodec(Codec<?> nested) {
        this.codec = nested;
        return this;
    }

    private Field<R, V> withReferences(List<Class<?>> targets) {
        this.references = List.copyOf(targets);
        return this;
    }

    private static Map<String, Enum<?>> constantsOf(Class<?> type) {
        Map<String, Enum<?>> byName = new LinkedHashMap<>();
        for (Object constant : type.getEnumConstants()) {
            Enum<?> value = (Enum<?>) constant;
            byName.put(value.name(), value);
        }
        return Collections.unmodifiableMap(byName);
    }

    // ---- reading the description ----------------------------------------------------------------

    /** The field's name in the dataset and in the log's snapshots, e.g. {@code closedAt}. */
    public String name() {
        return name;
    }

    /** What each value is. */
    public FieldType type() {
        return type;
    }

    public Shape shape() {
        return shape;
    }

    /** True for a list or a set. */
    public boolean isListed() {
        return shape != Shape.ONE;
    }

    /** Whether a dataset must give the field. */
    public boolean isRequired() {
        return required;
    }

    /** What one value is, in the words of an error message ({@code "a staff id"}, {@code "an entry kind"}). */
    public String expected() {
        return expected;
    }

    /** What a required list holds, for the message about a missing one; null for other fields. */
    public String listHolds() {
        return listHolds;
    }

    /** The enum of an {@link FieldType#ENUM} field; null otherwise. */
    public Class<?> enumType() {
        return enumType;
    }

    /** The constant of {@link #enumType()} with this name, or null. */
    public Enum<?> constant(String constantName) {
        return constants.get(constantName);
    }

    /** The names of the constants of {@link #enumType()}, in declaration order. */
    public Set<String> constantNames() {
        return constants.keySet();
    }

    /** An example value of a {@link FieldType#CODE} field. */
    public String example() {
        return example;
    }

    /** The codec of an {@link FieldType#OBJECT} field's values; null otherwise. */
    public Codec<?> codec() {
        return codec;
    }

    /** The record types a {@link FieldType#REFERENCE} names (e.g. {@link Staff}); empty otherwise. */
    public List<Class<?>> references() {
        return references;
    }

    /** The most characters one value may have; 0 when only the record's size limits it. */
    public int maxLength() {
        return maxLength;
    }

    /** The value a record gets when the field is missing (false, 0), or null. */
    public Object orElse() {
        return orElse;
    }

    /** A value datasets leave out (a default that reading nothing gives again), or null. */
    public Object leftOutAt() {
        return leftOutAt;
    }

    /** Whether every format leaves the field out while it holds nothing ({@link #absentWhenEmpty()}). */
    public boolean isAbsentWhenEmpty() {
        return absentWhenEmpty;
    }

    /** True when {@code value} is what an {@link #absentWhenEmpty()} field leaves out: null or an empty list. */
    public boolean leavesOut(Object value) {
        return absentWhenEmpty && (value == null || (value instanceof java.util.Collection<?> c && c.isEmpty()));
    }

    /** The field's value in the record. */
    public V get(R record) {
        return getter.apply(record);
    }

    @Override
    public String toString() {
        return name;
    }
}
