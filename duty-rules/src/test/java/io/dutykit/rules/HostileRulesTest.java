package io.dutykit.rules;

import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.check.CheckPeriod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, finding 4 (and the spreadsheet part of 6): {@code rules validate} inspects decision tables
 * and conditions and {@code Finding} arguments, not only DRL consequences, and makes a call that ends
 * the process an error; a rule that waits is stopped by the evaluation's time limit, which names its
 * file; an oversized spreadsheet is refused before it is read.
 */
class HostileRulesTest {
    private static final String HEADER = "package com.example.rules;\n"
            + "import io.dutykit.rules.fact.CheckContext;\n"
            + "import io.dutykit.rules.fact.Finding;\n";

    @TempDir
    Path folder;

    private static String rule(String name, String when, String then) {
        return "rule \"" + name + "\" @id(" + name + ") @clause(\"G2\") @severity(WARNING)\n" + "when\n" + when
                + "\nthen\n" + then + "\nend\n";
    }

    /** A decision table whose action calls {@code System.exit($param)}: the bypass of the CI gate. */
    static final String EXIT_TABLE = "RuleSet,com.example.rules\n"
            + "Import,\"io.dutykit.rules.fact.CheckContext, io.dutykit.rules.fact.Finding\"\n"
            + ",\n"
            + "RuleTable Company Exit\n"
            + "METADATA,METADATA,METADATA,CONDITION,ACTION\n"
            + ",,,$c : CheckContext,\n"
            + "id($param),\"clause(\"\"$param\"\")\",severity($param),\"site != \"\"$param\"\"\",System.exit($param);\n"
            + "id,clause,severity,when,then\n"
            + "COMPANY_EXIT,G2,WARNING,nowhere,0\n";

    private static List<String> lines(List<RuleProblem> problems) {
        return problems.stream().map(RuleProblem::toString).toList();
    }

