package io.dutykit.cli.reliability;

import io.dutykit.cli.DutyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the duty command in process, as {@code main} does, and keeps its exit code and output. */
record Duty(int exit, String out, String err) {
    static Duty run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DutyCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Duty(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
