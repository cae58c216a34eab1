package io.dutykit.cli;

import io.dutykit.core.procedure.ParameterFile;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleProblem;
import io.dutykit.rules.RuleSet;
import io.dutykit.rules.RulesValidator;
import io.dutykit.rules.ScenarioResult;
import io.dutykit.rules.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code duty rules}: validate a rules folder and run rule scenarios, as a company's CI does. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "Checks a company's rules folder and runs rule scenarios (SPEC section 6).",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = {
                "Compiles the folder with the default rules and prints every problem with file, line and message.",
                "Also warns about rules that do more than report violations (a rules folder is code: review it).",
                "Exit 2 when anything does not compile, 0 otherwise."
            })
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "DIR",
                description = "the rules folder (.drl, " + ParameterFile.NAME + ", threshold tables)")
        Path dir;

        @Override
        public Integer call() {
            requireFolder(dir);
            PrintWriter out = spec.commandLine().getOut();
            List<RuleProblem> problems = RulesValidator.validate(dir);
            for (RuleProblem problem : problems) {
                out.println(Terminal.safe(problem.toString()));
            }
            long errors = problems.stream()
                    .filter(p -> p.level() == RuleProblem.Level.ERROR)
                    .count();
            long warnings = problems.size() - errors;
            out.printf("%s: %d error(s), %d warning(s)%n", Terminal.safe(dir.toString()), errors, warnings);
            out.flush();
            return RulesValidator.isValid(problems) ? ExitCode.OK : ExitCode.BAD_INPUT;
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "Runs the rule scenarios of the folder against the default rules (plus --rules).",
                "Prints PASS or FAIL per scenario with what was missing or extra, then 'N passed, N failed'.",
                "Exit 1 when any scenario fails."
            })
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "the folder of scenario files (*.json)")
        Path dir;

        @Option(names = "--rules", paramLabel = "RULES_DIR", description = "the company rules folder to test with")
        Path rulesDir;

        @Override
        public Integer call() {
            requireFolder(dir);
            DroolsProcedureRules rules = rulesDir == null
                    ? DroolsProcedureRules.defaults()
                    : DroolsProcedureRules.of(RuleSet.withFolder(requireFolder(rulesDir)));
            List<ScenarioResult> results = new ScenarioRunner(rules).run(dir);
            PrintWriter out = spec.commandLine().getOut();
            for (ScenarioResult result : results) {
                out.println(Terminal.safe(result.line()));
            }
            long passed = results.stream().filter(ScenarioResult::passed).count();
            long failed = results.size() - passed;
            out.printf("%d passed, %d failed%n", passed, failed);
            out.flush();
            return failed == 0 ? ExitCode.OK : ExitCode.VIOLATIONS;
        }
    }

    static Path requireFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw UserError.of(
                    "%s is not a folder; give the folder that holds the files", Terminal.safe(dir.toString()));
        }
        return dir;
    }
}
