package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.reference.ReferenceProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duty due} (SPEC 7) lists what the live {@code DutyDesk.due} returns for the same site, instant
 * and horizon — through the command line, as text and JSON — and refuses bad input with exit 2.
 */
class DueCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static String url;

    @BeforeAll
    static void aSimulatedSite() {
        url = "jdbc:h2:file:" + dir.resolve("db/dutykit");
        Cli simulate = Cli.run("simulate", "--db", url, "--sites", "1", "--days", "4", "--seed", "3");
        assertThat(simulate.exit()).as(simulate.toString()).isZero();
    }

    private static String site() {
        return JdbcStores.open(url).siteIds().get(0);
    }

    @Test
    void the_json_list_is_the_live_due_list_at_every_hour() throws Exception {
        String site = site();
        JdbcStores stores = JdbcStores.open(url);
        Instant start = OffsetDateTime.parse("2026-10-01T06:00:00+08:00").toInstant();
        int nonEmpty = 0;
        for (Instant at = start; at.isBefore(start.plus(Duration.ofDays(4))); at = at.plus(Duration.ofHours(1))) {
            Cli due = Cli.run(
                    "due",
                    "--db",
                    url,
                    "--site",
                    site,
                    "--at",
                    at.atOffset(ZoneOffset.ofHours(8)).toString(),
                    "--within",
                    "90m",
                    "--format",
                    "json",
                    "--engine",
                    "reference");
            assertThat(due.exit()).as(due.toString()).isZero();
            DutyDesk live =
                    new DutyDesk(stores.stores(), new ReferenceProcedureRules(), Clock.fixed(at, ZoneOffset.UTC));
            List<DueItem> expected = live.due(site, Duration.ofMinutes(90));
            JsonNode listed = JSON.readTree(due.out());
            assertThat(listed.get("format").asText()).isEqualTo("dutykit-due/1");
            List<String> got = new ArrayList<>();
            for (JsonNode item : listed.get("due")) {
                got.add(item.get("kind").asText() + " " + item.get("subject").asText() + " "
                        + OffsetDateTime.parse(item.get("deadline").asText()).toInstant() + " "
                        + item.get("responsible"));
            }
            List<String> want = expected.stream()
                    .map(i ->
                            i.kind() + " " + i.subject() + " " + i.deadline() + " " + JSON.valueToTree(i.responsible()))
                    .toList();
            assertThat(got).as("due at %s", at).isEqualTo(want);
            nonEmpty += want.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("hours with something due").isGreaterThan(5);
    }

    @Test
    void the_text_list_names_each_deadline_in_the_sites_zone() {
        Cli due = Cli.run("due", "--db", url, "--site", site(), "--at", "2026-10-02T08:00:00+08:00", "--within", "1h");
        assertThat(due.exit()).as(due.toString()).isZero();
        // 10-02 is a National Day holiday: its 24-hour shift starts at 08:30
        assertThat(due.out()).contains("due within PT1H of 2026-10-02T08:00+08:00");
        assertThat(due.out()).containsPattern("2026-10-02T08:15\\+08:00 +OUTGOING_READY");
        assertThat(due.out()).containsPattern("2026-10-02T08:25\\+08:00 +INCOMING_ARRIVAL");
    }

    @Test
    void bad_input_is_exit_2_with_one_line() {
        for (Cli bad : List.of(
                Cli.run("due", "--db", url, "--site", "no-such-site"),
                Cli.run("due", "--db", "jdbc:h2:file:" + dir.resolve("typo/dutykit"), "--site", "x"),
                Cli.run("due", "--db", url, "--site", site(), "--within", "half an hour"),
                Cli.run("due", "--db", url, "--site", site(), "--at", "yesterday"))) {
            assertThat(bad.exit()).as(bad.toString()).isEqualTo(2);
            assertThat(bad.err()).startsWith("duty: ").doesNotContain("\tat ");
        }
        assertThat(dir.resolve("typo")).doesNotExist();
    }
}
