package io.dutykit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live-call benchmark runs (a smoke test, no timing asserted): one month of history on H2, a few
 * samples, every figure and the summary line printed. The measurement itself runs on demand
 * (docs/performance.md).
 */
class LiveCallsBenchTest {
    @Test
    void the_benchmark_runs_and_prints_every_figure() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<LiveCallsBench.Figure> figures =
                LiveCallsBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of("h2"), List.of(1), 10);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(figures)
                .extracting(LiveCallsBench.Figure::call)
                .containsExactly(
                        "due", "completion", "due (whole history, before)", "completion (whole history, before)");
        assertThat(figures).allSatisfy(f -> assertThat(f.nanos()).isNotEmpty());
        assertThat(printed).contains("h2          1 months  due").contains("# summary");
    }
}
