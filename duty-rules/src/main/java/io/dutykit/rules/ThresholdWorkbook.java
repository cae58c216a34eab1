package io.dutykit.rules;

import io.dutykit.core.procedure.IncidentThresholdTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The XLSX form of the incident threshold table (as saved by Excel or LibreOffice): the first sheet,
 * its first row the header. It only takes the cells out of the spreadsheet; the core's {@link
 * IncidentThresholdTable#read(List, String)} reads them, exactly as it reads the CSV form.
 */
final class ThresholdWorkbook {
    private ThresholdWorkbook() {}

    /**
     * The table of a spreadsheet file.
     *
     * @throws RulesException when the bytes are no spreadsheet, or one too large to read safely
     *     (docs/rules.md, "Limits")
     */
    static IncidentThresholdTable.Reading read(byte[] content, String source) {
        SpreadsheetLimits.checkXlsx(source, content);
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
}
