package io.dutykit.bench;

import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC section 10, figure 6: cold start — building the default rule base in a fresh JVM (one build
 * per fork, nothing warmed): {@code PREBUILT}, what {@code duty check} does with the default rules
 * (the MVEL path, loading the rule base compiled at build time, see duty-rules {@code
 * PrebuiltRuleBase}); {@code MVEL}, the same path compiling the DRL ({@code
 * -Ddutykit.rules.prebuilt=false}, what a company rules folder costs, and the figure before the
 * prebuilt rule base); and the executable model. The engine choice is package-private in duty-rules
 * ({@code DroolsProcedureRules.of(RuleSet, RuleCompiler.Engine)}), so it is reached reflectively;
 * the lookup is outside the timed part.
 *
 * <p>The executable model's parser rejects the default files' MVEL-dialect consequences
 * (docs/rules-engine.md), so {@code EXECUTABLE_MODEL} fails on them as shipped; {@code
 * EXECUTABLE_MODEL_JAVA} builds the executable model from a copy of the default files with {@code
 * dialect "java"}, given as a rules folder that replaces them (SPEC section 6), as the rules engineer
 * measured it. The copy is written before the timed part. {@code EXECUTABLE_MODEL_PREBUILT} loads
 * the executable model of that copy generated at duty-bench's build ({@link ExecutableModelPrebuilt},
 * as kie-maven-plugin does for a kjar): reading the jar resource, the KieModule, the sequential
 * KieBase and a stateless session are timed; rule files and parameters are not read (the model holds
 * the rules; the others read them, ~0.07 s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdStartBenchmark {
    @Param({"PREBUILT", "MVEL", "EXECUTABLE_MODEL", "EXECUTABLE_MODEL_JAVA", "EXECUTABLE_MODEL_PREBUILT"})
    public String engine;

    private Method of;
    private Object engineValue;
    private Path javaDialect;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        Class<?> engineType = Class.forName("io.dutykit.rules.RuleCompiler$Engine");
        of = DroolsProcedureRules.class.getDeclaredMethod("of", RuleSet.class, engineType);
        of.setAccessible(true);
        String wanted =
                switch (engine) {
                    case "EXECUTABLE_MODEL_JAVA", "EXECUTABLE_MODEL_PREBUILT" -> "EXECUTABLE_MODEL";
                    case "PREBUILT" -> "MVEL";
                    default -> engine;
                };
        // each fork is a fresh JVM: the property is read when the rule base is built, in the timed part
        System.setProperty("dutykit.rules.prebuilt", String.valueOf(engine.equals("PREBUILT")));
        for (Object constant : engineType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(wanted)) {
                engineValue = constant;
            }
        }
        if (engineValue == null) {
            throw new IllegalArgumentException("no engine " + engine + " in duty-rules");
        }
        if (engine.equals("EXECUTABLE_MODEL_JAVA")) {
            javaDialect = javaDialectCopy();
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        if (javaDialect != null) {
            Databases.delete(javaDialect);
        }
    }

    private static Path javaDialectCopy() {
        try {
            Path folder = Files.createTempDirectory(Databases.tempRoot(), "java-dialect");
            for (Map.Entry<String, String> file :
                    ExecutableModelPrebuilt.javaDialectFiles().entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the java-dialect copy of the rules", e);
        }
    }

    @Benchmark
    public Object buildRuleBase() throws IllegalAccessException, InvocationTargetException {
        if (engine.equals("EXECUTABLE_MODEL_PREBUILT")) {
            // the rule base and a session, as DroolsProcedureRules makes them (it takes no KieBase)
            return ExecutableModelPrebuilt.load().newStatelessKieSession();
        }
        RuleSet rules = javaDialect == null ? RuleSet.defaults() : RuleSet.withFolder(javaDialect);
        return of.invoke(null, rules, engineValue);
    }
}
