package io.dutykit.rules.xlsx;

import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.rules.RulesException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The XLSX form of the incident threshold table (as saved by Excel or LibreOffice): the first sheet,
 * its first row the header. It only takes the cells out of the spreadsheet; the core's {@link
 * IncidentThresholdTable#read(List, String)} reads them, exactly as it reads the CSV form. {@link #write}
 * puts a table into a workbook, as a person saving it from Excel would (the rule console's save). duty-rules
 * reads a rules folder's workbook through {@link XlsxReader}.
 */
public final class ThresholdWorkbook {
    private ThresholdWorkbook() {}

    /**
     * The table of a spreadsheet file.
     *
     * @param source the file's name in messages
     * @throws RulesException when the bytes are no spreadsheet, or one too large to read safely
     *     (docs/rules.md, "Limits")
     */
    public static IncidentThresholdTable.Reading read(byte[] content, String source) {
        XlsxLimits.check(source, content);
        PoiLogging.quiet();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<IncidentThresholdTable.Row> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                int width = Math.max(row.getLastCellNum(), IncidentThresholdTable.COLUMNS.size());
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(
                            cell == null ? "" : formatter.formatCellValue(cell).strip());
                }
                while (cells.size() > IncidentThresholdTable.COLUMNS.size()
                        && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                if (!cells.stream().allMatch(String::isEmpty)) {
                    rows.add(new IncidentThresholdTable.Row(r + 1, cells));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new RulesException(source + " is not a readable spreadsheet (.xlsx): " + e.getMessage(), e);
        }
        return IncidentThresholdTable.read(rows, source);
    }

    /**
     * The workbook holding {@code table}: the header and one row per threshold on the first sheet, minutes
     * as numbers and a blank cell for "no such deadline". Given the bytes of an existing workbook, only its
     * first sheet's cells change (other sheets, the sheet's name and column widths stay); without one, a
     * new workbook with one sheet.
     *
     * @param existing the workbook the table replaces, or null
     * @throws RulesException when {@code existing} is no readable spreadsheet
     */
    public static byte[] write(IncidentThresholdTable table, byte[] existing) {
        PoiLogging.quiet();
        try (Workbook workbook =
                existing == null ? new XSSFWorkbook() : WorkbookFactory.create(new ByteArrayInputStream(existing))) {
            boolean fresh = workbook.getNumberOfSheets() == 0;
            Sheet sheet = fresh ? workbook.createSheet("incident-thresholds") : workbook.getSheetAt(0);
            for (int r = sheet.getLastRowNum(); r >= 0; r--) {
                Row row = sheet.getRow(r);
                if (row != null) {
                    sheet.removeRow(row);
                }
            }
            Row header = sheet.createRow(0);
            for (int c = 0; c < IncidentThresholdTable.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(IncidentThresholdTable.COLUMNS.get(c));
            }
            int r = 1;
            for (IncidentThresholdTable.Threshold t : table.rows()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(t.category());
                row.createCell(1).setCellValue(t.severity().name());
                minutes(row, 2, t.supervisorWithin());
                minutes(row, 3, t.managerWithin());
                minutes(row, 4, t.resolveWithin());
            }
            if (fresh) {
                for (int c = 0; c < IncidentThresholdTable.COLUMNS.size(); c++) {
                    sheet.autoSizeColumn(c);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new RulesException("the threshold workbook cannot be written: " + e.getMessage(), e);
        }
    }

    private static void minutes(Row row, int column, Duration value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.toMinutes());
        }
    }
}
