package io.dutykit.console;

import io.dutykit.core.procedure.IncidentThresholdTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the CSV form of the incident threshold table as a person saving it would: the comment lines
 * above the header are kept, and so are the file's separator (a comma, or the semicolon some
 * spreadsheets save with), its line breaks and its byte-order mark; then the header and one line per
 * row, in the order given. The core reads it back ({@link IncidentThresholdTable#readCsv}).
 */
final class ThresholdCsv {
    private ThresholdCsv() {}

    /** The first line of a row in the text {@link #write} returns, given the rows before it (1-based). */
    record Written(String text, int firstRowLine) {}

    /**
     * The table's CSV text.
     *
     * @param existing the file's current text, or null when there is none
     */
    static Written write(String existing, List<IncidentThresholdTable.Threshold> rows) {
        String text = existing == null ? "" : existing;
        boolean bom = text.startsWith("\uFEFF");
        String body = bom ? text.substring(1) : text;
        String newline = body.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>();
        String separator = ",";
        for (String line : body.split("\r\n|\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                lines.add(line);
                continue;
            }
            if (!stripped.isEmpty()) {
                // the header: keep its separator
                separator = stripped.contains(";") && !stripped.contains(",") ? ";" : ",";
                break;
            }
        }
        lines.add(String.join(separator, IncidentThresholdTable.COLUMNS));
        int first = lines.size() + 1;
        for (IncidentThresholdTable.Threshold t : rows) {
            lines.add(String.join(
                    separator,
                    t.category(),
                    t.severity().name(),
                    minutes(t.supervisorWithin()),
                    minutes(t.managerWithin()),
                    minutes(t.resolveWithin())));
        }
        return new Written((bom ? "\uFEFF" : "") + String.join(newline, lines) + newline, first);
    }

    private static String minutes(Duration d) {
        return d == null ? "" : Long.toString(d.toMinutes());
    }
}
