package io.dutykit.dataset.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bounded memory: a 200 MiB multi-site dataset streamed from a generator is read site by site in a
 * child JVM with a 256 MiB heap (accepted, no OutOfMemoryError), and the same stream over a 64 MiB
 * limit is refused at {@code $} as soon as the limit is passed.
 */
class BigInputIT {
    static final int MEBIBYTES = 200;

    private static String run(String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String[] command = new String[args.length + 5];
        command[0] = java;
        command[1] = "-Xmx256m";
        command[2] = "-cp";
        command[3] = classpath;
        command[4] = BigInputChild.class.getName();
        System.arraycopy(args, 0, command, 5, args.length);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void a_200_mib_multi_site_dataset_is_read_with_a_256_mib_heap() throws Exception {
        String output = run(String.valueOf(MEBIBYTES), "1024");

        assertThat(output).startsWith("accepted ");
        String[] parts = output.trim().split(" ");
        assertThat(Long.parseLong(parts[1])).as("sites").isGreaterThanOrEqualTo(150);
        assertThat(Long.parseLong(parts[2])).as("bytes").isGreaterThan(199L * 1024 * 1024);
    }

    @Test
    void the_same_stream_over_the_input_limit_is_refused_at_the_root() throws Exception {
        String output = run(String.valueOf(MEBIBYTES), "64");

        assertThat(output).startsWith("refused $ ").contains("64 MiB").doesNotContain("OutOfMemoryError");
    }
}
