package io.dutykit.console;

import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.IncidentThresholdTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a compliance officer has changed in the console and not saved yet: values of parameters, the
 * threshold table, company rules' texts and severities. Only the changes are kept, never whole files,
 * so a save applies them to the files as they are on disk then ({@link Edits}). Immutable: an edit
 * makes a new draft, which is kept only when it is valid.
 *
 * @param parameters key → the value to write
 * @param removedParameters keys whose line the save removes (a rule's own weight taken away)
 * @param thresholds the whole table to write, or null when it is not changed
 * @param thresholdBase the table on disk when the officer started changing it (a save refuses to
 *     overwrite a table changed on disk since), or null
 * @param english key of {@code messages.properties} → its text ("" removes the key)
 * @param chinese key of {@code messages_zh.properties} → its text ("" removes the key)
 * @param severities rule id → the severity its {@code @severity} label gets
 */
record Draft(
        Map<String, String> parameters,
        Set<String> removedParameters,
        List<IncidentThresholdTable.Threshold> thresholds,
        IncidentThresholdTable thresholdBase,
        Map<String, String> english,
        Map<String, String> chinese,
        Map<String, ViolationSeverity> severities) {

    static final Draft EMPTY = new Draft(Map.of(), Set.of(), null, null, Map.of(), Map.of(), Map.of());

    Draft {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        removedParameters = Collections.unmodifiableSet(new LinkedHashSet<>(removedParameters));
        thresholds = thresholds == null ? null : List.copyOf(thresholds);
        english = Collections.unmodifiableMap(new LinkedHashMap<>(english));
        chinese = Collections.unmodifiableMap(new LinkedHashMap<>(chinese));
        severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
    }

    boolean isEmpty() {
        return parameters.isEmpty()
                && removedParameters.isEmpty()
                && thresholds == null
                && english.isEmpty()
                && chinese.isEmpty()
                && severities.isEmpty();
    }

    Draft withParameters(Map<String, String> values, Set<String> removed) {
        return new Draft(values, removed, thresholds, thresholdBase, english, chinese, severities);
    }

    Draft withThresholds(List<IncidentThresholdTable.Threshold> rows, IncidentThresholdTable base) {
        return new Draft(parameters, removedParameters, rows, rows == null ? null : base, english, chinese, severities);
    }

    Draft withMessages(Map<String, String> en, Map<String, String> zh) {
        return new Draft(parameters, removedParameters, thresholds, thresholdBase, en, zh, severities);
    }

    Draft withSeverities(Map<String, ViolationSeverity> changed) {
        return new Draft(parameters, removedParameters, thresholds, thresholdBase, english, chinese, changed);
    }
}
