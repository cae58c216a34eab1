package io.dutykit.cli;

import io.dutykit.core.DutyKitException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code duty} command: checks, verifies, moves, reports and simulates duty records. */
@Command(
        name = "duty",
        mixinStandardHelpOptions = true,
        version = "duty 0.1.0",
        description = "Checks a resident service centre's duty records against the duty and handover procedure.",
        subcommands = {CommandLine.HelpCommand.class})
public final class DutyCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        CheckCommand.startLoadingDefaultRules(args);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code; output goes to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = commandLine();
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new DutyCommand());
        for (Object command : Commands.all()) {
            line.addSubcommand(command);
        }
        line.setExecutionExceptionHandler(DutyCommand::handle);
        line.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("duty: " + e.getMessage());
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.BAD_INPUT;
        });
        return line;
    }

    /** User errors become one line on stderr and exit 2; only real bugs show a stack trace. */
    private static int handle(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        if (e instanceof DutyKitException) {
            err.println("duty: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("duty: " + io.getCause().getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof java.io.IOException io) {
            err.println("duty: " + io.getMessage());
            return ExitCode.BAD_INPUT;
        }
        err.println("duty: internal error, please report it with the command you ran: " + e);
        e.printStackTrace(err);
        return 70;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
