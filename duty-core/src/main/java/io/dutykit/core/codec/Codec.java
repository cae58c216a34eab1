package io.dutykit.core.codec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * How one kind of record maps to its fields, for every format at once: the dataset's JSON (read
 * strictly and written by duty-dataset), the snapshot a log record carries (the canonical form the
 * chain hashes, docs/log-integrity.md) and so the stores. A format is an adapter: a {@link
 * FieldSource} that reads one value of each {@link FieldType}, a {@link FieldSink} that writes one.
 *
 * <p>A field is added in one place: a {@link Field} constant in the record's codec class, listed in
 * its {@link #of} call and passed to the record's constructor in its build function.
 *
 * @param <R> the record type
 */
public final class Codec<R> {
    private final Class<R> type;
    private final String what;
    private final List<Field<R, ?>> fields;
    private final List<String> names;
    private final Function<Values<R>, R> build;

    private Codec(Class<R> type, String what, List<Field<R, ?>> fields, Function<Values<R>, R> build) {
        this.type = type;
        this.what = what;
        this.fields = List.copyOf(fields);
        List<String> fieldNames = new ArrayList<>();
        for (Field<R, ?> field : fields) {
            fieldNames.add(field.name());
        }
        this.names = List.copyOf(fieldNames);
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("two fields of " + what + " share a name: " + names);
        }
        this.build = build;
    }

    /**
     * The codec of {@code type}: {@code what} names one record in messages ({@code "an entry"}), {@code
     * build} makes the record from its fields' values, {@code fields} in the order of SPEC section 5.
     */
    @SafeVarargs
    public static <R> Codec<R> of(Class<R> type, String what, Function<Values<R>, R> build, Field<R, ?>... fields) {
        return new Codec<>(type, what, List.of(fields), build);
    }

    /** The record read from {@code in}, field by field; a missing list reads as empty. */
    public R read(FieldSource in) {
        return build(values(in));
    }

    /**
     * The values read from {@code in}, field by field, before the record is built (a reader that checks
     * how fields relate looks at them first); a missing list reads as empty, another missing field as
     * its {@link Field#orElse()}.
     */
    public Values<R> values(FieldSource in) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Field<R, ?> field = fields.get(i);
            Object value = in.read(field);
            if (value == null) {
                value = switch (field.shape()) {
                    case LIST -> List.of();
                    case SET -> Set.of();
                    case ONE -> field.orElse();
                };
            }
            values[i] = value;
        }
        return new Values<>(this, values);
    }

    /**
     * The record built from values this codec read.
     *
     * @throws io.dutykit.core.InvalidValueException when the record refuses them
     */
    public R build(Values<R> values) {
        return build.apply(values);
    }

    /** Hands every field's value of {@code record} to {@code out}, in field order. */
    public void write(R record, FieldSink out) {
        for (Field<R, ?> field : fields) {
            out.write(field, field.get(record));
        }
    }

    /** The record type. */
    public Class<R> type() {
        return type;
    }

    /** One record in the words of a message: {@code "an entry"}, {@code "the site"}. */
    public String what() {
        return what;
    }

    /** {@link #what()} without its article: {@code "entry"}. */
    public String noun() {
        int space = what.indexOf(' ');
        return space < 0 ? what : what.substring(space + 1);
    }

    /** The fields, in the order of SPEC section 5. */
    public List<Field<R, ?>> fields() {
        return fields;
    }

    /** The field names, in order. */
    public List<String> fieldNames() {
        return names;
    }

    /** The field with this name, or null. */
    public Field<R, ?> field(String name) {
        int index = names.indexOf(name);
        return index < 0 ? null : fields.get(index);
    }

    /** A record the codec can write, or a {@link ClassCastException}. */
    public R cast(Object record) {
        return type.cast(record);
    }

    @Override
    public String toString() {
        return type.getSimpleName() + " codec";
    }

    /** The values read for one record, by field, for the codec's build function. */
    public static final class Values<R> {
        private final Codec<R> codec;
        private final Object[] values;

        private Values(Codec<R> codec, Object[] values) {
            this.codec = codec;
            this.values = values;
        }

        /** The value read for {@code field}, one of this codec's. */
        @SuppressWarnings("unchecked")
        public <V> V get(Field<R, V> field) {
            List<Field<R, ?>> fields = codec.fields;
            for (int i = 0; i < values.length; i++) {
                if (fields.get(i) == field) {
                    return (V) values[i];
                }
            }
            throw new IllegalArgumentException(field + " is not a field of " + codec.what);
        }
    }
}
