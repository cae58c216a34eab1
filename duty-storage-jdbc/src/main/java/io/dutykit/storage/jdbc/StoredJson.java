package io.dutykit.storage.jdbc;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.CanonicalJson;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON text a table stores ({@code data} of the log and the query tables). Stored text is
 * written by the adapter, but anyone who can write the database can change it: text that is not a
 * readable JSON object — not JSON at all, or nested deeper than a reader follows — is always an {@link
 * InvalidValueException} naming where it was found, never an {@link Error}, so verification can name
 * the record as broken (and a command exit 3) instead of dying on it.
 */
final class StoredJson {
    private StoredJson() {}

    /** The whole object; {@code where} names the row, e.g. {@code "log record 5 (e-1) of site p"}. */
    static Map<String, Object> object(String text, String where) {
        try {
            return CanonicalJson.readObject(text);
        } catch (InvalidValueException e) {
            throw unreadable(where, e.getMessage());
        } catch (StackOverflowError e) {
            throw unreadable(where, "it is nested too deeply to read");
        }
    }

    /** Only the named top-level fields of the object (see {@link CanonicalJson#readFields}). */
    static Map<String, Object> fields(String text, Set<String> names, String where) {
        try {
            return CanonicalJson.readFields(text, names);
        } catch (InvalidValueException e) {
            throw unreadable(where, e.getMessage());
        } catch (StackOverflowError e) {
            throw unreadable(where, "it is nested too deeply to read");
        }
    }

    private static InvalidValueException unreadable(String where, String why) {
        return InvalidValueException.of("the stored data of %s is not a readable record: %s", where, why);
    }
}
