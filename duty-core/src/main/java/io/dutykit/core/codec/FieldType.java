package io.dutykit.core.codec;

/**
 * What one value of a {@link Field} is. Each format (the dataset's JSON, the duty log's canonical
 * snapshot) writes and reads every type in its own way; a record's codec only says which type each
 * field has.
 */
public enum FieldType {
    /** Free text, kept exactly as written; a required one must not be blank. */
    TEXT,
    /** The record's own identifier: text that is not blank. */
    ID,
    /** The id of another record of the site (a staff member, an entry, …), see {@link Field#references()}. */
    REFERENCE,
    /** An instant: UTC with milliseconds in the log, with the site's offset in a dataset. */
    INSTANT,
    /** A date, {@code YYYY-MM-DD}. */
    DATE,
    /** A month, {@code YYYY-MM}. */
    MONTH,
    /** A time of day, {@code HH:MM}. */
    TIME_OF_DAY,
    /** A time-zone id such as {@code Asia/Shanghai}. */
    ZONE,
    /** true or false. */
    BOOLEAN,
    /** A whole number from 0 up. */
    COUNT,
    /** One of the constants of {@link Field#enumType()}, by name. */
    ENUM,
    /** A free upper-case code of letters, digits and {@code _} (an incident category, an inventory item). */
    CODE,
    /** A nested object read and written by {@link Field#codec()}. */
    OBJECT
}
