package io.dutykit.cli;

import java.io.PrintWriter;

/**
 * Refuses to let code inside a command end the process with an exit code of its choosing: a rule of a
 * rules folder is Java (docs/reliability.md, "trust model"), and one that calls {@code System.exit(0)}
 * would otherwise end {@code duty check} with 0 and no output, passing a CI gate. When the JVM shuts
 * down before the command returned, and a thread is inside {@code System.exit}, the guard says so on
 * stderr and ends the process with exit 2 instead. A signal (Ctrl-C, SIGTERM) keeps its usual status.
 */
final class ExitGuard {
    private volatile boolean finished;

    private ExitGuard() {}

    static ExitGuard install(PrintWriter err) {
        ExitGuard guard = new ExitGuard();
        Thread hook = new Thread(() -> guard.onShutdown(err), "dutykit-exit-guard");
        Runtime.getRuntime().addShutdownHook(hook);
        return guard;
    }

    /** The command returned: the exit that follows is its own. */
    void finished() {
        finished = true;
    }

    private void onShutdown(PrintWriter err) {
        if (finished || !exitCalled()) {
            return;
        }
        err.println("duty: code run by the command (a rule of the rules folder?) called System.exit before the"
                + " command finished, so its result is void; find it with duty rules validate DIR"
                + " (a rules folder is code: review it like code)");
        err.flush();
        Runtime.getRuntime().halt(ExitCode.BAD_INPUT);
    }

    /** Whether some thread is inside {@code System.exit} or {@code Runtime.exit} (a signal is neither). */
    private static boolean exitCalled() {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if ((frame.getClassName().equals("java.lang.System")
                                || frame.getClassName().equals("java.lang.Runtime"))
                        && frame.getMethodName().equals("exit")) {
                    return true;
                }
            }
        }
        return false;
    }
}
