package io.dutykit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command's logging, set before anything logs: SLF4J simple to stderr (simplelogger.properties),
 * quiet by default; {@code --verbose} anywhere on the command line logs INFO and up, and the environment
 * variable {@code DUTY_LOG} names a level (trace, debug, info, warn, error, off). Log4j's API (POI's)
 * goes to the same place through log4j-to-slf4j, so neither library prints a warning of its own about a
 * missing logging provider.
 */
final class Logging {
    static final String VERBOSE = "--verbose";
    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    private Logging() {}

    /**
     * Sets the level from {@code DUTY_LOG} and {@code --verbose} and returns the arguments without
     * {@code --verbose}; a {@code DUTY_LOG} that names no level is reported on {@code problems}.
     */
    static String[] configure(String[] args, String environment, List<String> problems) {
        List<String> rest = new ArrayList<>();
        boolean verbose = false;
        for (String arg : args) {
            if (arg.equals(VERBOSE)) {
                verbose = true;
            } else {
                rest.add(arg);
            }
        }
        String level = null;
        if (environment != null && !environment.isBlank()) {
            String wanted = environment.trim().toLowerCase(Locale.ROOT);
            if (LEVELS.contains(wanted)) {
                level = wanted;
            } else {
                problems.add("DUTY_LOG=" + Terminal.safe(environment) + " names no log level; use one of trace, debug,"
                        + " info, warn, error, off (ignored)");
            }
        }
        if (level == null && verbose) {
            level = "info";
        }
        if (level != null) {
            System.setProperty(LEVEL, level);
        }
        return rest.toArray(new String[0]);
    }
}
