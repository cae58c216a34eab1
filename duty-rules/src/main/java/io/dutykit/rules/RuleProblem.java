package io.dutykit.rules;

/**
 * One problem found in a rules folder: where it is and what to do about it.
 *
 * @param file the file name (e.g. {@code night-patrol.drl})
 * @param line the 1-based line, or 0 when the problem is about the whole file
 * @param message in words a non-programmer can act on, followed by the engine's own message
 */
public record RuleProblem(Level level, String file, int line, String message) {
    /** How serious a problem is: an error stops the rules from loading, a warning does not. */
    public enum Level {
        ERROR,
        WARNING
    }

    @Override
    public String toString() {
        return level + " " + file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
