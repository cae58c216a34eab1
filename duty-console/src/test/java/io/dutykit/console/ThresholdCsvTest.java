package io.dutykit.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.IncidentThresholdTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCsvTest {
    private static final List<IncidentThresholdTable.Threshold> ROWS = rows();

    private static List<IncidentThresholdTable.Threshold> rows() {
        List<IncidentThresholdTable.Threshold> rows =
                new ArrayList<>(IncidentThresholdTable.defaults().rows());
        rows.add(new IncidentThresholdTable.Threshold(
                "LIFT_ENTRAPMENT",
                IncidentSeverity.MAJOR,
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                Duration.ofMinutes(240)));
        return rows;
    }

    @Test
    void the_table_reads_back_as_written_in_its_order() {
        ThresholdCsv.Written written = ThresholdCsv.write(null, ROWS);
        assertThat(written.text())
                .isEqualTo("category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n"
                        + "*,ROUTINE,,,1440\n*,DIFFICULT,30,,4320\n*,MAJOR,10,30,1440\n"
                        + "LIFT_ENTRAPMENT,MAJOR,5,15,240\n");
        assertThat(written.firstRowLine()).isEqualTo(2);
        assertThat(IncidentThresholdTable.readCsv(written.text(), "t.csv")
                        .orThrow()
                        .rows())
                .isEqualTo(ROWS);
    }

    @Test
    void comments_the_separator_the_byte_order_mark_and_line_breaks_of_the_file_stay() {
        String excel = "\uFEFF# our table, agreed 2026-11\r\n"
                + "category;severity;supervisorMinutes;managerMinutes;resolutionMinutes\r\n*;ROUTINE;;;1440\r\n";
        ThresholdCsv.Written written = ThresholdCsv.write(excel, ROWS);
        assertThat(written.text())
                .startsWith(
                        "\uFEFF# our table, agreed 2026-11\r\n"
                                + "category;severity;supervisorMinutes;managerMinutes;resolutionMinutes\r\n*;ROUTINE;;;1440\r\n")
                .endsWith("LIFT_ENTRAPMENT;MAJOR;5;15;240\r\n");
        assertThat(written.firstRowLine()).isEqualTo(3);
        assertThat(IncidentThresholdTable.readCsv(written.text(), "t.csv")
                        .orThrow()
                        .rows())
                .isEqualTo(ROWS);
    }
}
