package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.IncidentThresholdTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threshold table as duty-rules loads it: the shipped spreadsheet, and a company's CSV or XLSX in
 * its rules folder. The CSV reader itself is the core's ({@code IncidentThresholdTableTest}).
 */
class ThresholdTableTest {
    private static final String XLSX = RuleSet.DEFAULT_LOCATION + RuleSet.THRESHOLDS_XLSX;
    private static final String HEADER = "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n";

    @Test
    @EnabledIfSystemProperty(named = "dutykit.regenerateWorkbook", matches = "true")
    void regenerate_the_workbook_from_the_csv() throws Exception {
        IncidentThresholdsWorkbook.write(IncidentThresholdTable.defaults(), Path.of("src/main/resources/" + XLSX));
    }

    @Test
    void the_csv_and_the_xlsx_hold_the_same_values() {
        IncidentThresholdTable csv = IncidentThresholdTable.defaults();
        IncidentThresholdTable xlsx = ThresholdWorkbook.read(Resources.bytes(XLSX), "incident-thresholds.xlsx")
                .orThrow();
        assertThat(xlsx.rows()).isEqualTo(csv.rows()).hasSize(3);
        assertThat(xlsx).isEqualTo(csv);
    }

    /** The values themselves are checked where the table is defined (IncidentThresholdTableTest). */
    @Test
    void the_rules_run_with_the_core_s_default_table() {
        assertThat(RuleSet.defaults().thresholds()).isEqualTo(IncidentThresholdTable.defaults());
        assertThat(DroolsProcedureRules.defaults().model().thresholds()).isEqualTo(IncidentThresholdTable.defaults());
    }

    @Test
    void a_company_table_replaces_the_default_one_and_a_category_row_wins_over_the_fallback(@TempDir Path folder)
            throws Exception {
        Files.writeString(
                folder.resolve("incident-thresholds.csv"),
                HEADER + "*,ROUTINE,,,1440\n*,DIFFICULT,30,,4320\n*,MAJOR,10,30,1440\nLIFT_FAULT,DIFFICULT,15,,240\n");
        IncidentThresholdTable t = RuleSet.withFolder(folder).thresholds();
        assertThat(t.lookup("LIFT_FAULT", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(t.lookup("WATER_LEAK", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_company_workbook_is_read_like_the_csv(@TempDir Path folder) throws Exception {
        IncidentThresholdsWorkbook.write(
                IncidentThresholdTable.readCsv(
                                HEADER + "*,ROUTINE,,,1440\n*,DIFFICULT,,,4320\n*,MAJOR,5,15,240\n", "mine.csv")
                        .orThrow(),
                folder.resolve("incident-thresholds.xlsx"));
        IncidentThresholdTable t = RuleSet.withFolder(folder).thresholds();
        assertThat(t.lookup("FIRE", IncidentSeverity.MAJOR).managerWithin()).isEqualTo(Duration.ofMinutes(15));
        assertThat(t.lookup("FIRE", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isNull();
    }

    @Test
    void errors_name_the_file_the_line_and_the_value(@TempDir Path folder) throws Exception {
        Path csv = folder.resolve("incident-thresholds.csv");
        String fallbacks = "*,ROUTINE,,,1440\n*,DIFFICULT,30,,4320\n";
        Files.writeString(csv, HEADER + fallbacks + "*,MAJOR,ten,30,1440\n");
        assertThatThrownBy(() -> RuleSet.withFolder(folder))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("ERROR incident-thresholds.csv:4:9: supervisorMinutes \"ten\"");
        Files.writeString(csv, HEADER + fallbacks + "*,SEVERE,10,30,1440\n");
        assertThatThrownBy(() -> RuleSet.withFolder(folder))
                .hasMessageContaining("severity \"SEVERE\" must be ROUTINE, DIFFICULT or MAJOR");
        Files.writeString(csv, "cat,sev\n");
        assertThatThrownBy(() -> RuleSet.withFolder(folder)).hasMessageContaining("header");
    }
}
