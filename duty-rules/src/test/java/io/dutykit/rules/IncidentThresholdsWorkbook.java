package io.dutykit.rules;

import io.dutykit.core.procedure.IncidentThresholdTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code incident-thresholds.xlsx} from the CSV table, as Excel or LibreOffice would save it.
 * Run once after editing the default CSV: {@code ./mvnw -pl duty-rules test
 * -Dtest=ThresholdTableTest -Ddutykit.regenerateWorkbook=true}; the binary is committed.
 */
final class IncidentThresholdsWorkbook {
    private IncidentThresholdsWorkbook() {}

    static void write(IncidentThresholdTable table, Path target) throws IOException {
        Files.write(target, ThresholdWorkbook.write(table, null));
    }
}
