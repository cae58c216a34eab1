package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.storage.jdbc.JdbcStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, finding 6: {@code duty import} held every site of a file in memory, so a 23 MB dataset that
 * {@code check} reads at {@code -Xmx128m} ran out of memory. It now stores the sites one at a time in one
 * transaction: a 24 MB file of 40 sites imports in a child JVM with a 96 MiB heap, all of it.
 */
class ImportMemoryIT {
    @TempDir
    Path dir;

    @Test
    void a_file_larger_than_the_heap_allows_in_memory_imports_site_by_site() throws Exception {
        Path file = dir.resolve("forty-sites.json");
        Duty generated =
                Duty.run("generate", "--sites", "40", "--months", "4", "--seed", "3", "--out", file.toString());
        assertThat(generated.exit()).as(generated.toString()).isZero();
        assertThat(Files.size(file)).isGreaterThan(23L << 20);
        String url = "jdbc:h2:file:" + dir.resolve("db/dutykit");
        Path stderr = dir.resolve("import.err");

        Process child = ChildJvm.duty(stderr, List.of("-Xmx96m"), "import", file.toString(), "--db", url);
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue())
                .as("exit of duty import at -Xmx96m: %s%s", out, Files.readString(stderr))
                .isZero();
        assertThat(out).contains("imported 40 site(s)");
        JdbcStores storage = JdbcStores.open(url);
        assertThat(storage.siteIds()).hasSize(40);
        assertThat(storage.verify(storage.siteIds().get(39)).isIntact()).isTrue();
    }
}
