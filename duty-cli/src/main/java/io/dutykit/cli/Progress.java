package io.dutykit.cli;

import java.io.PrintWriter;

/**
 * A one-line progress indicator on stderr for long work, shown only when stderr is a terminal so
 * that logs and pipes stay clean.
 */
final class Progress {
    private final PrintWriter err;
    private final String what;
    private final boolean visible;
    private long count;
    private long lastShown;

    private Progress(PrintWriter err, String what, boolean visible) {
        this.err = err;
        this.what = what;
        this.visible = visible;
    }

    static Progress on(PrintWriter err, String what) {
        return new Progress(err, what, System.console() != null && System.getenv("DUTY_NO_PROGRESS") == null);
    }

    void step(String item) {
        count++;
        long now = System.nanoTime();
        if (visible && now - lastShown > 200_000_000L) {
            lastShown = now;
            err.print("\r" + what + " " + count + " · " + Terminal.safe(item) + "        ");
            err.flush();
        }
    }

    void done() {
        if (visible && count > 0) {
            err.print("\r" + what + ": " + count + " done" + " ".repeat(30) + "\n");
            err.flush();
        }
    }
}
