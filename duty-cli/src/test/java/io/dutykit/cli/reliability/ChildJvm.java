package io.dutykit.cli.reliability;

import io.dutykit.cli.DutyCommand;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code duty} in a child JVM on the test classpath (no shaded jar needed), so that it can be
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) like a real process.
 */
final class ChildJvm {
    private ChildJvm() {}

    /** Starts {@code duty ARGS}. */
    static Process duty(Path stderr, List<String> jvmOptions, String... args) throws IOException {
        return start(stderr, jvmOptions, DutyCommand.class, args);
    }

    /** Starts the main class with the arguments; stdout is for the caller to read, stderr goes to a file. */
    static Process start(Path stderr, List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .start();
    }
}
