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
 * The built jar says nothing about logging unless asked (SPEC 8.1, issue 13): neither SLF4J's "No SLF4J
 * providers" nor Log4j's "could not find a logging implementation" reaches a user's terminal, for the
 * demo and the other commands (an XLSX threshold table makes POI, and so Log4j, start); {@code
 * --verbose} sends DutyKit's log to stderr, never stdout.
 */
class QuietJarIT {
    private static final Path JAR = Path.of("target/duty.jar");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        String both() {
            return out + err;
        }
    }

    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("DUTY_LOG");
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the jar finished").isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static void quiet(Run run, String what) {
        assertThat(run.both())
                .as("%s prints no logging warning:%n%s", what, run.both())
                .doesNotContain("SLF4J")
                .doesNotContainIgnoringCase("log4j")
                .doesNotContain("StatusLogger")
                .doesNotContain("logging provider")
                .doesNotContain("logging implementation");
    }

    @Test
    void the_demo_and_every_other_command_print_no_logging_warning() throws Exception {
        Run demo = java("demo");
        assertThat(demo.exit()).as(demo.both()).isZero();
        quiet(demo, "demo");
        assertThat(demo.err()).isEmpty();

        String db = "jdbc:h2:file:" + dir.resolve("dutykit-demo/dutykit");
        Path export = dir.resolve("demo.json");
        Path rules = dir.resolve("company-rules");
        Files.createDirectories(rules);
        Files.copy(
                Path.of("../duty-rules/src/main/resources/io/dutykit/rules/incident-thresholds.xlsx")
                        .toAbsolutePath(),
                rules.resolve("incident-thresholds.xlsx"));
        List<String[]> commands = List.of(
                new String[] {"verify", "--db", db},
                new String[] {"due", "--db", db, "--site", "site-001", "--at", "2026-10-15T17:00:00+08:00"},
                new String[] {"hold", "list", "--db", db},
                new String[] {"export", "--db", db, "--out", export.toString()},
                new String[] {"check", export.toString(), "--as-of", "2026-11-09T07:00:00Z", "--format", "json"},
                new String[] {"check", "--db", db, "--as-of", "2026-11-09T07:00:00Z", "--rules", rules.toString()},
                new String[] {"import", export.toString(), "--db", "jdbc:h2:file:" + dir.resolve("copy/dutykit")},
                new String[] {"rules", "validate", rules.toString()},
                new String[] {
                    "generate",
                    "--sites",
                    "1",
                    "--months",
                    "1",
                    "--seed",
                    "2",
                    "--out",
                    dir.resolve("generated.json").toString()
                },
                new String[] {
                    "simulate", "--db", "jdbc:h2:file:" + dir.resolve("sim/dutykit"), "--sites", "1", "--days", "1"
                },
                new String[] {
                    "report",
                    "monthly",
                    export.toString(),
                    "--from",
                    "2026-10-01",
                    "--to",
                    "2026-10-31",
                    "--format",
                    "md",
                    "--out",
                    dir.resolve("monthly.md").toString()
                },
                new String[] {"--help"});
        for (String[] command : commands) {
            Run run = java(command);
            String what = String.join(" ", command);
            assertThat(run.exit()).as("%s: %s", what, run.both()).isIn(0, 1);
            quiet(run, what);
        }
    }

    @Test
    void verbose_logs_go_to_stderr_never_stdout() throws Exception {
        Run demo = java("demo");
        assertThat(demo.exit()).isZero();
        String db = "jdbc:h2:file:" + dir.resolve("dutykit-demo/dutykit");
        Run verbose = java("verify", "--db", db, "--verbose");
        assertThat(verbose.exit()).as(verbose.both()).isZero();
        assertThat(verbose.err()).contains("INFO").containsIgnoringCase("schema");
        assertThat(verbose.out()).doesNotContain("INFO").contains("intact");
        quiet(verbose, "verify --verbose");
    }
}
