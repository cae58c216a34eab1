package io.dutykit.console;

import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.CompanyMessages;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.Parameter;
import io.dutykit.core.procedure.ParameterFile;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.rules.RuleLabels;
import io.dutykit.rules.xlsx.ThresholdWorkbook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A draft applied to the files of the folder as they are now: the new content of every file it changes
 * — written as a person would, keeping what the draft does not touch ({@link PropertiesText}, {@link
 * ThresholdCsv}, {@link ThresholdWorkbook#write}, {@link RuleLabels#withSeverity}) — and each change
 * with its value before and after, for the save page and the audit file. Both forms of the threshold
 * table are written when both are in the folder (issue 15: they may stay side by side only while they
 * hold the same table); a folder with neither gets the CSV.
 */
final class Edits {
    private Edits() {}

    /** One change: in which file, what (a key, a row, a label), the value before and after ("" for none). */
    record Change(String file, String what, String before, String after) {}

    /**
     * The draft's files and changes, and where each field's value landed: per file, line (a
     * spreadsheet's row) → the field, so that a problem found in the file is shown beside the field.
     */
    record Result(Map<String, byte[]> files, List<Change> changes, Map<String, Map<Integer, String>> fields) {
        boolean isEmpty() {
            return files.isEmpty();
        }
    }

    /** The field of a threshold row, by its index in the table. */
    static String rowField(int index) {
        return "row:" + index;
    }

    /** The field of a rule's severity. */
    static String severityField(String rule) {
        return "severity:" + rule;
    }

    /** The field of a message key in one of the two files. */
    static String messageField(String file, String key) {
        return (file.equals(CompanyMessages.FILE_ZH) ? "zh:" : "en:") + key;
    }

    /**
     * @param ruleFiles rule id → the company's DRL file that declares it (relative path)
     * @param locale the language of the comments a new parameter line gets
     */
    static Result apply(RulesFolder folder, Draft draft, Map<String, String> ruleFiles, Locale locale) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        Map<String, Map<Integer, String>> fields = new LinkedHashMap<>();
        parameters(folder, draft, locale, files, changes, fields);
        thresholds(folder, draft, files, changes, fields);
        messages(folder, CompanyMessages.FILE, draft.english(), files, changes, fields);
        messages(folder, CompanyMessages.FILE_ZH, draft.chinese(), files, changes, fields);
        severities(folder, draft, ruleFiles, files, changes);
        return new Result(files, changes, fields);
    }

    private static void parameters(
            RulesFolder folder,
            Draft draft,
            Locale locale,
            Map<String, byte[]> files,
            List<Change> changes,
            Map<String, Map<Integer, String>> fields) {
        if (draft.parameters().isEmpty() && draft.removedParameters().isEmpty()) {
            return;
        }
        Optional<String> saved = folder.text(ParameterFile.NAME);
        // a folder without the file gets the whole file, as 'duty rules init' writes it
        String text = saved.orElseGet(() -> Parameters.template(locale));
        ParameterFile before = ParameterFile.parse(text, ParameterFile.NAME);
        List<PropertiesText.Setting> settings = new ArrayList<>();
        draft.parameters().forEach((key, value) -> {
            String old = before.entry(key).map(ParameterFile.Entry::value).orElseGet(() -> Parameters.find(key)
                    .map(Parameter::defaultText)
                    .orElse(""));
            if (!old.equals(value) || before.entry(key).isEmpty()) {
                settings.add(new PropertiesText.Setting(key, value, comment(key, locale)));
                changes.add(new Change(ParameterFile.NAME, key, old, value));
            }
        });
        List<String> removed = new ArrayList<>();
        for (String key : draft.removedParameters()) {
            before.entry(key).ifPresent(e -> {
                removed.add(key);
                changes.add(new Change(ParameterFile.NAME, key, e.value(), ""));
            });
        }
        if (settings.isEmpty() && removed.isEmpty()) {
            return;
        }
        String after = PropertiesText.edit(text, settings, removed);
        files.put(ParameterFile.NAME, after.getBytes(StandardCharsets.UTF_8));
        fields.put(ParameterFile.NAME, keyLines(after));
    }

    /** The comment above a parameter line the file did not have: its clause and meaning, as 'rules init' writes. */
    private static String comment(String key, Locale locale) {
        Optional<Parameter<?>> p = Parameters.find(key);
        if (p.isPresent()) {
            return p.get().clause() + " " + p.get().description(locale);
        }
        if (Parameters.isRuleWeight(key)) {
            return Parameters.ruleWeight(key.substring(Parameters.RULE_WEIGHT_PREFIX.length()))
                    .description(locale);
        }
        return null;
    }

    private static Map<Integer, String> keyLines(String text) {
        Map<Integer, String> lines = new LinkedHashMap<>();
        ParameterFile.parse(text, "").entries().forEach(e -> lines.put(e.line(), e.key()));
        return lines;
    }

    private static void thresholds(
            RulesFolder folder,
            Draft draft,
            Map<String, byte[]> files,
            List<Change> changes,
            Map<String, Map<Integer, String>> fields) {
        if (draft.thresholds() == null) {
            return;
        }
        Optional<String> csv = folder.text(IncidentThresholdTable.CSV_NAME);
        Optional<byte[]> xlsx = folder.read(RulesFolder.XLSX);
        List<IncidentThresholdTable.Threshold> before = draft.thresholdBase() == null
                ? IncidentThresholdTable.defaults().rows()
                : draft.thresholdBase().rows();
        List<IncidentThresholdTable.Threshold> after = draft.thresholds();
        if (before.equals(after)) {
            return;
        }
        List<String> names = new ArrayList<>();
        if (csv.isPresent() || xlsx.isEmpty()) {
            ThresholdCsv.Written written = ThresholdCsv.write(csv.orElse(null), after);
            files.put(IncidentThresholdTable.CSV_NAME, written.text().getBytes(StandardCharsets.UTF_8));
            Map<Integer, String> rows = new LinkedHashMap<>();
            for (int i = 0; i < after.size(); i++) {
                rows.put(written.firstRowLine() + i, rowField(i));
            }
            fields.put(IncidentThresholdTable.CSV_NAME, rows);
            names.add(IncidentThresholdTable.CSV_NAME);
        }
        if (xlsx.isPresent()) {
            files.put(RulesFolder.XLSX, ThresholdWorkbook.write(IncidentThresholdTable.of(after), xlsx.get()));
            Map<Integer, String> rows = new LinkedHashMap<>();
            for (int i = 0; i < after.size(); i++) {
                rows.put(i + 2, rowField(i));
            }
            fields.put(RulesFolder.XLSX, rows);
            names.add(RulesFolder.XLSX);
        }
        Map<String, IncidentThresholdTable.Threshold> was = byKey(before);
        Map<String, IncidentThresholdTable.Threshold> is = byKey(after);
        for (String name : names) {
            is.forEach((key, row) -> {
                IncidentThresholdTable.Threshold old = was.get(key);
                if (!Objects.equals(old, row)) {
                    changes.add(new Change(name, key, old == null ? "" : cells(old), cells(row)));
                }
            });
            was.forEach((key, row) -> {
                if (!is.containsKey(key)) {
                    changes.add(new Change(name, key, cells(row), ""));
                }
            });
        }
    }

    private static Map<String, IncidentThresholdTable.Threshold> byKey(List<IncidentThresholdTable.Threshold> rows) {
        Map<String, IncidentThresholdTable.Threshold> map = new LinkedHashMap<>();
        rows.forEach(t -> map.put(t.category() + " " + t.severity(), t));
        return map;
    }

    /** A row's minutes as the change list shows them: {@code 10, 30, 1440}, a blank as {@code -}. */
    static String cells(IncidentThresholdTable.Threshold t) {
        return minutes(t.supervisorWithin()) + ", " + minutes(t.managerWithin()) + ", " + minutes(t.resolveWithin());
    }

    private static String minutes(Duration d) {
        return d == null ? "-" : Long.toString(d.toMinutes());
    }

    private static void messages(
            RulesFolder folder,
            String file,
            Map<String, String> edits,
            Map<String, byte[]> files,
            List<Change> changes,
            Map<String, Map<Integer, String>> fields) {
        if (edits.isEmpty()) {
            return;
        }
        Optional<String> saved = folder.text(file);
        String text = saved.orElse("");
        ParameterFile before = ParameterFile.parse(text, file);
        List<PropertiesText.Setting> settings = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        edits.forEach((key, value) -> {
            String old = before.entry(key).map(ParameterFile.Entry::value).orElse("");
            if (old.equals(value)) {
                return;
            }
            if (value.isEmpty()) {
                removed.add(key);
            } else {
                settings.add(new PropertiesText.Setting(key, value, null));
            }
            changes.add(new Change(file, key, old, value));
        });
        if (settings.isEmpty() && removed.isEmpty()) {
            return;
        }
        String after = PropertiesText.edit(text, settings, removed);
        files.put(file, after.getBytes(StandardCharsets.UTF_8));
        Map<Integer, String> lines = new LinkedHashMap<>();
        keyLines(after).forEach((line, key) -> lines.put(line, messageField(file, key)));
        fields.put(file, lines);
    }

    private static void severities(
            RulesFolder folder,
            Draft draft,
            Map<String, String> ruleFiles,
            Map<String, byte[]> files,
            List<Change> changes) {
        Map<String, String> texts = new LinkedHashMap<>();
        draft.severities().forEach((rule, severity) -> {
            String file = ruleFiles.get(rule);
            if (file == null) {
                return; // the rule is no longer in a company file: nothing to change
            }
            String text = texts.computeIfAbsent(file, f -> folder.text(f)
                    .orElseThrow(() -> new ConsoleException(f + " is no longer in the folder")));
            String old = RuleLabels.severity(text, rule).orElse("");
            if (old.equals(severity.name())) {
                return;
            }
            texts.put(file, RuleLabels.withSeverity(text, rule, severity));
            changes.add(new Change(file, rule + " @severity", old, severity.name()));
        });
        texts.forEach((file, text) -> {
            if (!folder.text(file).orElse("").equals(text)) {
                files.put(file, text.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** The severity a draft gives a rule, if it changes it. */
    static Optional<ViolationSeverity> severity(Draft draft, String rule) {
        return Optional.ofNullable(draft.severities().get(rule));
    }
}
