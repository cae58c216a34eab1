package io.dutykit.rules.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.rules.RuleProblem;
import io.dutykit.rules.RulesValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code .drl.xlsx} decision table is compiled and inspected like a {@code .drl.csv} one, with this module. */
class DecisionWorkbookTest {
    @TempDir
    Path folder;

    /** duty-rules' HostileRulesTest's table whose action ends the process, as a spreadsheet. */
    private static final List<List<String>> EXIT_TABLE = List.of(
            List.of("RuleSet", "com.example.rules"),
            List.of("Import", "io.dutykit.rules.fact.CheckContext, io.dutykit.rules.fact.Finding"),
            List.of(),
            List.of("RuleTable Company Exit"),
            List.of("METADATA", "METADATA", "METADATA", "CONDITION", "ACTION"),
            List.of("", "", "", "$c : CheckContext", ""),
            List.of(
                    "id($param)",
                    "clause(\"$param\")",
                    "severity($param)",
                    "site != \"$param\"",
                    "System.exit($param);"),
            List.of("id", "clause", "severity", "when", "then"),
            List.of("COMPANY_EXIT", "G2", "WARNING", "nowhere", "0"));

    @Test
    void a_spreadsheet_decision_table_that_exits_the_process_is_an_error_naming_its_row() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(folder.resolve("exit.drl.xlsx"))) {
            Sheet sheet = book.createSheet("exit");
            for (int r = 0; r < EXIT_TABLE.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < EXIT_TABLE.get(r).size(); c++) {
                    row.createCell(c).setCellValue(EXIT_TABLE.get(r).get(c));
                }
            }
            book.write(out);
        }

        List<RuleProblem> problems = RulesValidator.validate(folder);

        assertThat(RulesValidator.isValid(problems)).isFalse();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.level()).isEqualTo(RuleProblem.Level.ERROR);
            assertThat(p.file()).isEqualTo("exit.drl.xlsx");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("ends the Java process").contains("row 9");
        });
        assertThat(problems).noneMatch(p -> p.kind().equals("XLSX_MODULE_MISSING"));
    }
}
