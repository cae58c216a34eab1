package io.dutykit.core.codec;

/** One object of some format being written: a {@link Codec} hands it each field's value in turn. */
public interface FieldSink {
    /** Writes the field's value (null when the record has none), as the format writes that type. */
    void write(Field<?, ?> field, Object value);
}
