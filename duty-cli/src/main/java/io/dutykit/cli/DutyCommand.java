package io.dutykit.cli;

import io.dutykit.core.ChainBrokenException;
import io.dutykit.core.DutyKitException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code duty} command: checks, verifies, moves, reports and simulates duty records. */
@Command(
        name = "duty",
        mixinStandardHelpOptions = true,
        version = "duty 0.1.0",
        description = {
            "Checks a resident service centre's duty records against the duty and handover procedure.",
            "Logging goes to stderr and is off unless --verbose (anywhere) or DUTY_LOG=debug|info|warn|error is given."
        },
        subcommands = {CommandLine.HelpCommand.class})
public final class DutyCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] given) {
        List<String> problems = new ArrayList<>();
        String[] args = Logging.configure(given, System.getenv("DUTY_LOG"), problems);
        CheckCommand.startLoadingDefaultRules(args);
        PrintWriter err = new PrintWriter(System.err, true);
        for (String problem : problems) {
            err.println("duty: " + problem);
        }
        ExitGuard guard = ExitGuard.install(err);
        int code = run(args, new PrintWriter(System.out, true), err);
        guard.finished();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code; output goes to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            CommandLine line = commandLine();
            line.setOut(out);
            line.setErr(err);
            return line.execute(args);
        } catch (Throwable t) {
            // picocli hands only Exceptions to the handler: an Error (out of memory, stack overflow) comes
            // here, and must not leave the JVM with exit 1, which reads as "violations found"
            return failed(t, err);
        }
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

    private static int handle(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        return failed(e, line.getErr());
    }

    /**
     * What a command that threw ends with (docs/cli.md, "Exit codes"): user errors are one line on
     * stderr and exit 2; running out of memory or stack is one line naming what ran out and what to do,
     * exit 71; only real bugs show a stack trace, exit 70. Never 1, which means "violations".
     */
    static int failed(Throwable thrown, PrintWriter err) {
        try {
            Throwable resource = resourceFailure(thrown);
            if (resource != null) {
                err.println("duty: " + ranOut(resource));
                return ExitCode.RESOURCES;
            }
            if (thrown instanceof ChainBrokenException) {
                err.println("duty: " + Terminal.lines(thrown.getMessage()));
                return ExitCode.INTEGRITY;
            }
            if (thrown instanceof DutyKitException) {
                err.println("duty: " + Terminal.lines(thrown.getMessage()));
                return ExitCode.BAD_INPUT;
            }
            if (thrown instanceof UncheckedIOException io) {
                err.println("duty: " + Terminal.lines(io.getCause().getMessage()));
                return ExitCode.BAD_INPUT;
            }
            if (thrown instanceof java.io.IOException io) {
                err.println("duty: " + Terminal.lines(io.getMessage()));
                return ExitCode.BAD_INPUT;
            }
            err.println("duty: internal error, please report it with the command you ran: "
                    + Terminal.lines(String.valueOf(thrown)));
            thrown.printStackTrace(err);
            err.flush();
            return ExitCode.INTERNAL;
        } catch (VirtualMachineError again) {
            // too little memory left even to say so: the exit code still tells
            return ExitCode.RESOURCES;
        }
    }

    /** The OutOfMemoryError or StackOverflowError that caused {@code thrown} (libraries wrap them), or null. */
    static Throwable resourceFailure(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
                return t;
            }
        }
        return null;
    }

    private static String ranOut(Throwable resource) {
        if (resource instanceof StackOverflowError) {
            return "ran out of stack (StackOverflowError): the input is nested too deeply, or a rule of the rules"
                    + " folder calls itself without end. Check the input and the rules (duty rules validate DIR);"
                    + " if they are as intended, give the JVM a larger stack: java -Xss16m -jar duty.jar …";
        }
        String what = resource.getMessage() == null ? "" : " (" + resource.getMessage() + ")";
        return "ran out of memory" + what + ": the input (or one site of it) is larger than this JVM can hold."
                + " Give it more memory (java -Xmx4g -jar duty.jar …), or split the input into one file per site"
                + " and check them one by one";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
