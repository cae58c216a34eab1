package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.incident.IncidentSeverity;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class ThresholdTableTest {
    private static final String XLSX = RuleSet.DEFAULT_LOCATION + RuleSet.THRESHOLDS_XLSX;

    @Test
    @EnabledIfSystemProperty(named = "dutykit.regenerateWorkbook", matches = "true")
    void regenerate_the_workbook_from_the_csv() throws Exception {
        IncidentThresholdsWorkbook.write(IncidentThresholds.defaults(), Path.of("src/main/resources/" + XLSX));
    }

    @Test
    void the_csv_and_the_xlsx_hold_the_same_values() {
        IncidentThresholds csv = IncidentThresholds.defaults();
        IncidentThresholds xlsx = IncidentThresholds.read("incident-thresholds.xlsx", Resources.bytes(XLSX));
        assertThat(xlsx.rows()).isEqualTo(csv.rows()).hasSize(3);
        assertThat(xlsx).isEqualTo(csv);
    }

    @Test
    void the_defaults_are_those_of_the_spec() {
        IncidentThresholds t = IncidentThresholds.defaults();
        assertThat(t.lookup("WATER_LEAK", IncidentSeverity.DIFFICULT))
                .isEqualTo(new IncidentThresholds.Threshold(
                        "*", IncidentSeverity.DIFFICULT, Duration.ofMinutes(30), null, Duration.ofHours(72)));
        assertThat(t.lookup("FIRE", IncidentSeverity.MAJOR))
                .isEqualTo(new IncidentThresholds.Threshold(
                        "*",
                        IncidentSeverity.MAJOR,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(30),
                        Duration.ofHours(24)));
        assertThat(t.lookup("NOISE", IncidentSeverity.ROUTINE).resolveWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(t.lookup("NOISE", IncidentSeverity.ROUTINE).supervisorWithin())
                .isNull();
    }

    @Test
    void a_category_row_wins_over_the_fallback() {
        IncidentThresholds t = IncidentThresholds.csv(
                "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n"
                        + "*,DIFFICULT,30,,4320\nLIFT_FAULT,DIFFICULT,15,,240\n",
                "test.csv");
        assertThat(t.lookup("LIFT_FAULT", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(t.lookup("WATER_LEAK", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void errors_name_the_file_the_row_and_the_value() {
        assertThatThrownBy(() -> IncidentThresholds.csv(
                        "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n*,MAJOR,ten,30,1440\n",
                        "mine.csv"))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("mine.csv row 2")
                .hasMessageContaining("supervisorMinutes \"ten\"");
        assertThatThrownBy(() -> IncidentThresholds.csv(
                        "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n*,SEVERE,10,30,1440\n",
                        "mine.csv"))
                .hasMessageContaining("severity \"SEVERE\" must be ROUTINE, DIFFICULT or MAJOR");
        assertThatThrownBy(() -> IncidentThresholds.csv("cat,sev\n", "mine.csv"))
                .hasMessageContaining("header");
    }
}
