package io.dutykit.rules;

import io.dutykit.core.procedure.IncidentThresholdTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code incident-thresholds.xlsx} from the CSV table, as Excel or LibreOffice would save it.
 * Run once after editing the default CSV: {@code ./mvnw -pl duty-rules test
 * -Dtest=ThresholdTableTest -Ddutykit.regenerateWorkbook=true}; the binary is committed.
 */
final class IncidentThresholdsWorkbook {
    private IncidentThresholdsWorkbook() {}

    static void write(IncidentThresholdTable table, Path target) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(target)) {
            Sheet sheet = workbook.createSheet("incident-thresholds");
            Row header = sheet.createRow(0);
            for (int c = 0; c < IncidentThresholdTable.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(IncidentThresholdTable.COLUMNS.get(c));
            }
            int r = 1;
            for (IncidentThresholdTable.Threshold t : table.rows()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(t.category());
                row.createCell(1).setCellValue(t.severity().name());
                minutes(row.createCell(2), t.supervisorWithin());
                minutes(row.createCell(3), t.managerWithin());
                minutes(row.createCell(4), t.resolveWithin());
            }
            for (int c = 0; c < IncidentThresholdTable.COLUMNS.size(); c++) {
                sheet.autoSizeColumn(c);
            }
            workbook.write(out);
        }
    }

    private static void minutes(Cell cell, java.time.Duration value) {
        if (value != null) {
            cell.setCellValue(value.toMinutes());
        }
    }
}
