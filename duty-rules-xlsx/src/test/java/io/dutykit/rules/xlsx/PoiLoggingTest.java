package io.dutykit.rules.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: reading the XLSX threshold table printed "main ERROR Log4j API could not find a logging
 * provider" (POI logs through the Log4j API, which prints it on stdout — in the middle of a {@code
 * --format json} output). This module's tests have no Log4j provider, as a host with plain SLF4J has
 * none: in a fresh JVM, reading a workbook through DutyKit prints nothing, while POI used directly still
 * prints the line (so this test can fail).
 */
class PoiLoggingTest {
    @TempDir
    Path dir;

    /** Reads the shipped workbook through DutyKit, or with POI alone ({@code raw}). */
    public static void main(String[] args) throws Exception {
        byte[] workbook = ThresholdWorkbookTest.shipped();
        if (args.length > 0 && args[0].equals("raw")) {
            try (var book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
                new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT)
                        .formatCellValue(book.getSheetAt(0).getRow(0).getCell(0));
            }
        } else if (!ThresholdWorkbook.read(workbook, "incident-thresholds.xlsx").ok()) {
            throw new IllegalStateException("the shipped workbook does not read");
        }
    }

    /** What the program prints, on stdout and stderr (the Log4j API prints its complaint on stdout). */
    private String output(String... args) throws Exception {
        Path err = dir.resolve("out-" + args.length + ".txt");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PoiLoggingTest.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(err.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(err, StandardCharsets.UTF_8))
                .isZero();
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    @Test
    void reading_a_workbook_through_dutykit_prints_nothing_about_log4j() throws Exception {
        assertThat(PoiLogging.hasProvider())
                .as("the test class path has no Log4j provider")
                .isFalse();

        assertThat(output()).doesNotContain("Log4j").doesNotContain("logging provider");
    }

    @Test
    void poi_alone_would_print_the_line_here() throws Exception {
        assertThat(output("raw")).contains("could not find a logging provider");
    }
}
