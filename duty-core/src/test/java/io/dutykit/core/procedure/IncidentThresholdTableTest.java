package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.incident.IncidentSeverity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentThresholdTableTest {
    private static final String HEADER = "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n";

    private static IncidentThresholdTable csv(String text) {
        return IncidentThresholdTable.readCsv(text, "mine.csv").orThrow();
    }

    @Test
    void the_defaults_are_those_of_the_spec() {
        IncidentThresholdTable t = IncidentThresholdTable.defaults();
        assertThat(t.lookup("WATER_LEAK", IncidentSeverity.DIFFICULT))
                .isEqualTo(new IncidentThresholdTable.Threshold(
                        "*", IncidentSeverity.DIFFICULT, Duration.ofMinutes(30), null, Duration.ofHours(72)));
        assertThat(t.lookup("FIRE", IncidentSeverity.MAJOR))
                .isEqualTo(new IncidentThresholdTable.Threshold(
                        "*",
                        IncidentSeverity.MAJOR,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(30),
                        Duration.ofHours(24)));
        assertThat(t.lookup("NOISE", IncidentSeverity.ROUTINE).resolveWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(t.lookup("NOISE", IncidentSeverity.ROUTINE).supervisorWithin())
                .isNull();
        assertThat(t.rows()).hasSize(3);
        assertThat(t.warnings()).isEmpty();
        assertThat(t.longest()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void a_category_row_wins_over_the_fallback() {
        IncidentThresholdTable t = csv(
                HEADER + "*,ROUTINE,,,1440\n*,DIFFICULT,30,,4320\n*,MAJOR,10,30,1440\nLIFT_FAULT,DIFFICULT,15,,240\n");
        assertThat(t.lookup("LIFT_FAULT", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(t.lookup("WATER_LEAK", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_csv_with_empty_cells_quotes_semicolons_and_a_fallback_row() {
        IncidentThresholdTable t = csv("\uFEFFcategory,severity,supervisorMinutes,managerMinutes,resolutionMinutes\r\n"
                + "LIFT_ENTRAPMENT,MAJOR,5,15,120\r\n"
                + "\"WATER_LEAK\",DIFFICULT,,,\r\n"
                + "# a comment\r\n"
                + "*;difficult;30;;4320\r\n"
                + "*,ROUTINE,,,\r\n"
                + "*,MAJOR,10,30,1440\r\n"
                + "\r\n");

        assertThat(t.lookup("LIFT_ENTRAPMENT", IncidentSeverity.MAJOR).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(t.lookup("LIFT_ENTRAPMENT", IncidentSeverity.MAJOR).managerWithin())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(t.lookup("WATER_LEAK", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isNull();
        assertThat(t.lookup("LIFT_FAULT", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(t.lookup("LIFT_ENTRAPMENT", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(t.lookup("LIFT_FAULT", IncidentSeverity.ROUTINE).resolveWithin())
                .isNull();
        assertThat(t.warnings()).isEmpty();
        assertThat(t.line("WATER_LEAK", IncidentSeverity.DIFFICULT)).isEqualTo(3);
    }

    /** SPEC 6.1: without its * rows every category without a row of its own would lose its deadlines. */
    @Test
    void a_table_without_a_fallback_row_for_each_severity_is_refused() {
        IncidentThresholdTable.Reading reading = IncidentThresholdTable.readCsv(
                HEADER + "LIFT_ENTRAPMENT,MAJOR,5,15,120\n*,DIFFICULT,30,,4320\n", "mine.csv");

        assertThat(reading.ok()).isFalse();
        assertThat(reading.problems())
                .extracting(ProcedureProblem::toString)
                .containsExactly(
                        "mine.csv: there is no * row for ROUTINE; an incident of a category without its own row would"
                                + " then have no deadlines; add the row *,ROUTINE,... (the defaults are in docs/rules.md)",
                        "mine.csv: there is no * row for MAJOR; an incident of a category without its own row would"
                                + " then have no deadlines; add the row *,MAJOR,... (the defaults are in docs/rules.md)");
        assertThat(reading.problems()).allMatch(ProcedureProblem::isError);
    }

    @Test
    void a_misspelt_severity_names_the_one_meant_and_its_column() {
        IncidentThresholdTable.Reading reading = IncidentThresholdTable.readCsv(
                HEADER + "*,ROUTINE,,,1440\n*, DIFICULT,30,,4320\n*,MAJOR,10,30,1440\n", "mine.csv");

        assertThat(reading.problems())
                .extracting(ProcedureProblem::toString)
                .containsExactly("mine.csv line 3, column 4: severity \"DIFICULT\" must be ROUTINE, DIFFICULT or MAJOR;"
                        + " did you mean DIFFICULT?");
    }

    @Test
    void a_bad_csv_is_refused_with_its_file_and_line() {
        assertThatThrownBy(() -> csv("category,severity\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("mine.csv line 1")
                .hasMessageContaining("header");
        assertThatThrownBy(() -> csv(HEADER + "FIRE,MAJOR,ten,,\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("mine.csv line 2")
                .hasMessageContaining("supervisorMinutes \"ten\"");
        assertThatThrownBy(() -> csv(HEADER + "FIRE,HUGE,1,,\n"))
                .hasMessageContaining("severity \"HUGE\" must be ROUTINE, DIFFICULT or MAJOR");
        assertThatThrownBy(() -> csv(HEADER + "FIRE,MAJOR,1,,\nFIRE,MAJOR,2,,\n"))
                .hasMessageContaining("mine.csv line 3")
                .hasMessageContaining("two rows");
        assertThatThrownBy(() -> csv(HEADER + "FIRE,MAJOR,1,2\n")).hasMessageContaining("has 4 cells; it needs 5");
        assertThatThrownBy(() -> csv(HEADER + "fire,MAJOR,1,2,3\n")).hasMessageContaining("category \"fire\"");
        assertThatThrownBy(() -> csv("")).hasMessageContaining("empty");
    }

    @Test
    void every_problem_of_a_table_is_collected() {
        IncidentThresholdTable.Reading reading = IncidentThresholdTable.readCsv(
                HEADER + "FIRE,HUGE,1,,\nFIRE,MAJOR,x,,\n*,MAJOR,1,2,3\n*,ROUTINE,,,1\n*,DIFFICULT,1,,1\n", "mine.csv");

        assertThat(reading.ok()).isFalse();
        assertThat(reading.problems())
                .filteredOn(ProcedureProblem::isError)
                .extracting(ProcedureProblem::line)
                .containsExactly(2, 3);
    }

    @Test
    void rows_from_a_spreadsheet_are_read_like_the_csv() {
        IncidentThresholdTable fromRows = IncidentThresholdTable.read(
                        List.of(
                                new IncidentThresholdTable.Row(1, IncidentThresholdTable.COLUMNS),
                                new IncidentThresholdTable.Row(2, List.of("*", "ROUTINE", "", "", "1440.0")),
                                new IncidentThresholdTable.Row(3, List.of("*", "DIFFICULT", "30", "", "4320")),
                                new IncidentThresholdTable.Row(4, List.of("*", "MAJOR", "10", "30", "1440"))),
                        "incident-thresholds.xlsx")
                .orThrow();
        assertThat(fromRows).isEqualTo(IncidentThresholdTable.defaults());
        assertThat(IncidentThresholdTable.of(fromRows.rows())).isEqualTo(fromRows);
    }
}
