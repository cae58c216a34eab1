package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 in a real {@code duty} process (docs/reliability.md, section 5): what only a whole JVM shows —
 * a rule calling {@code System.exit(0)}, a rule that loops for ever, running out of memory — and the
 * output of {@code verify} for a site id that holds a line feed.
 */
class HostileProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AS_OF = "2026-12-01T00:00:00+08:00";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private Run duty(List<String> jvm, String... args) throws Exception {
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = ChildJvm.duty(err, jvm, args);
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("duty %s ended within two minutes", List.of(args)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    // finding 4: a decision table whose action is System.exit($param) made duty check exit 0, silently

    @Test
    void a_rule_that_calls_system_exit_cannot_end_the_check_with_its_own_code() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("exit.drl.csv"), """
                RuleSet,com.example.rules
                Import,io.dutykit.rules.fact.CheckContext
                ,
                RuleTable Company Exit
                METADATA,METADATA,METADATA,CONDITION,ACTION
                ,,,$c : CheckContext,
                id($param),"clause(""$param"")",severity($param),"site != ""$param""\",System.exit($param);
                id,clause,severity,when,then
                COMPANY_EXIT,G2,WARNING,nowhere,0
                """);
        Files.writeString(rules.resolve("messages.properties"), "COMPANY_EXIT=never fires\n");

        Run check = duty(
                List.of(),
                "check",
                HostileImportIT.example().toString(),
                "--rules",
                rules.toString(),
                "--as-of",
                AS_OF);

        assertThat(check.exit()).as(check.toString()).isEqualTo(2);
        assertThat(check.err())
                .contains("called System.exit before the command finished")
                .doesNotContain("\tat ");

        Run validate = duty(List.of(), "rules", "validate", rules.toString());
        assertThat(validate.exit()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.out()).contains("ERROR exit.drl.csv:9:").contains("ends the Java process");
    }

    // finding 4: a rule with an endless loop hung duty check for ever

    @Test
    void a_rule_that_loops_for_ever_is_stopped_at_the_rule_timeout() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("spin.drl"), """
                package com.example.rules;
                import io.dutykit.rules.fact.CheckContext;
                rule "SPIN" @id(SPIN) @clause("G2") @severity(WARNING)
                when
                    CheckContext( )
                then
                    while (true) { }
                end
                """);

        Run check = duty(
                List.of(),
                "check",
                HostileImportIT.example().toString(),
                "--rules",
                rules.toString(),
                "--rule-timeout",
                "2s",
                "--as-of",
                AS_OF);

        assertThat(check.exit()).as(check.toString()).isEqualTo(2);
        assertThat(check.err())
                .startsWith("duty: the rules ran longer than the rule timeout of 2 s")
                .contains("rule \"SPIN\" in spin.drl");
        assertThat(check.err().strip().lines()).hasSize(1);
    }

    // finding 6: out of memory exited 1 (read as "violations found") with a stack trace

    @Test
    void running_out_of_memory_is_exit_71_with_one_line() throws Exception {
        Path big = dir.resolve("big.json");
        Duty generate = Duty.run("generate", "--sites", "1", "--months", "12", "--seed", "1", "--out", big.toString());
        assertThat(generate.exit()).as(generate.toString()).isZero();

        Run check = duty(List.of("-Xmx16m"), "check", big.toString(), "--as-of", AS_OF);

        assertThat(check.exit()).as(check.toString()).isEqualTo(71);
        assertThat(check.err())
                .startsWith("duty: ran out of memory")
                .contains("-Xmx")
                .doesNotContain("\tat ");
        assertThat(check.err().strip().lines()).hasSize(1);
    }

    // finding 8: a site id with a line feed forged lines of verify's output

    @Test
    void verify_escapes_control_characters_in_site_and_record_ids() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        Duty simulate = Duty.run("simulate", "--db", url, "--sites", "1", "--days", "1", "--quiet-refusals");
        assertThat(simulate.exit()).as(simulate.toString()).isZero();
        Path export = dir.resolve("export.json");
        assertThat(Duty.run("export", "--db", url, "--out", export.toString()).exit())
                .isZero();
        ObjectNode site = (ObjectNode) JSON.readTree(export.toFile());
        String forged = "x\nforged-site: intact, 9 log records, head 00\u001b[1A";
        ((ObjectNode) site.get("site")).put("id", forged);
        ((ObjectNode) ((ArrayNode) site.get("log")).get(0)).put("id", "r\r\nforged-record: intact");
        JSON.writeValue(export.toFile(), site);

        Duty verify = Duty.run("verify", export.toString());

        assertThat(verify.exit()).as(verify.toString()).isEqualTo(3);
        assertThat(verify.out().strip().lines()).hasSize(1);
        assertThat(verify.out())
                .startsWith("x\\nforged-site: intact, 9 log records, head 00\\u001b[1A: BROKEN at log record")
                .doesNotContain("\u001b");
    }
}
