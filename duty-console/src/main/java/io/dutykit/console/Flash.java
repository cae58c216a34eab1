package io.dutykit.console;

import java.util.List;
import java.util.Map;

/**
 * What a form post hands to the page it redirects to (post/redirect/get): a notice, or — when the
 * values were refused — the values as posted and each problem beside its field.
 *
 * @param form the page the values belong to ({@code parameters}, {@code thresholds}, a rule id…)
 * @param values field name → the values posted
 * @param errors field name → the problems' messages, in the page's language
 * @param general problems that belong to no one field
 */
record Flash(
        String form,
        Map<String, List<String>> values,
        Map<String, List<String>> errors,
        List<String> general,
        String notice,
        boolean good) {

    static Flash notice(String text, boolean good) {
        return new Flash(null, Map.of(), Map.of(), List.of(), text, good);
    }

    static Flash refused(
            String form,
            Map<String, List<String>> values,
            Map<String, List<String>> errors,
            List<String> general,
            String notice) {
        return new Flash(form, Map.copyOf(values), Map.copyOf(errors), List.copyOf(general), notice, false);
    }

    /** The value posted for a field, if this flash is of that form. */
    String value(String form, String field) {
        if (!form.equals(this.form)) {
            return null;
        }
        List<String> v = values.get(field);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    List<String> values(String form, String field) {
        return form.equals(this.form) ? values.getOrDefault(field, List.of()) : null;
    }

    List<String> errors(String form, String field) {
        return form.equals(this.form) ? errors.getOrDefault(field, List.of()) : List.of();
    }
}