    @Test
    void a_decision_table_that_exits_the_process_is_an_error_naming_its_row() throws IOException {
        Files.writeString(folder.resolve("exit.drl.csv"), EXIT_TABLE);

        List<RuleProblem> problems = RulesValidator.validate(folder);

        assertThat(RulesValidator.isValid(problems))
                .as(lines(problems).toString())
                .isFalse();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.level()).isEqualTo(RuleProblem.Level.ERROR);
            assertThat(p.file()).isEqualTo("exit.drl.csv");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("ends the Java process").contains("row 9");
        });
    }

    @Test
    void side_effects_in_conditions_and_finding_arguments_are_warnings_and_exits_are_errors() throws IOException {
        Files.writeString(
                folder.resolve("sneaky.drl"),
                HEADER
                        + rule(
                                "IN_CONDITION",
                                "  $c : CheckContext( java.nio.file.Files.exists(java.nio.file.Path.of(\"/tmp\")) )",
                                "  insert(Finding.of(drools.getRule(), \"x\", java.util.List.of(), null, null));")
                        + rule(
                                "IN_ARGUMENT",
                                "  $c : CheckContext( )",
                                "  insert(Finding.of(drools.getRule(), String.valueOf(Class.forName(\"java.lang.Thread\")),"
                                        + " java.util.List.of(), null, null));")
                        + rule(
                                "IN_EVAL",
                                "  $c : CheckContext( )\n  eval( Thread.currentThread() != null )",
                                "  insert(Finding.of(drools.getRule(), \"x\", java.util.List.of(), null, null));")
                        + rule(
                                "HALTS",
                                "  $c : CheckContext( )",
                                "  insert(Finding.of(drools.getRule(), \"x\", java.util.List.of(), null, null));\n"
                                        + "  Runtime.getRuntime().halt(0);"));

        List<RuleProblem> problems = RulesValidator.validate(folder);

        assertThat(lines(problems))
                .as(lines(problems).toString())
                .anySatisfy(l -> assertThat(l).startsWith("WARNING sneaky.drl:6: reads or writes outside"))
                .anySatisfy(l -> assertThat(l).startsWith("WARNING sneaky.drl:14: uses reflection"))
                .anySatisfy(l -> assertThat(l).startsWith("WARNING sneaky.drl:19: uses threads"))
                .anySatisfy(l -> assertThat(l).startsWith("ERROR sneaky.drl:28: ends the Java process"));
        assertThat(RulesValidator.isValid(problems)).isFalse();
    }

    @Test
    void the_shipped_company_example_still_has_no_problem() throws IOException {
        for (String file : List.of("night-patrol.drl", "messages.properties", "messages_zh.properties")) {
            Files.copy(Path.of("src/test/resources/company").resolve(file), folder.resolve(file));
        }
        assertThat(RulesValidator.validate(folder)).isEmpty();
    }

    private static RuleTimeoutException timesOut(Path dir) {
        DroolsProcedureRules rules =
                DroolsProcedureRules.of(RuleSet.withFolder(dir)).withTimeout(Duration.ofMillis(300));
        CheckPeriod day = new CheckPeriod(Given.d("2026-11-02"), Given.d("2026-11-02"));
        try {
            rules.evaluate(given().records(), day, Given.t("2026-11-20T00:00"));
        } catch (RuleTimeoutException e) {
            return e;
        }
        throw new AssertionError("the evaluation ended although a rule waits for 100 s");
    }

    @Test
    void a_rule_that_waits_is_stopped_and_its_file_named_wherever_it_waits() throws IOException {
        String wait =
                "function boolean slow() { try { Thread.sleep(100_000); } catch (InterruptedException e) { } return true; }\n";
        String finding = "insert(Finding.of(drools.getRule(), \"x\", java.util.List.of(), null, null));";
        record Case(String file, String drl, String running) {}
        List<Case> cases = List.of(
                new Case(
                        "consequence.drl",
                        HEADER + rule("SLEEPS", "CheckContext()", "Thread.sleep(100_000);"),
                        "rule \"SLEEPS\""),
                new Case(
                        "eval.drl",
                        HEADER + wait + rule("EVALS", "CheckContext()\neval( slow() )", finding),
                        "function slow"),
                new Case(
                        "condition.drl",
                        HEADER + wait + rule("MATCHES", "CheckContext( slow() )", finding),
                        "function slow"),
                new Case(
                        "argument.drl",
                        HEADER
                                + wait
                                + rule(
                                        "ARGUES",
                                        "CheckContext()",
                                        "insert(Finding.of(drools.getRule(), String.valueOf(slow()), java.util.List.of(), null, null));"),
                        "function slow"));
        for (Case c : cases) {
            Path dir = Files.createDirectories(folder.resolve(c.file()));
            Files.writeString(dir.resolve(c.file()), c.drl());

            RuleTimeoutException e = timesOut(dir);

            assertThat(e.ruleFile()).as(e.getMessage()).isEqualTo(c.file());
            assertThat(e.rule()).isEqualTo(c.running());
            assertThat(e.site()).isEqualTo("garden-court");
            assertThat(e.getMessage())
                    .contains(c.file())
                    .contains("rule timeout of 300 ms")
                    .contains("--rule-timeout");
        }
    }

    @Test
    void a_decision_table_that_waits_is_named() throws IOException {
        Files.writeString(
                folder.resolve("waits.drl.csv"),
                EXIT_TABLE
                        .replace("System.exit($param);", "Thread.sleep($param);")
                        .replace("nowhere,0", "nowhere,100000"));
        Files.writeString(folder.resolve("messages.properties"), "COMPANY_EXIT=never fires\n");

        RuleTimeoutException e = timesOut(folder);

        assertThat(e.ruleFile()).isEqualTo("waits.drl.csv");
        assertThat(e.rule()).isEqualTo("rule \"Company Exit_9\"");
    }

    @Test
    void without_a_limit_and_within_it_the_rules_report_as_before() {
        DroolsProcedureRules defaults = DroolsProcedureRules.defaults();
        CheckPeriod day = new CheckPeriod(Given.d("2026-11-02"), Given.d("2026-11-02"));
        var records = given().records();

        assertThat(defaults.timeout()).isNull();
        assertThat(defaults.withTimeout(Duration.ZERO).timeout()).isNull();
        assertThat(defaults.withTimeout(Duration.ofSeconds(60)).evaluate(records, day, Given.t("2026-11-20T00:00")))
                .isEqualTo(defaults.evaluate(records, day, Given.t("2026-11-20T00:00")))
                .isNotEmpty();
        assertThatThrownBy(() -> defaults.withTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void an_oversized_rule_file_is_refused_before_it_is_read() throws IOException {
        Files.write(folder.resolve("huge.drl"), new byte[(int) RuleFileLimits.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> RuleSet.withFolder(folder))
                .hasMessageContaining("huge.drl")
                .hasMessageContaining("more than the 4,194,304 a file of a rules folder may have");
    }
}
