package io.dutykit.cli;

import java.util.List;

/** The subcommands of {@code duty}, in the order {@code duty --help} lists them. */
final class Commands {
    private Commands() {}

    static List<Object> all() {
        return List.of(
                new CheckCommand(),
                new VerifyCommand(),
                new DueCommand(),
                new HoldCommand(),
                new ReportCommand(),
                new ImportCommand(),
                new ExportCommand(),
                new RulesCommand(),
                new ConsoleCommand(),
                new GenerateCommand(),
                new SimulateCommand(),
                new DemoCommand());
    }
}
