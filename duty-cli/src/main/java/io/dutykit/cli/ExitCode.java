package io.dutykit.cli;

/** The exit codes of SPEC section 7; an integrity failure wins over every other outcome. */
final class ExitCode {
    /** Ok, compliant. */
    static final int OK = 0;
    /** Violations at or above {@code --fail-on}, or failed rule scenarios. */
    static final int VIOLATIONS = 1;
    /** Bad input or usage: one clear message, no stack trace, nothing written. */
    static final int BAD_INPUT = 2;
    /** A broken hash chain. */
    static final int INTEGRITY = 3;
    /** A bug in DutyKit: the message says so and a stack trace follows. */
    static final int INTERNAL = 70;
    /** The JVM ran out of memory or stack: one line naming what ran out and what to do. */
    static final int RESOURCES = 71;

    private ExitCode() {}

    /** Combines two outcomes: integrity failure wins, then bad input, then violations. */
    static int worst(int a, int b) {
        if (a == INTEGRITY || b == INTEGRITY) {
            return INTEGRITY;
        }
        return Math.max(a, b);
    }
}
