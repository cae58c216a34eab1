package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.test.postgres.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An append acknowledged to the caller survives kill -9 of the process (SPEC section 8, section 10): a
 * child JVM appends from several threads and prints each acknowledged id; it is killed with SIGKILL
 * mid-flight; every printed id must then be stored and the chain must verify.
 */
class DurabilityIT {
    private static final int THREADS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;

    @Test
    void acknowledged_appends_survive_kill_minus_9_on_h2_file_mode() throws Exception {
        Path folder = Files.createTempDirectory("dutykit-kill");
        String url = JdbcStores.h2Url(folder);
        Set<String> acknowledged = runAndKill(url, "kill-h2");
        assertSurvived(JdbcStores.h2DataSource(folder), "kill-h2", acknowledged);
    }

    @Test
    void acknowledged_appends_survive_kill_minus_9_on_postgresql() throws Exception {
        EmbeddedPostgres server = TestPostgres.server();
        String url = server.getJdbcUrl("postgres", "postgres");
        Set<String> acknowledged = runAndKill(url, "kill-pg");
        assertSurvived(TestPostgres.shared(), "kill-pg", acknowledged);
    }

    private static Set<String> runAndKill(String url, String site) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(
                        java, "-cp", classpath, AppendingChild.class.getName(), url, site, String.valueOf(THREADS))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    acknowledged.add(line.substring(line.lastIndexOf(' ') + 1));
                    if (acknowledged.size() == ACKNOWLEDGED_BEFORE_KILL) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
                        break; // acknowledgements still in the pipe are not counted: a subset is enough
                    }
                }
            }
        }
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        return acknowledged;
    }

    private static void assertSurvived(DataSource dataSource, String site, Set<String> acknowledged) {
        JdbcStores storage = JdbcStores.open(dataSource);
        List<String> stored =
                storage.stores().entries().all(site).stream().map(LogEntry::id).toList();
        assertThat(stored).containsAll(acknowledged);
        assertThat(storage.verify(site).isIntact()).isTrue();
        // the store opens and takes new appends after the crash
        Instant at = Instant.parse("2026-11-02T12:00:00Z");
        LogEntry after = LogEntry.of("after-crash", LocalDate.of(2026, 11, 2), at, "wang", EntryKind.NOTE, "n", false);
        storage.stores()
                .entries()
                .save(site, null, after, new Change("after-crash", ChangeType.ENTRY_APPENDED, at, "wang"));
        assertThat(storage.verifyAll().get(site).isIntact()).isTrue();
    }
}
