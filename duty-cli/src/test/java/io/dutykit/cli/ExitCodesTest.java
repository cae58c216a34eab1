package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, findings 2 and 6 (the CLI's side): running out of memory or stack ends a command with exit
 * 71 and one line naming what ran out and what to do — never a stack trace, never exit 1 (which means
 * "violations found"); the errors libraries wrap them in are unwrapped. Before, an Error escaped
 * picocli's handler and the JVM exited 1 with a stack trace.
 */
class ExitCodesTest {
    @TempDir
    Path dir;

    private static String failed(Throwable thrown, int[] code) {
        StringWriter err = new StringWriter();
        code[0] = DutyCommand.failed(thrown, new PrintWriter(err, true));
        return err.toString();
    }

    @Test
    void out_of_memory_and_stack_overflow_are_exit_71_with_one_line() {
        int[] code = {-1};
        String memory = failed(new OutOfMemoryError("Java heap space"), code);
        assertThat(code[0]).isEqualTo(ExitCode.RESOURCES).isEqualTo(71);
        assertThat(memory)
                .startsWith("duty: ran out of memory (Java heap space)")
                .contains("-Xmx");
        assertThat(memory.strip().lines()).hasSize(1);

        String stack = failed(new IllegalStateException("wrapped", new StackOverflowError()), code);
        assertThat(code[0]).isEqualTo(71);
        assertThat(stack).startsWith("duty: ran out of stack").contains("-Xss").doesNotContain("\tat ");
    }

    @Test
    void a_bug_is_exit_70_with_a_stack_trace_and_never_1() {
        int[] code = {-1};
        String bug = failed(new LinkageError("broken jar"), code);
        assertThat(code[0]).isEqualTo(ExitCode.INTERNAL).isEqualTo(70);
        assertThat(bug).startsWith("duty: internal error").contains("\tat ");
    }

    @Test
    void a_rule_that_recurses_without_end_is_exit_71_not_a_stack_trace() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("deep.drl"), """
                package com.example.rules;
                import io.dutykit.rules.fact.CheckContext;
                function int deeper(int n) { return deeper(n + 1) + 1; }
                rule "DEEP" @id(DEEP) @clause("G2") @severity(WARNING)
                when
                    CheckContext( )
                then
                    deeper(0);
                end
                """);

        Cli check = Cli.run(
                "check",
                Path.of("../examples/data/garden-court.json").toString(),
                "--rules",
                rules.toString(),
                "--as-of",
                "2026-12-01T00:00:00+08:00");

        assertThat(check.exit()).as(check.toString()).isEqualTo(71);
        assertThat(check.err()).startsWith("duty: ran out of stack").doesNotContain("\tat ");
        assertThat(check.out()).isEmpty();
    }
}
