package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rules folder is code (SPEC section 6; docs/reliability.md, "trust model"): {@code duty rules
 * validate} on a folder from somewhere untrusted flags every consequence that does more than insert a
 * violation — exiting the JVM, writing a file — and {@code eval}, with file and line, so a reviewer
 * cannot miss them. It does not run them: validating compiles the rules and fires none.
 */
class UntrustedRulesCliTest {
    @TempDir
    Path dir;

    @Test
    void side_effects_and_eval_in_an_untrusted_folder_are_flagged_with_file_and_line() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("untrusted"));
        Path written = dir.resolve("pwned.txt");
        Files.writeString(folder.resolve("exit.drl"), """
                package io.dutykit.rules.company

                import io.dutykit.rules.fact.CheckContext;

                rule "COMPANY_EXIT" @id(COMPANY_EXIT) @clause("G2") @severity(WARNING)
                when
                    CheckContext( )
                then
                    System.exit(0);
                end
                """);
        Files.writeString(
                folder.resolve("write.drl"), """
                package io.dutykit.rules.company

                import io.dutykit.rules.fact.CheckContext;

                rule "COMPANY_WRITE" @id(COMPANY_WRITE) @clause("G2") @severity(WARNING)
                when
                    CheckContext( )
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "x");
                end
                """.formatted(written.toString().replace("\\", "/")));
        Files.writeString(folder.resolve("eval.drl"), """
                package io.dutykit.rules.company

                import io.dutykit.rules.fact.CheckContext;

                rule "COMPANY_EVAL" @id(COMPANY_EVAL) @clause("G2") @severity(WARNING)
                when
                    CheckContext( )
                    eval( Runtime.getRuntime().availableProcessors() > 0 )
                then
                end
                """);

        Duty validate = Duty.run("rules", "validate", folder.toString());

        assertThat(validate.out() + validate.err())
                .as(validate.toString())
                .contains("exit.drl:9")
                .contains("write.drl:9")
                .contains("eval.drl:8")
                .containsIgnoringCase("warning");
        // issue 18, finding 4: a call that ends the process is an error, not a warning
        assertThat(validate.out()).contains("ERROR exit.drl:9: ends the Java process");
        assertThat(validate.exit()).as("System.exit is an error").isEqualTo(2);
        assertThat(written).as("validating runs no consequence").doesNotExist();

        Files.delete(folder.resolve("exit.drl"));
        Duty warningsOnly = Duty.run("rules", "validate", folder.toString());
        assertThat(warningsOnly.out())
                .contains("write.drl:9")
                .contains("eval.drl:8")
                .doesNotContain("ERROR");
        assertThat(warningsOnly.exit()).as("warnings alone are not errors").isZero();
    }
}
