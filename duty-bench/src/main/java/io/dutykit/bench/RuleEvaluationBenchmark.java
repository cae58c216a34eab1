package io.dutykit.bench;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.reference.ReferenceProcedureRules;
import io.dutykit.rules.DroolsProcedureRules;
import java.util.List;
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
 * SPEC section 10, figure 2b: rule evaluation alone, in process, after parsing — every default rule
 * over {@value #SITES} generated site-months, one {@code evaluate} call per site, the rule base built
 * once (as {@code duty check} does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
public class RuleEvaluationBenchmark {
    static final int SITES = 20;

    @Param({"reference", "drools"})
    public String engine;

    private ProcedureRules rules;
    private List<SiteRecords> sites;

    @Setup
    public void setUp() {
        rules = engine.equals("drools") ? DroolsProcedureRules.defaults() : new ReferenceProcedureRules();
        sites = BenchData.sites(SITES);
    }

    @Benchmark
    public int evaluate() {
        int violations = 0;
        for (SiteRecords site : sites) {
            violations +=
                    rules.evaluate(site, BenchData.PERIOD, BenchData.AS_OF).size();
        }
        return violations;
    }
}
