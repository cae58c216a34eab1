package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.record.LogEntry;
import io.dutykit.test.postgres.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC 8.1, "several application nodes, one database": four JVM processes (not threads) open DutyKit on
 * one fresh PostgreSQL database at once — migrating it together — and append to a site they all share
 * and to a site of their own. Afterwards every site has one unbroken chain, and its log holds exactly
 * the appends the processes were told were committed: nothing lost, nothing duplicated, nothing else.
 */
class SeveralNodesIT {
    private static final int NODES = 4;
    private static final int APPENDS_PER_NODE = 160;
    private static final String SHARED = "shared-site";

    @Test
    void four_processes_keep_one_unbroken_chain_per_site_and_lose_and_duplicate_nothing() throws Exception {
        EmbeddedPostgres server = TestPostgres.server();
        String database = "nodes_" + System.nanoTime();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = server.getJdbcUrl("postgres", database);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";

        List<Process> processes = new ArrayList<>();
        List<CompletableFuture<List<String>>> outputs = new ArrayList<>();
        for (int n = 1; n <= NODES; n++) {
            Process process = new ProcessBuilder(
                            java,
                            "-cp",
                            classpath,
                            NodeChild.class.getName(),
                            url,
                            "node-" + n,
                            String.valueOf(APPENDS_PER_NODE),
                            SHARED)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            processes.add(process);
            outputs.add(CompletableFuture.supplyAsync(() -> lines(process)));
        }
        Map<String, List<String>> acknowledged = new HashMap<>();
        for (int n = 0; n < NODES; n++) {
            Process process = processes.get(n);
            assertThat(process.waitFor(5, TimeUnit.MINUTES))
                    .as("node %d finished", n + 1)
                    .isTrue();
            assertThat(process.exitValue()).as("node %d's exit", n + 1).isZero();
            List<String> lines = outputs.get(n).get(1, TimeUnit.MINUTES);
            assertThat(lines).as("node %d ran to its end", n + 1).endsWith("done");
            for (String line : lines) {
                if (line.startsWith("committed ")) {
                    String[] parts = line.split(" ");
                    acknowledged
                            .computeIfAbsent(parts[1], k -> new ArrayList<>())
                            .add(parts[2]);
                }
            }
        }

        JdbcStores storage = JdbcStores.open(TestPostgres.server().getDatabase("postgres", database));
        assertThat(storage.siteIds()).hasSize(NODES + 1);
        assertThat(acknowledged.get(SHARED)).hasSize(NODES * APPENDS_PER_NODE / 2);
        for (String site : storage.siteIds()) {
            assertThat(storage.verify(site).isIntact())
                    .as("the chain of %s", site)
                    .isTrue();
            SiteRecords export = storage.export(site);
            List<String> logged = export.log().stream()
                    .filter(r -> r.type().equals("ENTRY_APPENDED"))
                    .map(LogRecord::id)
                    .toList();
            assertThat(logged)
                    .as("%s: the log holds exactly the acknowledged appends, once each", site)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(acknowledged.get(site));
            assertThat(export.entries()).extracting(LogEntry::id).containsExactlyInAnyOrderElementsOf(logged);
            assertThat(export.log()).extracting(LogRecord::seq).isSorted().doesNotHaveDuplicates();
            assertThat(export.log().get(export.log().size() - 1).seq())
                    .isEqualTo(export.log().size());
        }
    }

    private static List<String> lines(Process process) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }
}
