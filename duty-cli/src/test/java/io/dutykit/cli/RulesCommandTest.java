package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @TempDir
    Path dir;

    @Test
    void the_default_scenarios_all_pass_and_the_closing_line_counts_them() {
        Cli cli = Cli.run("rules", "test", "../duty-rules/scenarios");

        assertThat(cli.exit()).as(cli.toString()).isZero();
        assertThat(cli.out()).containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void a_failing_scenario_names_what_was_missing_and_exits_1() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("../examples/data/garden-court.json"), dir.resolve("data/garden-court.json"));
        Files.writeString(dir.resolve("wrong.json"), """
                {"name": "expects a violation that is not there", "datasetFile": "data/garden-court.json",
                 "from": "2026-11-01", "to": "2026-11-01", "asOf": "2026-11-01T12:00:00+08:00",
                 "expect": [{"rule": "ROSTER_LATE", "subject": "2026-11"}]}
                """);

        Cli cli = Cli.run("rules", "test", dir.toString());

        assertThat(cli.exit()).as(cli.toString()).isEqualTo(1);
        assertThat(cli.out()).contains("FAIL").contains("ROSTER_LATE").containsPattern("(?m)^0 passed, 1 failed$");
    }

    @Test
    void validate_accepts_a_company_rule_and_reports_a_broken_one_with_file_and_line() throws IOException {
        Path good = Files.createDirectories(dir.resolve("good"));
        Files.writeString(good.resolve("company.drl"), """
                package io.dutykit.rules.company

                import io.dutykit.rules.fact.CheckContext;

                // a company rule that never fires, just to show a folder compiles
                rule "COMPANY_NOTHING" @id(COMPANY_NOTHING) @clause("G2") @severity(WARNING)
                when
                    CheckContext( false )
                then
                end
                """);
        Files.writeString(
                good.resolve("messages.properties"), "COMPANY_NOTHING.title=Nothing\nCOMPANY_NOTHING=never\n");
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("broken.drl"), """
                package io.dutykit.rules.company

                rule "BROKEN"
                when
                    ThisFactDoesNotExist( )
                then
                end
                """);

        Cli ok = Cli.run("rules", "validate", good.toString());
        Cli broken = Cli.run("rules", "validate", bad.toString());

        assertThat(ok.exit()).as(ok.toString()).isZero();
        assertThat(broken.exit()).as(broken.toString()).isEqualTo(2);
        assertThat(broken.out()).contains("broken.drl").contains("ERROR");
    }

    @Test
    void a_missing_folder_is_bad_input() {
        assertThat(Cli.run("rules", "validate", dir.resolve("nope").toString()).exit())
                .isEqualTo(2);
        assertThat(Cli.run("rules", "test", dir.resolve("nope").toString()).exit())
                .isEqualTo(2);
    }
}
