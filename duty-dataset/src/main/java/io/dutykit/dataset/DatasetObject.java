package io.dutykit.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.dutykit.core.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One JSON object of a dataset at its path, read strictly: it refuses fields it does not know, and
 * each accessor refuses a missing required value or a value of the wrong shape, naming the path.
 */
final class DatasetObject {
    /** The fields an object may have, in the order error messages list them. */
    record Fields(List<String> names, Set<String> known) {
        static Fields of(String... names) {
            return new Fields(List.of(names), Set.of(names));
        }
    }

    private final JsonNode node;
    private final String path;

    private DatasetObject(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * The object at the path, refusing anything that is not an object and any field not in {@code
     * fields}.
     */
    static DatasetObject of(JsonNode node, String path, String what, Fields fields) {
        if (node == null || !node.isObject()) {
            throw StrictValues.wrongType(path, node, what + " (an object)");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!fields.known().contains(field.getKey())) {
                throw StrictValues.error(
                        StrictValues.member(path, field.getKey()),
                        "unknown field " + StrictValues.quote(field.getKey()) + " in " + what + "; expected one of "
                                + String.join(", ", fields.names()));
            }
        }
        return new DatasetObject(node, path);
    }

    String path() {
        return path;
    }

    String path(String field) {
        return StrictValues.member(path, field);
    }

    /** True when the field is present and not null. */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    private JsonNode required(String field, String expected) {
        if (!has(field)) {
            throw StrictValues.missing(path(field), expected);
        }
        return node.get(field);
    }

    /** A required id or staff reference: blank counts as missing (SPEC section 4). */
    String requiredText(String field, String expected) {
        JsonNode value = required(field, expected);
        String text = StrictValues.text(value, path(field), expected);
        if (Checks.isBlank(text)) {
            throw StrictValues.error(
                    path(field), StrictValues.show(value) + " is blank; expected " + expected + " (a required field)");
        }
        return text;
    }

    /** Optional free text, kept exactly as written (blank included); null when missing. */
    String optionalText(String field) {
        return has(field) ? StrictValues.text(node.get(field), path(field), "text") : null;
    }

    /** An optional staff id or reference: blank reads as missing. */
    String optionalId(String field, String expected) {
        return has(field) ? Checks.blankToNull(StrictValues.text(node.get(field), path(field), expected)) : null;
    }

    Instant requiredInstant(String field) {
        return StrictValues.instant(required(field, "an instant, " + StrictValues.INSTANT_EXPECTED), path(field));
    }

    Instant optionalInstant(String field) {
        return has(field) ? StrictValues.instant(node.get(field), path(field)) : null;
    }

    LocalDate requiredDate(String field) {
        return StrictValues.date(required(field, "a date, YYYY-MM-DD"), path(field));
    }

    LocalDate optionalDate(String field) {
        return has(field) ? StrictValues.date(node.get(field), path(field)) : null;
    }

    YearMonth requiredMonth(String field) {
        return StrictValues.month(required(field, "a month, YYYY-MM"), path(field));
    }

    boolean requiredBoolean(String field) {
        return StrictValues.bool(required(field, "true or false"), path(field));
    }

    boolean optionalBoolean(String field, boolean otherwise) {
        return has(field) ? StrictValues.bool(node.get(field), path(field)) : otherwise;
    }

    int requiredCount(String field) {
        return (int)
                StrictValues.integer(required(field, "a whole number from 0 up"), path(field), 0, Integer.MAX_VALUE);
    }

    Integer optionalCount(String field) {
        return has(field) ? (int) StrictValues.integer(node.get(field), path(field), 0, Integer.MAX_VALUE) : null;
    }

    long requiredLong(String field, long min) {
        return StrictValues.integer(
                required(field, "a whole number from " + min + " up"), path(field), min, Long.MAX_VALUE);
    }

    <E extends Enum<E>> E requiredEnum(String field, Class<E> type, String what) {
        return StrictValues.enumValue(required(field, what), path(field), type, what);
    }

    String requiredCode(String field, String example) {
        return StrictValues.code(required(field, "an upper-case code such as " + example), path(field), example);
    }

    /** A list that may be missing or null (then empty); anything else but a list is refused. */
    List<JsonNode> optionalList(String field) {
        if (!has(field)) {
            return List.of();
        }
        return list(field);
    }

    /** A list that must be present, though it may be empty (roles, attendees). */
    List<JsonNode> requiredList(String field, String expected) {
        required(field, "a list of " + expected + ", possibly empty");
        return list(field);
    }

    private List<JsonNode> list(String field) {
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw StrictValues.wrongType(path(field), value, "a list");
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    /** Maps each element of an optional list with its index. */
    <T> List<T> mapList(String field, BiFunction<JsonNode, String, T> mapper) {
        List<JsonNode> items = optionalList(field);
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(mapper.apply(items.get(i), path(field) + "[" + i + "]"));
        }
        return out;
    }

    /** An optional nested object, or null. */
    DatasetObject optionalObject(String field, String what, Fields fields) {
        return has(field) ? of(node.get(field), path(field), what, fields) : null;
    }

    DatasetObject requiredObject(String field, String what, Fields fields) {
        return of(required(field, what + ", an object"), path(field), what, fields);
    }
}
