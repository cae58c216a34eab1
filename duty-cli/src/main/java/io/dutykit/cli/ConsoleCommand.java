package io.dutykit.cli;

import io.dutykit.console.ConsoleOptions;
import io.dutykit.console.RuleConsole;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code duty console --rules DIR}: the rule console (SPEC section 6.2), a local web page on which
 * compliance staff edit the rules folder. Starts {@link RuleConsole} and serves until stopped (Ctrl+C).
 */
@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the rule console: a web page on which compliance staff browse the catalogue, edit the",
            "parameters, the incident threshold table and their rules' texts and severity, run the scenarios,",
            "preview a change on a dataset and save it into the rules folder (checked as by 'rules validate',",
            "written whole or not at all, each change in console-audit.txt). Listens on 127.0.0.1 unless",
            "--bind says otherwise. Stop it with Ctrl+C."
        })
final class ConsoleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "DIR", description = "the company's rules folder")
    Path rules;

    @Option(names = "--data", paramLabel = "DATASET", description = "a dataset (file or folder) to preview changes on")
    Path data;

    @Option(
            names = "--scenarios",
            paramLabel = "DIR",
            description = "the rule scenarios to run (default: the folder's scenarios/)")
    Path scenarios;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "the port (default ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = ConsoleOptions.LOOPBACK,
            description = "the address to listen on (default ${DEFAULT-VALUE}: this computer only)")
    String bind;

    @Option(names = "--user", paramLabel = "NAME", description = "who saves, for the audit file (default: the OS user)")
    String user;

    @Mixin
    PeriodOptions period;

    @Mixin
    RulesLanguage language;

    @Override
    public Integer call() throws InterruptedException {
        RulesCommand.requireFolder(rules);
        ConsoleOptions options = ConsoleOptions.of(rules)
                .withData(data)
                .withScenarios(scenarios)
                .withBind(bind)
                .withPort(port)
                .withLocale(language.locale())
                .withUser(user)
                .withPeriod(PeriodOptions.date("--from", period.from), PeriodOptions.date("--to", period.to))
                .withAsOf(period.asOf == null ? null : period.asOf());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleConsole console = RuleConsole.start(options);
        Thread stop = new Thread(console::close, "dutykit-console-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        if (!console.isLoopbackOnly()) {
            err.println(language.pick(
                    "duty: WARNING: the console listens on " + Terminal.safe(bind) + ", not only on this computer:"
                            + " anyone who can reach port " + console.port() + " can change the rules in "
                            + Terminal.safe(rules.toString()) + ". Use it only on a network you trust, or leave out"
                            + " --bind.",
                    "duty: 警告：控制台在 " + Terminal.safe(bind) + " 上监听，不只限于本机：能访问端口 " + console.port()
                            + " 的任何人都能修改 " + Terminal.safe(rules.toString()) + " 中的规则。只在可信的网络中使用，或不要给出"
                            + " --bind。"));
            err.flush();
        }
        out.println(language.pick(
                "DutyKit rule console for " + Terminal.safe(rules.toString()) + ": " + console.uri(),
                "DutyKit 规则控制台（" + Terminal.safe(rules.toString()) + "）：" + console.uri()));
        out.println(language.pick("Stop it with Ctrl+C.", "按 Ctrl+C 停止。"));
        out.flush();
        console.await();
        return ExitCode.OK;
    }
}
