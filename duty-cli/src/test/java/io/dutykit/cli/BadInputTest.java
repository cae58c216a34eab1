package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command's bad-input paths: exit 2, one line naming the value, nothing written. */
class BadInputTest {
    @TempDir
    Path dir;

    private void refused(Cli cli, String... named) {
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.out()).as(cli.toString()).isEmpty();
        assertThat(cli.err()).startsWith("duty: ").doesNotContain("\tat ");
        for (String text : named) {
            assertThat(cli.err()).contains(text);
        }
    }

    @Test
    void generate_refuses_impossible_sizes_and_months_and_writes_nothing() {
        Path out = dir.resolve("g.json");

        refused(
                Cli.run("generate", "--sites", "0", "--months", "1", "--seed", "1", "--out", out.toString()),
                "--sites (0)");
        refused(
                Cli.run(
                        "generate",
                        "--sites",
                        "1",
                        "--months",
                        "1",
                        "--seed",
                        "1",
                        "--first-month",
                        "October",
                        "--out",
                        out.toString()),
                "--first-month October");
        refused(Cli.run("generate", "--sites", "one", "--months", "1", "--seed", "1", "--out", out.toString()), "one");
        assertThat(out).doesNotExist();
    }

    @Test
    void generate_refuses_a_lapse_rate_that_is_no_chance_from_0_to_1_and_writes_nothing() {
        Path out = dir.resolve("g.json");

        for (String rate : new String[] {"1.5", "-0.1", "three percent", "NaN", "Infinity", "3%"}) {
            refused(
                    Cli.run(
                            "generate",
                            "--sites",
                            "1",
                            "--months",
                            "1",
                            "--seed",
                            "1",
                            "--lapse-rate",
                            rate,
                            "--out",
                            out.toString()),
                    "--lapse-rate " + rate,
                    "0.03");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void simulate_refuses_bad_counts_and_unknown_databases() {
        refused(
                Cli.run("simulate", "--db", "jdbc:h2:file:" + dir.resolve("db"), "--sites", "1", "--days", "0"),
                "--days (0)");
        refused(
                Cli.run("simulate", "--db", "jdbc:mysql://localhost/duty", "--sites", "1", "--days", "1"),
                "jdbc:mysql");
    }

    @Test
    void report_refuses_an_unknown_site_a_missing_date_and_an_unknown_kind() {
        Path data = Path.of("../examples/data/garden-court.json");
        Path out = dir.resolve("r.html");

        refused(
                Cli.run(
                        "report",
                        "monthly",
                        data.toString(),
                        "--site",
                        "elsewhere",
                        "--format",
                        "html",
                        "--out",
                        out.toString()),
                "elsewhere",
                "garden-court");
        refused(Cli.run("report", "daily", data.toString(), "--format", "html", "--out", out.toString()), "--date");
        refused(Cli.run("report", "weekly", data.toString(), "--format", "html", "--out", out.toString()), "weekly");
        assertThat(out).doesNotExist();
    }

    @Test
    void rules_test_with_a_rules_folder_that_does_not_compile_is_bad_input() throws Exception {
        Path rules = java.nio.file.Files.createDirectories(dir.resolve("rules"));
        java.nio.file.Files.writeString(rules.resolve("broken.drl"), "package x;\nrule \"B\" when Nope() then end\n");

        refused(Cli.run("rules", "test", "../duty-rules/scenarios", "--rules", rules.toString()), "broken.drl");
        refused(Cli.run("check", "../examples/data/garden-court.json", "--rules", rules.toString()), "broken.drl");
        refused(
                Cli.run(
                        "check",
                        "../examples/data/garden-court.json",
                        "--rules",
                        dir.resolve("none").toString()),
                "none");
    }
}
