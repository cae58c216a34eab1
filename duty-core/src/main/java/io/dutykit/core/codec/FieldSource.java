package io.dutykit.core.codec;

/**
 * One object of some format being read (a JSON object of a dataset, a snapshot of the duty log): a
 * {@link Codec} asks it for the value of each of its fields in turn.
 */
public interface FieldSource {
    /**
     * The value of the field as the field's Java type says: a {@link java.util.List} or {@link
     * java.util.Set} for a listed field, a record for an {@link FieldType#OBJECT} field (read with
     * {@link Field#codec()}); null when the field is missing or null.
     *
     * @throws RuntimeException of the format's kind when the value is malformed; it names the field
     */
    Object read(Field<?, ?> field);
}
