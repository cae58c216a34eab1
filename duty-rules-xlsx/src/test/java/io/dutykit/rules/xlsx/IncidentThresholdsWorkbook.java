package io.dutykit.rules.xlsx;

import io.dutykit.core.procedure.IncidentThresholdTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes duty-rules' {@code incident-thresholds.xlsx} (what {@code duty rules init} copies) from the
 * CSV table, as Excel or LibreOffice would save it. Run once after editing the default CSV: {@code
 * ./mvnw -pl duty-rules-xlsx -am test -Dtest=ThresholdWorkbookTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddutykit.regenerateWorkbook=true}; the binary is committed.
 */
final class IncidentThresholdsWorkbook {
    private IncidentThresholdsWorkbook() {}

    static void write(IncidentThresholdTable table, Path target) throws IOException {
        Files.write(target, ThresholdWorkbook.write(table, null));
    }
}
