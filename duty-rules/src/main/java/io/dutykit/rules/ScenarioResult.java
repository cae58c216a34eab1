package io.dutykit.rules;

import java.util.List;

/**
 * The outcome of one rule scenario.
 *
 * @param file the scenario file, relative to the scenario folder
 * @param missing expected violations that were not found, as {@code RULE subject}
 * @param extra violations found that were not expected, as {@code RULE subject}
 * @param error why the scenario could not run (a malformed file or dataset), or null
 */
public record ScenarioResult(String file, String name, List<String> missing, List<String> extra, String error) {
    public ScenarioResult {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
    }

    public boolean passed() {
        return error == null && missing.isEmpty() && extra.isEmpty();
    }

    /** One line for a console: {@code PASS name} or {@code FAIL name: missing […]; extra […]}. */
    public String line() {
        if (passed()) {
            return "PASS " + file + " — " + name;
        }
        if (error != null) {
            return "FAIL " + file + " — " + error;
        }
        StringBuilder b = new StringBuilder("FAIL " + file + " — " + name + ":");
        if (!missing.isEmpty()) {
            b.append(" missing ").append(missing);
        }
        if (!extra.isEmpty()) {
            b.append(missing.isEmpty() ? "" : ";").append(" extra ").append(extra);
        }
        return b.toString();
    }
}
