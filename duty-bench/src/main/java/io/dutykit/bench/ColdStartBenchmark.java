package io.dutykit.bench;

import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleSet;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC section 10, figure 6: cold start — building the default rule base in a fresh JVM (one build
 * per fork, nothing warmed), for the MVEL path that {@code duty check} uses and for the executable
 * model. The engine choice is package-private in duty-rules ({@code DroolsProcedureRules.of(RuleSet,
 * RuleCompiler.Engine)}), so it is reached reflectively; the lookup is outside the timed part.
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
    @Param({"MVEL", "EXECUTABLE_MODEL"})
    public String engine;

    private Method of;
    private Object engineValue;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        Class<?> engineType = Class.forName("io.dutykit.rules.RuleCompiler$Engine");
        of = DroolsProcedureRules.class.getDeclaredMethod("of", RuleSet.class, engineType);
        of.setAccessible(true);
        for (Object constant : engineType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(engine)) {
                engineValue = constant;
            }
        }
        if (engineValue == null) {
            throw new IllegalArgumentException("no engine " + engine + " in duty-rules");
        }
    }

    @Benchmark
    public Object buildRuleBase() throws IllegalAccessException, InvocationTargetException {
        return of.invoke(null, RuleSet.defaults(), engineValue);
    }
}
