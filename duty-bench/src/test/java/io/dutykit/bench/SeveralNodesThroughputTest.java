package io.dutykit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The several-processes benchmark runs (a smoke test, no throughput asserted): one round of a few
 * appends, each setting's figure and the medians printed. The measurement runs on demand
 * (docs/performance.md).
 */
class SeveralNodesThroughputTest {
    @Test
    void the_benchmark_runs_its_processes_and_prints_the_figures() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        double[] medians =
                SeveralNodesThroughput.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 5, 1, 3, classpath);
        assertThat(medians).hasSize(3);
        for (double median : medians) {
            assertThat(median).isPositive();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("round 1: 1 process")
                .contains("medians: 1 process");
    }
}
