package io.dutykit.core;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Small argument checks shared by the domain's compact constructors. */
public final class Checks {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]+");

    private Checks() {}

    /** Returns the value, or throws naming the field when it is null. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw InvalidValueException.of("%s is required but was missing", field);
        }
        return value;
    }

    /** Returns the text, or throws naming the field when it is null or blank. */
    public static String requiredText(String value, String field) {
        if (isBlank(value)) {
            throw InvalidValueException.of("%s is required but was %s", field, value == null ? "missing" : "blank");
        }
        return value;
    }

    /** True when the text is null, empty or only white space ("blank" in SPEC section 4). */
    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A blank optional text reads as missing. */
    public static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    /** An upper-case code such as {@code WATER_LEAK} or {@code WALKIE_TALKIE}. */
    public static String code(String value, String field) {
        requiredText(value, field);
        if (!CODE.matcher(value).matches()) {
            throw InvalidValueException.of(
                    "%s (%s) must be an upper-case code of letters, digits and _ (e.g. WATER_LEAK)", field, value);
        }
        return value;
    }

    /**
     * A list of references to evidence (photos, documents; 4.2.2): none may be blank.
     *
     * @param field names the list, e.g. {@code incidents[inc-1].evidence}
     */
    public static List<String> evidence(Collection<String> references, String field) {
        List<String> list = list(references);
        for (int i = 0; i < list.size(); i++) {
            if (isBlank(list.get(i))) {
                throw InvalidValueException.of(
                        "%s[%d] is blank; expected a reference to a photo or document, such as photo:lobby-2110.jpg",
                        field, i);
            }
        }
        return list;
    }

    public static <T> List<T> list(Collection<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public static <T> Set<T> set(Collection<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    public static int notNegative(int value, String field) {
        if (value < 0) {
            throw InvalidValueException.of("%s (%d) must not be negative", field, value);
        }
        return value;
    }
}
