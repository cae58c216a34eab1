package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.IncidentThresholdTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threshold table as duty-rules loads it: a company's CSV in its rules folder, and an XLSX refused
 * while the XLSX module is not on the class path (as here). The CSV reader itself is the core's ({@code
 * IncidentThresholdTableTest}); the XLSX form is read and written in duty-rules-xlsx ({@code
 * ThresholdWorkbookTest}).
 */
class ThresholdTableTest {
    private static final String HEADER = "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n";

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

    @Test
    void without_the_xlsx_module_a_workbook_in_the_folder_is_refused_naming_the_artifact_never_ignored(
            @TempDir Path folder) throws Exception {
        assertThat(Spreadsheets.available())
                .as("duty-rules' tests have no XLSX module")
                .isFalse();
        Files.write(
                folder.resolve("incident-thresholds.xlsx"),
                Resources.bytes(RuleSet.DEFAULT_LOCATION + RuleSet.THRESHOLDS_XLSX));

        assertThatThrownBy(() -> RuleSet.withFolder(folder))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("incident-thresholds.xlsx is a spreadsheet")
                .hasMessageContaining("add the dependency io.dutykit:duty-rules-xlsx")
                .hasMessageContaining("save the table as incident-thresholds.csv");
        assertThat(RulesValidator.validate(folder)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("XLSX_MODULE_MISSING");
            assertThat(p.file()).isEqualTo("incident-thresholds.xlsx");
            assertThat(p.isError()).isTrue();
            assertThat(p.message(java.util.Locale.SIMPLIFIED_CHINESE)).contains("请添加依赖 io.dutykit:duty-rules-xlsx");
        });

        Files.delete(folder.resolve("incident-thresholds.xlsx"));
        Files.write(folder.resolve("prices.drl.xlsx"), new byte[] {'P', 'K', 3, 4});
        assertThatThrownBy(() -> RuleSet.withFolder(folder))
                .hasMessageContaining("prices.drl.xlsx is a spreadsheet")
                .hasMessageContaining("io.dutykit:duty-rules-xlsx")
                .hasMessageContaining("prices.drl.csv");
    }
}
