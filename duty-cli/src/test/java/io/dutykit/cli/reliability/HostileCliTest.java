package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 (docs/reliability.md, section 5): what a hostile file or a mistyped argument does to the
 * commands, run in process. Each case exits as docs/cli.md says, with one line on stderr and no stack
 * trace.
 */
class HostileCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AS_OF = "2026-12-01T00:00:00+08:00";

    @TempDir
    Path dir;

    private static void refused(Duty duty, String... named) {
        assertThat(duty.exit()).as(duty.toString()).isEqualTo(2);
        assertThat(duty.err()).as(duty.toString()).startsWith("duty: ").doesNotContain("\tat ");
        for (String text : named) {
            assertThat(duty.err()).as(duty.toString()).contains(text);
        }
    }

    // finding 5: a mistyped database path "verified" an empty database it had just created

    @Test
    void a_database_file_that_does_not_exist_is_refused_by_every_command_that_reads_one() {
        String url = "jdbc:h2:file:" + dir.resolve("typo").toAbsolutePath();
        Path out = dir.resolve("out.json");

        refused(Duty.run("verify", "--db", url), url, "does not exist", "duty import");
        refused(Duty.run("check", "--db", url), url, "does not exist");
        refused(Duty.run("export", "--db", url, "--out", out.toString()), url, "does not exist");
        refused(
                Duty.run("report", "monthly", "--db", url, "--format", "html", "--out", out.toString()),
                url,
                "does not exist");

        assertThat(dir.resolve("typo.mv.db")).as("nothing created").doesNotExist();
        assertThat(out).doesNotExist();
    }

    @Test
    void an_in_memory_database_is_refused_where_it_can_only_be_empty() {
        refused(Duty.run("verify", "--db", "jdbc:h2:mem:duty"), "jdbc:h2:mem:duty", "in-memory", "nothing to verify");
        refused(Duty.run("check", "--db", "jdbc:h2:mem:duty"), "in-memory", "nothing to check");
        refused(
                Duty.run(
                        "export",
                        "--db",
                        "jdbc:h2:mem:duty",
                        "--out",
                        dir.resolve("x.json").toString()),
                "in-memory");
    }

    // finding 6: a period of 0001-01-01 to 9999-12-31 ran out of memory (exit 1, a stack trace)

    @Test
    void a_period_beyond_sane_bounds_is_bad_input() {
        String data = HostileImportIT.example().toString();

        refused(
                Duty.run("check", data, "--from", "0001-01-01", "--to", "9999-12-31", "--as-of", AS_OF),
                "0001-01-01",
                "1900-01-01 to 2999-12-31");
        refused(
                Duty.run("check", data, "--from", "2020-01-01", "--to", "2035-12-31", "--as-of", AS_OF),
                "spans 5844 days",
                "3653");
        refused(
                Duty.run(
                        "report",
                        "monthly",
                        data,
                        "--from",
                        "0001-01-01",
                        "--to",
                        "9999-12-31",
                        "--format",
                        "html",
                        "--out",
                        dir.resolve("r.html").toString()),
                "0001-01-01");
    }

    @Test
    void an_oversized_spreadsheet_in_a_rules_folder_is_bad_input() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(rules.resolve("incident-thresholds.xlsx"))) {
            Sheet sheet = workbook.createSheet("t");
            for (int r = 0; r < 20_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("*");
                row.createCell(1).setCellValue("ROUTINE");
            }
            workbook.write(out);
            workbook.dispose();
        }

        Duty validate = Duty.run("rules", "validate", rules.toString());
        assertThat(validate.exit()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.out()).contains("incident-thresholds.xlsx holds more than 10,000 rows");

        refused(
                Duty.run("check", HostileImportIT.example().toString(), "--rules", rules.toString()),
                "more than 10,000 rows");
    }

    // finding 4: a rule that waits hung the check for ever

    @Test
    void a_rule_that_waits_is_stopped_at_the_rule_timeout_naming_its_file() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("slow.drl"), """
                package com.example.rules;
                import io.dutykit.rules.fact.CheckContext;
                rule "SLOW" @id(SLOW) @clause("G2") @severity(WARNING)
                when
                    CheckContext( )
                then
                    Thread.sleep(600_000);
                end
                """);

        Duty check = Duty.run(
                "check",
                HostileImportIT.example().toString(),
                "--rules",
                rules.toString(),
                "--rule-timeout",
                "1s",
                "--as-of",
                AS_OF);

        refused(check, "slow.drl", "rule \"SLOW\"", "rule timeout of 1 s", "garden-court", "--rule-timeout");
        refused(Duty.run("check", HostileImportIT.example().toString(), "--rule-timeout", "soon"), "soon");
    }

    // finding 8: a site id with a line feed or an escape sequence forged output lines

    @Test
    void control_characters_in_ids_cannot_forge_or_colour_output_lines() throws IOException {
        ObjectNode site = HostileImportIT.gardenCourt();
        String forged = "gc\u001b[2J\nforged-site: intact, 0 log records";
        ((ObjectNode) site.get("site")).put("id", forged);
        Path file = dir.resolve("evil.json");
        JSON.writeValue(file.toFile(), site);

        Duty check = Duty.run("check", file.toString(), "--as-of", AS_OF);

        assertThat(check.exit()).as(check.toString()).isEqualTo(1);
        assertThat(check.out())
                .doesNotContain("\u001b")
                .contains("gc\\u001b[2J\\nforged-site: intact")
                .doesNotContainPattern("(?m)^forged-site");
        Duty report = Duty.run(
                "report", "monthly", file.toString(), "--site", "elsewhere", "--format", "html", "--out", "x.html");
        refused(report, "gc\\u001b[2J\\nforged-site");
        assertThat(report.err().strip().lines()).hasSize(1);
    }
}
