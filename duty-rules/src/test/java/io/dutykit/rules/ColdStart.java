package io.dutykit.rules;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The cold start: reading the default rule set and building its KieBase in a fresh JVM (SPEC
 * section 10: under 3 s). Not a unit test; run it in its own JVM (docs/rules-engine.md).
 */
final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        RuleSet ruleSet = RuleSet.defaults();
        RuleCompiler.Compiled compiled = RuleCompiler.compile(ruleSet, RuleCompiler.Engine.MVEL);
        long t1 = System.nanoTime();
        out.printf("cold start (read + build the default rules) %d ms, ok=%s%n", (t1 - t0) / 1_000_000, compiled.ok());
    }
}
