package io.dutykit.bench;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.handover.Handover;
import io.dutykit.reference.ReferenceProcedureRules;
import io.dutykit.rules.DroolsProcedureRules;
import java.time.Instant;
import java.util.Comparator;
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
 * SPEC section 10, figure 3: a live decision, "may this handover complete now?", once warm — the
 * last handover of a generated site-month (its records all in memory, as the desk loads them),
 * decided at its scheduled time. SampleTime gives p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LiveDecisionBenchmark {
    @Param({"reference", "drools"})
    public String engine;

    private ProcedureRules rules;
    private SiteRecords site;
    private Handover handover;
    private Instant at;

    @Setup
    public void setUp() {
        rules = engine.equals("drools") ? DroolsProcedureRules.defaults() : new ReferenceProcedureRules();
        site = BenchData.sites(1).get(0);
        handover = site.handovers().stream()
                .max(Comparator.comparing(Handover::scheduledAt))
                .orElseThrow();
        at = handover.scheduledAt();
    }

    @Benchmark
    public HandoverDecision decideCompletion() {
        return rules.decideCompletion(site, handover, at);
    }
}
