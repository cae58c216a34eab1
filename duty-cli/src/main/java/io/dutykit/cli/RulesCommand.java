package io.dutykit.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.procedure.ParameterFile;
import io.dutykit.dataset.DatasetReader;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleProblem;
import io.dutykit.rules.RuleSet;
import io.dutykit.rules.RulesValidator;
import io.dutykit.rules.ScenarioCoverage;
import io.dutykit.rules.ScenarioResult;
import io.dutykit.rules.ScenarioRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code duty rules}: start, validate, list, test and compare a company's rules folder, as a compliance
 * officer and a company's CI do (SPEC sections 6 and 6.1). Every subcommand speaks the officer's
 * language ({@code --lang}); the work is done by the library's APIs ({@link RulesValidator}, {@link
 * ScenarioRunner}, {@code RuleListing}, {@code ViolationDiff}, {@code StarterFolder}), which these
 * commands only print.
 */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "Starts, checks, lists, tests and compares a company's rules folder (SPEC section 6).",
        subcommands = {
            RulesInitCommand.class,
            RulesCommand.Validate.class,
            RulesListCommand.class,
            RulesCommand.Test.class,
            RulesDiffCommand.class
        })
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Text or JSON output of a rules command. */
    enum Format {
        text,
        json
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = {
                "Checks everything in the folder and prints every problem with file, line, column and what to do:",
                "unknown or misspelt keys and files, values of the wrong type or out of range, threshold rows,",
                "rules without @id, @clause or @severity, ids of default rules reused, messages that do not fit",
                "their rule, and what a reviewer should look at (a rules folder is code). Exit 2 on any error."
            })
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "DIR",
                description = "the rules folder (.drl, " + ParameterFile.NAME + ", threshold table, messages)")
        Path dir;

        @Option(
                names = "--data",
                paramLabel = "DATASET",
                description = "a dataset whose incident categories and inventory items count as known")
        Path data;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                defaultValue = "text",
                description = "text (default) or json")
        Format format;

        @Mixin
        RulesLanguage language;

        @Override
        public Integer call() {
            requireFolder(dir);
            List<SiteRecords> sites = new ArrayList<>();
            if (data != null) {
                if (!Files.exists(data)) {
                    throw UserError.of("--data %s does not exist", Terminal.safe(data.toString()));
                }
                new DatasetReader().forEachSite(data, sites::add);
            }
            List<RuleProblem> problems = RulesValidator.validate(dir, sites);
            long errors = problems.stream().filter(RuleProblem::isError).count();
            long warnings = problems.size() - errors;
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.print(json(dir, problems, errors, warnings));
            } else {
                Locale locale = language.locale();
                for (RuleProblem problem : problems) {
                    out.println(Terminal.safe(problem.toString(locale)));
                }
                out.println(language.pick(
                        String.format(
                                "%s: %d error(s), %d warning(s)", Terminal.safe(dir.toString()), errors, warnings),
                        String.format("%s：%d 个错误，%d 个警告", Terminal.safe(dir.toString()), errors, warnings)));
            }
            out.flush();
            return errors == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
        }

        private static String json(Path dir, List<RuleProblem> problems, long errors, long warnings) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(buffer, JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("format", "dutykit-rules-problems/1");
                json.writeStringField("folder", dir.toString());
                json.writeArrayFieldStart("problems");
                for (RuleProblem p : problems) {
                    json.writeStartObject();
                    json.writeStringField("level", p.level().name());
                    json.writeStringField("file", p.file());
                    json.writeNumberField("line", p.line());
                    json.writeNumberField("column", p.column());
                    json.writeStringField("kind", p.kind());
                    json.writeObjectFieldStart("message");
                    json.writeStringField("en", p.message());
                    json.writeStringField("zh", p.messageZh());
                    json.writeEndObject();
                    json.writeStringField("suggestion", p.suggestion());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeObjectFieldStart("summary");
                json.writeNumberField("ERROR", errors);
                json.writeNumberField("WARNING", warnings);
                json.writeEndObject();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toString(StandardCharsets.UTF_8) + System.lineSeparator();
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "Runs the rule scenarios of the folder against the default rules (plus --rules).",
                "Prints PASS, FAIL (with what was missing or extra) or ERROR (a scenario that cannot run, with",
                "file, line and column) per scenario, then 'N passed, N failed'.",
                "Exit 1 when a scenario fails, 2 when one cannot run (bad input, e.g. an unknown rule id)."
            })
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "the folder of scenario files (*.json)")
        Path dir;

        @Option(names = "--rules", paramLabel = "RULES_DIR", description = "the company rules folder to test with")
        Path rulesDir;

        @Option(
                names = "--coverage",
                description = "list per rule the scenarios that make it fire and those that keep it silent")
        boolean coverage;

        @Mixin
        RulesLanguage language;

        @Override
        public Integer call() {
            requireFolder(dir);
            DroolsProcedureRules rules = rules(rulesDir);
            List<ScenarioResult> results = new ScenarioRunner(rules).run(dir);
            PrintWriter out = spec.commandLine().getOut();
            Locale locale = language.locale();
            for (ScenarioResult result : results) {
                out.println(Terminal.safe(result.line(locale)));
            }
            if (coverage) {
                coverage(out, ScenarioCoverage.of(results, rules.catalogue()));
            }
            long passed = results.stream().filter(ScenarioResult::passed).count();
            long failed = results.stream().filter(ScenarioResult::failed).count();
            long broken = results.stream().filter(ScenarioResult::couldNotRun).count();
            out.println(language.pick(
                    String.format("%d passed, %d failed", passed, failed)
                            + (broken > 0 ? String.format(", %d could not run", broken) : ""),
                    String.format("通过 %d 个，失败 %d 个", passed, failed)
                            + (broken > 0 ? String.format("，无法运行 %d 个", broken) : "")));
            out.flush();
            if (broken > 0) {
                return ExitCode.BAD_INPUT;
            }
            return failed == 0 ? ExitCode.OK : ExitCode.VIOLATIONS;
        }

        private void coverage(PrintWriter out, ScenarioCoverage coverage) {
            out.println();
            out.println(language.pick(
                    "Coverage (per rule: scenarios that make it fire | keep it silent):",
                    "覆盖情况（每条规则：使其触发的场景 | 使其不触发的场景）："));
            for (ScenarioCoverage.Rule rule : coverage.rules()) {
                out.printf(
                        "  %-34s %s | %s%n",
                        Terminal.safe(rule.id()),
                        rule.fires().isEmpty() ? "-" : Terminal.safe(String.join(", ", rule.fires())),
                        rule.silent().isEmpty() ? "-" : Terminal.safe(String.join(", ", rule.silent())));
            }
            out.println(language.pick("No scenario makes these rules fire: ", "没有场景使这些规则触发：")
                    + (coverage.withoutFiring().isEmpty() ? "-" : String.join(", ", coverage.withoutFiring())));
            out.println(language.pick("No scenario keeps these rules silent: ", "没有场景使这些规则不触发：")
                    + (coverage.withoutSilent().isEmpty() ? "-" : String.join(", ", coverage.withoutSilent())));
            out.println();
        }
    }

    /** The default rules, or those of a company's folder (refused with every error it holds). */
    static DroolsProcedureRules rules(Path folder) {
        return folder == null
                ? DroolsProcedureRules.defaults()
                : DroolsProcedureRules.of(RuleSet.withFolder(requireFolder(folder)));
    }

    static Path requireFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw UserError.of(
                    "%s is not a folder; give the folder that holds the files", Terminal.safe(dir.toString()));
        }
        return dir;
    }
}
