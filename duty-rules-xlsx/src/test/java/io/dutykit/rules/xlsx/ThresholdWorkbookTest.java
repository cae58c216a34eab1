package io.dutykit.rules.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleSet;
import io.dutykit.rules.RulesException;
import io.dutykit.rules.RulesValidator;
import io.dutykit.rules.StarterFolder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XLSX form of the threshold table with this module on the class path: the workbook duty-rules ships
 * for {@code duty rules init}, a company's workbook in its rules folder (read through duty-rules'
 * ServiceLoader lookup, as a host gets it), writing one, and the limits checked before POI reads one.
 */
class ThresholdWorkbookTest {
    /** Where duty-rules keeps the workbook {@code duty rules init} copies. */
    private static final String SHIPPED = "io/dutykit/rules/incident-thresholds.xlsx";

    private static final String HEADER = "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n";

    @TempDir
    Path folder;

    static byte[] shipped() throws IOException {
        try (InputStream in = ThresholdWorkbookTest.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            assertThat(in).as(SHIPPED).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "dutykit.regenerateWorkbook", matches = "true")
    void regenerate_the_workbook_from_the_csv() throws Exception {
        IncidentThresholdsWorkbook.write(
                IncidentThresholdTable.defaults(), Path.of("../duty-rules/src/main/resources/" + SHIPPED));
    }

    @Test
    void the_shipped_xlsx_holds_the_values_of_the_csv() throws IOException {
        IncidentThresholdTable xlsx =
                ThresholdWorkbook.read(shipped(), "incident-thresholds.xlsx").orThrow();
        assertThat(xlsx.rows())
                .isEqualTo(IncidentThresholdTable.defaults().rows())
                .hasSize(3);
        assertThat(xlsx).isEqualTo(IncidentThresholdTable.defaults());
    }

    @Test
    void a_company_workbook_is_read_like_the_csv() throws Exception {
        IncidentThresholdsWorkbook.write(
                IncidentThresholdTable.readCsv(
                                HEADER + "*,ROUTINE,,,1440\n*,DIFFICULT,,,4320\n*,MAJOR,5,15,240\n", "mine.csv")
                        .orThrow(),
                folder.resolve("incident-thresholds.xlsx"));

        IncidentThresholdTable t = RuleSet.withFolder(folder).thresholds();

        assertThat(t.lookup("FIRE", IncidentSeverity.MAJOR).managerWithin()).isEqualTo(Duration.ofMinutes(15));
        assertThat(t.lookup("FIRE", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isNull();
        assertThat(RulesValidator.validate(folder)).isEmpty();
    }

    @Test
    void a_workbook_that_disagrees_with_the_csv_beside_it_is_refused() throws Exception {
        Files.writeString(
                folder.resolve("incident-thresholds.csv"),
                HEADER + "*,ROUTINE,,,1440\n*,DIFFICULT,30,,4320\n*,MAJOR,10,30,1440\n");
        IncidentThresholdsWorkbook.write(
                IncidentThresholdTable.readCsv(
                                HEADER + "*,ROUTINE,,,1440\n*,DIFFICULT,30,,4320\n*,MAJOR,5,30,1440\n", "mine.csv")
                        .orThrow(),
                folder.resolve("incident-thresholds.xlsx"));

        assertThat(RulesValidator.validate(folder)).extracting(p -> p.kind()).containsExactly("TABLES_DIFFER");
    }

    @Test
    void a_workbook_written_over_an_existing_one_keeps_its_other_sheets_and_reads_back_as_the_table() throws Exception {
        IncidentThresholdTable table = IncidentThresholdTable.readCsv(
                        HEADER
                                + "*,ROUTINE,,,1440\n*,DIFFICULT,30,,4320\n*,MAJOR,10,30,1440\nLIFT_ENTRAPMENT,MAJOR,5,15,240\n",
                        "mine.csv")
                .orThrow();
        byte[] existing;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(shipped()))) {
            book.createSheet("notes").createRow(0).createCell(0).setCellValue("agreed 2026-11");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            existing = out.toByteArray();
        }
        byte[] written = ThresholdWorkbook.write(table, existing);
        assertThat(ThresholdWorkbook.read(written, "incident-thresholds.xlsx")
                        .orThrow()
                        .rows())
                .isEqualTo(table.rows());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(written))) {
            assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("agreed 2026-11");
        }
        assertThat(ThresholdWorkbook.read(ThresholdWorkbook.write(table, null), "new.xlsx")
                        .orThrow())
                .isEqualTo(table);
    }

    @Test
    void bytes_that_are_no_spreadsheet_are_refused_naming_the_file() {
        assertThatThrownBy(() -> ThresholdWorkbook.read("category,severity\n".getBytes(), "incident-thresholds.xlsx"))
                .isInstanceOf(RulesException.class)
                .hasMessageStartingWith("incident-thresholds.xlsx is not a readable spreadsheet (.xlsx)");
    }

    @Test
    void an_oversized_spreadsheet_is_refused_before_it_is_read() throws IOException {
        Path xlsx = folder.resolve("incident-thresholds.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("incident-thresholds");
            for (int r = 0; r <= XlsxLimits.MAX_ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r == 0 ? "category" : "*");
                row.createCell(1).setCellValue(r == 0 ? "severity" : "ROUTINE");
            }
            workbook.write(out);
            workbook.dispose();
        }

        assertThatThrownBy(() -> RuleSet.withFolder(folder))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("incident-thresholds.xlsx")
                .hasMessageContaining("more than 10,000 rows");
        assertThatThrownBy(() -> ThresholdWorkbook.read(Files.readAllBytes(xlsx), "t.xlsx"))
                .hasMessageContaining("more than 10,000 rows");
        Files.move(xlsx, folder.resolve("big.drl.xlsx"));
        assertThatThrownBy(() -> RuleSet.withFolder(folder))
                .hasMessageContaining("big.drl.xlsx")
                .hasMessageContaining("more than 10,000 rows");
    }

    @Test
    void the_starter_folder_holds_the_workbook_too_and_validates_cleanly() throws IOException {
        Path mine = folder.resolve("my-rules");

        List<Path> written = StarterFolder.write(mine, Locale.ENGLISH);

        assertThat(written).contains(mine.resolve("incident-thresholds.xlsx"));
        assertThat(Files.readAllBytes(mine.resolve("incident-thresholds.xlsx"))).isEqualTo(shipped());
        assertThat(RulesValidator.validate(mine)).isEmpty();
        assertThat(DroolsProcedureRules.of(RuleSet.withFolder(mine)).model().thresholds())
                .isEqualTo(IncidentThresholdTable.defaults());
    }
}
