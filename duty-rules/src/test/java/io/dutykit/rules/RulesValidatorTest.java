package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesValidatorTest {
    private static final String HEADER = "package io.dutykit.rules;\n"
            + "import io.dutykit.rules.fact.Finding;\n"
            + "import io.dutykit.rules.fact.ShiftFact;\n";

    @TempDir
    Path folder;

    @Test
    void a_clean_folder_has_no_problems() throws IOException {
        Files.writeString(
                folder.resolve("mine.drl"),
                HEADER
                        + "rule \"MINE\" @id(MINE) @clause(\"G2\") @severity(WARNING)\n"
                        + "when\n  $s : ShiftFact( inScope, workingDay == false )\n"
                        + "then\n  insert(Finding.of(drools.getRule(), $s.date().toString(), java.util.List.of(), $s.date(), null));\nend\n");
        Files.writeString(folder.resolve("messages.properties"), "MINE.title=Mine\nMINE=A day off was checked.\n");
        assertThat(RulesValidator.validate(folder)).isEmpty();
    }

    /** SPEC 6.1: both silently weaken the procedure, so both are errors, each with its line and the key meant. */
    @Test
    void an_unknown_parameter_key_and_a_threshold_table_without_a_fallback_row_are_errors() throws IOException {
        Files.writeString(folder.resolve("procedure.properties"), "# ours\nphone.maxRing=4\n");
        Files.writeString(
                folder.resolve("incident-thresholds.csv"),
                "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n"
                        + "*,DIFFICULT,30,,4320\n*,MAJOR,10,30,1440\n");

        List<RuleProblem> problems = RulesValidator.validate(folder);

        assertThat(RulesValidator.isValid(problems)).isFalse();
        assertThat(problems)
                .extracting(RuleProblem::toString)
                .containsExactly(
                        "ERROR incident-thresholds.csv: there is no * row for ROUTINE; an incident of a category"
                                + " without its own row would then have no deadlines; add the row *,ROUTINE,... (the"
                                + " defaults are in docs/rules.md)",
                        "ERROR procedure.properties:2: phone.maxRing is not a parameter of the procedure; did you mean"
                                + " phone.maxRings?");
        assertThat(problems.get(1).suggestion()).isEqualTo("phone.maxRings");
        assertThat(problems.get(1).toString(java.util.Locale.CHINESE))
                .isEqualTo("错误 procedure.properties 第 2 行：phone.maxRing 不是流程参数；是否应为 phone.maxRings？");
    }

    @Test
    void a_syntax_error_is_reported_with_file_and_line() throws IOException {
        Files.writeString(
                folder.resolve("broken.drl"),
                HEADER + "rule \"BROKEN\" @id(BROKEN)\n" + "when\n  $s : ShiftFact( inScope, \n" + "then\nend\n");
        List<RuleProblem> problems = RulesValidator.validate(folder);
        assertThat(RulesValidator.isValid(problems)).isFalse();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.level()).isEqualTo(RuleProblem.Level.ERROR);
            assertThat(p.file()).isEqualTo("broken.drl");
            assertThat(p.line()).isBetween(6, 8);
            assertThat(p.message()).contains("Engine message");
        });
    }

    @Test
    void an_unknown_fact_type_or_field_is_explained() throws IOException {
        Files.writeString(
                folder.resolve("typo.drl"),
                HEADER + "rule \"TYPO\" @id(TYPO)\n" + "when\n  $s : ShiftFact( inScpe )\n" + "then\nend\n");
        List<RuleProblem> problems = RulesValidator.validate(folder);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.level()).isEqualTo(RuleProblem.Level.ERROR);
            assertThat(p.file()).isEqualTo("typo.drl");
            assertThat(p.message()).contains("field names");
        });
    }

    @Test
    void risky_constructs_are_warnings_that_name_the_line() throws IOException {
        Files.writeString(
                folder.resolve("risky.drl"),
                HEADER
                        + "import io.dutykit.rules.fact.CheckContext;\n"
                        + "function int twice(int x) { return 2 * x; }\n"
                        + "rule \"RISKY\" @id(RISKY) @clause(\"G2\") @severity(WARNING)\n"
                        + "when\n"
                        + "  $c : CheckContext()\n"
                        + "  $s : ShiftFact( inScope ) \n"
                        + "  eval( twice(1) == 2 )\n"
                        + "  $d : java.time.LocalDate() from $c.localDate($s.start)\n"
                        + "then\n"
                        + "  System.out.println(\"fired\");\n"
                        + "  insert(Finding.of(drools.getRule(), \"x\", java.util.List.of(), null, null));\n"
                        + "end\n");
        List<RuleProblem> problems = RulesValidator.validate(folder);
        assertThat(RulesValidator.isValid(problems)).as(problems.toString()).isTrue();
        assertThat(problems).extracting(RuleProblem::level).containsOnly(RuleProblem.Level.WARNING);
        assertThat(problems).anySatisfy(p -> assertThat(p.kind()).isEqualTo("MESSAGE_MISSING"));
        assertThat(problems)
                .extracting(p -> p.file() + ":" + p.line())
                .contains("risky.drl:5", "risky.drl:10", "risky.drl:11", "risky.drl:13");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("does more than insert a Finding"));
    }

    /** SPEC 6.1: without its labels a rule would report under its name, cite no clause and count as WARNING. */
    @Test
    void a_rule_without_its_labels_is_an_error_naming_each_with_its_line() throws IOException {
        Files.writeString(
                folder.resolve("noid.drl"),
                HEADER + "\n"
                        + "rule \"NO ID\"\n"
                        + "when\n  $s : ShiftFact( inScope )\n"
                        + "then\n  insert(Finding.of(drools.getRule(), \"x\", java.util.List.of(), null, null));\nend\n");
        assertThat(RulesValidator.validate(folder))
                .filteredOn(RuleProblem::isError)
                .extracting(RuleProblem::kind, RuleProblem::line, RuleProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RULE_WITHOUT_ID", 5, 6),
                        org.assertj.core.groups.Tuple.tuple("RULE_WITHOUT_CLAUSE", 5, 6),
                        org.assertj.core.groups.Tuple.tuple("RULE_WITHOUT_SEVERITY", 5, 6));
        assertThat(RulesValidator.validate(folder).get(0).message())
                .isEqualTo("rule \"NO ID\" has no @id(...): its violations would be reported under the rule's name,"
                        + " which is not a stable id; give it one, e.g. @id(NO_ID)");
    }

    @Test
    void an_unreadable_parameter_is_an_error_naming_key_and_value() throws IOException {
        Files.writeString(folder.resolve("procedure.properties"), "patrol.maxIntervalMinutes=three hours\n");
        List<RuleProblem> problems = RulesValidator.validate(folder);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.level()).isEqualTo(RuleProblem.Level.ERROR);
            assertThat(p.message())
                    .contains("patrol.maxIntervalMinutes=three hours")
                    .contains("whole number");
        });
    }

    @Test
    void the_shipped_company_example_validates() throws IOException {
        for (String file : List.of("night-patrol.drl", "messages.properties", "messages_zh.properties")) {
            Files.copy(Path.of("src/test/resources/company").resolve(file), folder.resolve(file));
        }
        assertThat(RulesValidator.validate(folder)).isEmpty();
    }
}
