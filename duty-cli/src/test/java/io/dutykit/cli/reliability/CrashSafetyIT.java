package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.test.postgres.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 during concurrent appends loses no committed record and leaves a chain that verifies (SPEC
 * section 8 "Durability", section 10), on H2 file mode and PostgreSQL, through the real command: {@code
 * duty simulate} runs in a child JVM with several sites and threads and prints {@code committed SITE
 * RECORD-ID} after each commit; the test SIGKILLs it after a seeded random number of such lines, several
 * rounds in a row on the same database. After each kill every printed record must be in the export of
 * its site, every chain must verify, and every head seen before must still be in the chain (nothing was
 * lost or rewritten on recovery). The next round re-runs the same simulation on the damaged database: it
 * retries what was in doubt (record ids come from the caller, so retries are idempotent) and appends
 * more. A last run goes to completion, and {@code duty verify --db} exits 0.
 *
 * <p>H2 only: when the check finds the query tables disagreeing with a log whose chain verifies (H2's
 * MVStore can keep part of the last transactions after a kill, H2 issue #2080; seen in about one run in
 * seven on 2026-12-03), the probe rebuilds them from the log and releases the hold, as an operator does
 * with {@code duty hold rebuild}, and the figures count it; everything else is checked as strictly.
 * PostgreSQL gets no such allowance.
 *
 * <p>The existing {@code DurabilityIT} of duty-storage-jdbc kills a bare appending loop once per
 * database; this one goes through the CLI and the live use cases, kills repeatedly and checks recovery.
 */
class CrashSafetyIT {
    static final int SITES = 3;
    static final int DAYS = 5;
    static final int THREADS = 3;
    static final int ROUNDS = 3;
    static final int MIN_LINES = 50;
    static final int MAX_LINES = 200;

    @TempDir
    Path dir;

    @Test
    void h2_file_mode_loses_no_committed_record_when_killed_again_and_again() throws Exception {
        // no DB_CLOSE_DELAY: the file is closed when the test's verifying connections close, so the next
        // child can open it; the store adds WRITE_DELAY=0
        String url = "jdbc:h2:file:" + dir.resolve("h2/dutykit");
        Figures figures = crashRounds(url, 20261126L, true);
        FigureLog.write("CrashSafetyIT h2", figures.toString());
        assertThat(figures.kills()).as(figures.toString()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void postgresql_loses_no_committed_record_when_killed_again_and_again() throws Exception {
        String url = TestPostgres.freshJdbcUrl();
        Figures figures = crashRounds(url, 8L, false);
        FigureLog.write("CrashSafetyIT postgresql", figures.toString());
        assertThat(figures.kills()).as(figures.toString()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_probe_rebuilds_query_tables_that_disagree_with_a_log_that_verifies_and_nothing_else() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("probe/dutykit");
        Path stderr = dir.resolve("probe-simulate.err");
        Process simulated = ChildJvm.duty(
                stderr, List.of("-Xmx256m"), "simulate", "--db", url, "--sites", "1", "--days", "1", "--seed", "3");
        simulated.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(simulated.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(simulated.exitValue()).as(Files.readString(stderr)).isZero();
        // the row H2 once left behind: a call whose log record is there
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM duty_call WHERE site_id = 'site-001' AND record_key ="
                            + " (SELECT MIN(record_key) FROM duty_call WHERE site_id = 'site-001')"))
                    .isEqualTo(1);
            s.execute("SHUTDOWN"); // closes the file for the probe's JVM
        }
        List<String> rebuilt = new ArrayList<>();
        Map<String, String> heads = new HashMap<>();
        assertEverythingAcknowledgedIsStoredAndVerifies(url, Map.of(), heads, true, rebuilt);
        assertThat(rebuilt)
                .singleElement()
                .asString()
                .startsWith("rebuilt site-001 ")
                .contains("LIST_DISAGREES");
        assertThat(heads).containsKey("site-001");

        // the log itself altered: nothing is rebuilt, the chain is reported broken
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE duty_log SET actor = 'mallory' WHERE site_id = 'site-001' AND seq = 2");
            s.execute("SHUTDOWN");
        }
        List<String> again = new ArrayList<>();
        assertThatThrownBy(() -> assertEverythingAcknowledgedIsStoredAndVerifies(url, Map.of(), heads, true, again))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("HASH_MISMATCH");
        assertThat(again).isEmpty();
    }

    /** What a run of rounds did, for the report. */
    record Figures(
            int rounds, int kills, List<Integer> killedAfterLines, int acknowledged, long logRecords, int rebuilds) {}

