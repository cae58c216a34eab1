package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as a user does. Drools finds its services through META-INF/kie.conf and
 * ServiceLoader files spread over several jars; if the shade plugin did not merge them, the rules
 * would silently not load and this test fails.
 */
class DutyJarIT {
    private static final Path JAR = Path.of("target/duty.jar");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the jar finished").isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void the_jar_checks_a_dataset_with_the_drools_rules() throws Exception {
        Path example = Path.of("../examples/data/garden-court.json").toAbsolutePath();

        Run run = java("check", example.toString(), "--as-of", "2026-11-30T23:00:00+08:00", "--format", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("\"format\" : \"dutykit-violations/1\"");
        assertThat(run.exit()).isIn(0, 1);
    }

    @Test
    void the_jar_runs_the_default_rule_scenarios() throws Exception {
        Run run = java(
                "rules",
                "test",
                Path.of("../duty-rules/scenarios").toAbsolutePath().toString(),
                "--lang",
                "en");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    /**
     * Issue 15: reading an XLSX threshold table printed "main ERROR Log4j API could not find a logging
     * provider" — on stdout, in the middle of JSON. The jar routes POI's Log4j API to SLF4J.
     */
    @Test
    void a_workbook_table_leaves_the_json_output_clean() throws Exception {
        Path rules = dir.resolve("my-rules");
        assertThat(java("rules", "init", rules.toString(), "--lang", "en").exit())
                .isZero();
        Files.delete(rules.resolve("incident-thresholds.csv"));
        Path example = Path.of("../examples/data/garden-court.json").toAbsolutePath();

        Run validate = java("rules", "validate", rules.toString(), "--lang", "en");
        Run run = java(
                "check",
                example.toString(),
                "--rules",
                rules.toString(),
                "--as-of",
                "2026-11-30T23:00:00+08:00",
                "--format",
                "json");

        assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out() + validate.err()).doesNotContain("Log4j");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("{").doesNotContain("Log4j");
        assertThat(run.exit()).isIn(0, 1);
    }

    @Test
    void bad_input_exits_2_without_a_stack_trace() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "[1, 2");

        Run run = java("check", dir.resolve("bad.json").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("duty: ").doesNotContain("\tat ");
    }
}
