package io.dutykit.rules;

import io.dutykit.core.procedure.IncidentThresholdTable;

/**
 * Reads the spreadsheet files of a rules folder: an {@code incident-thresholds.xlsx} table and {@code
 * .drl.xlsx} / {@code .drl.xls} decision tables. duty-rules reads CSV itself and has no spreadsheet
 * library; the XLSX module ({@code io.dutykit:duty-rules-xlsx}) provides this service, found with
 * {@link java.util.ServiceLoader} when it is on the class path. Without it a folder holding a
 * spreadsheet is refused with a message naming the artifact to add — a table is never ignored.
 */
public interface SpreadsheetReader {
    /**
     * The threshold table of a spreadsheet file (its first sheet, the first row the header), read by the
     * core's {@link IncidentThresholdTable#read(java.util.List, String)} exactly as the CSV form is.
     *
     * @param source the file's name in messages (e.g. {@code incident-thresholds.xlsx})
     * @throws RulesException when the bytes are no spreadsheet, or one too large to read safely
     */
    IncidentThresholdTable.Reading thresholdTable(byte[] content, String source);

    /**
     * The DRL a spreadsheet decision table compiles to (Drools' decision-table compiler).
     *
     * @throws RulesException when the spreadsheet is too large to read safely
     * @throws RuntimeException when the decision table cannot be compiled (the caller names the file)
     */
    String decisionTableDrl(byte[] content, String source);
}