    /**
     * @param rebuild whether query tables that disagree with a log that verifies may be rebuilt from it
     *     after a kill, as an operator does (H2: its MVStore can keep part of the last transactions, H2
     *     issue #2080); counted in the figures. PostgreSQL gets no such allowance.
     */
    private Figures crashRounds(String url, long seed, boolean rebuild) throws Exception {
        Random random = new Random(seed);
        Map<String, Set<String>> acknowledged = new HashMap<>();
        Map<String, String> heads = new HashMap<>();
        int kills = 0;
        List<Integer> killedAfter = new ArrayList<>();
        List<String> rebuilt = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            int killAfter = MIN_LINES + random.nextInt(MAX_LINES - MIN_LINES + 1);
            Path stderr = dir.resolve("round-" + round + ".err");
            Process child = simulate(url, stderr);
            int lines = readCommitted(child, acknowledged, killAfter);
            if (lines >= killAfter) {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
                assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
                assertThat(child.exitValue())
                        .as("killed by SIGKILL in round %d", round)
                        .isEqualTo(137);
                child.getInputStream().close();
                kills++;
                killedAfter.add(lines);
            } else {
                child.getInputStream().close();
                assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
                assertThat(child.exitValue())
                        .as("round %d ended by itself: %s", round, Files.readString(stderr))
                        .isZero();
            }
            assertEverythingAcknowledgedIsStoredAndVerifies(url, acknowledged, heads, rebuild, rebuilt);
        }

        Path stderr = dir.resolve("last.err");
        Process last = simulate(url, stderr);
        readCommitted(last, acknowledged, Integer.MAX_VALUE);
        assertThat(last.waitFor(2, TimeUnit.MINUTES)).isTrue();
        last.getInputStream().close();
        assertThat(last.exitValue())
                .as("the store opens and accepts new appends after the kills: %s", Files.readString(stderr))
                .isZero();
        long logRecords = assertEverythingAcknowledgedIsStoredAndVerifies(url, acknowledged, heads, false, rebuilt);
        assertThat(acknowledged).hasSize(SITES);

        Duty verify = Duty.run("verify", "--db", url);
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out().lines()).hasSize(SITES).allMatch(line -> line.contains(": intact, "));
        int total = acknowledged.values().stream().mapToInt(Set::size).sum();
        return new Figures(ROUNDS, kills, killedAfter, total, logRecords, rebuilt.size());
    }

    private static Process simulate(String url, Path stderr) throws IOException {
        return ChildJvm.duty(
                stderr,
                List.of("-Xmx384m", "-XX:+UseSerialGC"),
                "simulate",
                "--db",
                url,
                "--sites",
                String.valueOf(SITES),
                "--days",
                String.valueOf(DAYS),
                "--threads",
                String.valueOf(THREADS),
                "--seed",
                "11",
                "--quiet-refusals");
    }

    /** Reads {@code committed SITE RECORD-ID} lines until {@code limit} of them or the end of output. */
    private static int readCommitted(Process child, Map<String, Set<String>> acknowledged, int limit)
            throws IOException {
        // not closed here: the child is killed while it may still be writing
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int lines = 0;
        String line;
        while (lines < limit && (line = out.readLine()) != null) {
            assertThat(line).matches("committed site-\\d{3} \\S.*");
            String[] parts = line.split(" ", 3);
            acknowledged.computeIfAbsent(parts[1], k -> new HashSet<>()).add(parts[2]);
            lines++;
        }
        return lines;
    }

    /**
     * Checks the store in a child JVM ({@link StoreProbe}): every acknowledged record is logged, every
     * chain verifies and still holds the head seen at the previous check. Returns the number of log
     * records of all sites.
     */
    private long assertEverythingAcknowledgedIsStoredAndVerifies(
            String url,
            Map<String, Set<String>> acknowledged,
            Map<String, String> heads,
            boolean rebuild,
            List<String> rebuilt)
            throws Exception {
        List<String> args = new ArrayList<>();
        args.add(url);
        if (rebuild) {
            args.add("--rebuild-disagreeing-tables");
        }
        heads.forEach((site, head) -> args.add(site + "=" + head));
        Path stderr = dir.resolve("probe.err");
        Process probe = ChildJvm.start(stderr, List.of("-Xmx256m"), StoreProbe.class, args.toArray(String[]::new));
        List<String> lines;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue())
                .as("the store opens after the kill: %s", Files.readString(stderr))
                .isZero();
        Map<String, Set<String>> logged = new HashMap<>();
        Map<String, String> verified = new HashMap<>();
        long records = 0;
        for (String line : lines) {
            String[] parts = line.split(" ", 3);
            if (parts[0].equals("logged")) {
                logged.computeIfAbsent(parts[1], k -> new HashSet<>()).add(parts[2]);
                records++;
            } else if (parts[0].equals("rebuilt")) {
                assertThat(parts[2]).as("only query tables are rebuilt").contains("LIST_DISAGREES");
                rebuilt.add(line);
            } else {
                verified.put(parts[1], parts[2]);
            }
        }
        assertThat(logged.keySet()).containsAll(acknowledged.keySet());
        acknowledged.forEach((site, ids) -> assertThat(logged.get(site))
                .as("every record printed as committed at %s is in its log", site)
                .containsAll(ids));
        assertThat(verified.keySet()).isEqualTo(logged.keySet());
        verified.forEach((site, outcome) -> {
            assertThat(outcome)
                    .as("the chain of %s verifies and still holds the head seen before", site)
                    .startsWith("intact ");
            heads.put(site, outcome.split(" ")[2]);
        });
        return records;
    }
}
