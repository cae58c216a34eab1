package io.dutykit.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.storage.jdbc.JdbcStores;
import io.dutykit.test.SettableClock;
import io.dutykit.test.data.TestTime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The sample host started as a real Spring Boot application on a real HTTP port, on a fresh database
 * (H2 or PostgreSQL, by subclass): a night shift recorded through its REST endpoints over the injected
 * {@link DutyDesk}, a due event published by the starter and stored by the host, the handover refused
 * over HTTP as a problem while the lift entrapment is open, and the health endpoint reporting the chain
 * intact. The database holds the host's own Flyway migration beside DutyKit's, which is the start-up
 * that used to fail (issue 16).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dutykit.due.interval=PT0.2S", "desk.demo-site=true"})
@Import(NightShiftOverHttp.HostClock.class)
@DirtiesContext
abstract class NightShiftOverHttp {
    private static final String SITE = "/sites/garden-court";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    SettableClock clock;

    @Autowired
    DutyDesk injectedDesk;

    @Autowired
    JdbcStores jdbcStores;

    /** The host's clock: 28 October 2026, 09:00 at the site, when the demo site publishes its rosters. */
    @TestConfiguration
    static class HostClock {
        @Bean
        SettableClock clock() {
            return SettableClock.at("2026-10-28T09:00");
        }
    }

    @Test
    void a_night_shift_is_recorded_over_http_with_a_due_event_a_refusal_as_a_problem_and_the_chain_intact()
            throws Exception {
        assertThat(injectedDesk).isNotNull(); // the starter's, the host defines none

        // Monday 2 November, 17:10: wang takes over the night from the day clerk chen
        clock.set("2026-11-02T17:10");
        JsonNode handover = post(
                SITE + "/handovers/ho-2026-11-02/take-over",
                "{\"date\":\"2026-11-02\",\"outgoing\":\"chen\",\"actor\":\"wang\"}",
                200);
        assertThat(handover.get("incoming").asText()).isEqualTo("wang");

        // the due check sees the incoming's arrival coming up (4.2.1: 17:25) and the host stores the alert
        JsonNode alert = awaitAlert(a -> a.get("kind").asText().equals("INCOMING_ARRIVAL"));
        assertThat(alert.get("siteId").asText()).isEqualTo("garden-court");
        assertThat(alert.get("deadline").asText())
                .isEqualTo(TestTime.at("2026-11-02T17:25").toString());
        assertThat(get(SITE + "/due", 200))
                .anySatisfy(item -> assertThat(item.get("kind").asText()).isEqualTo("INCOMING_ARRIVAL"));

        post(SITE + "/handovers/ho-2026-11-02/ready", actor("chen"), 200);
        clock.set("2026-11-02T17:24");
        post(SITE + "/handovers/ho-2026-11-02/arrival", actor("wang"), 200);
        post(SITE + "/handovers/ho-2026-11-02/sign-outgoing", actor("chen"), 200);
        for (String check : List.of("LOG_READ", "AREA_INSPECTED", "SYSTEMS_RUNNING", "COMMS_WORKING")) {
            post(SITE + "/handovers/ho-2026-11-02/checks/" + check, actor("wang"), 200);
        }
        post(SITE + "/handovers/ho-2026-11-02/sign-incoming", actor("wang"), 200);
        clock.set("2026-11-02T17:30");
        assertThat(post(SITE + "/handovers/ho-2026-11-02/complete", actor("wang"), 200)
                        .get("completed")
                        .asBoolean())
                .isTrue();

        // 23:40: a resident stuck in lift 2, important work
        clock.set("2026-11-02T23:40");
        JsonNode entry = post(
                SITE + "/entries",
                "{\"id\":\"e-1\",\"kind\":\"HELP_REQUEST\",\"text\":\"5栋2号电梯困人\",\"important\":true,\"actor\":\"wang\"}",
                200);
        assertThat(entry.get("date").asText()).isEqualTo("2026-11-02");

        // 08:10: the handover to the day clerk, refused at 08:30 while e-1 is open (4.2.2): a problem
        clock.set("2026-11-03T08:10");
        post(
                SITE + "/handovers/ho-2026-11-02-end/hand-over-shift-end",
                "{\"date\":\"2026-11-02\",\"incoming\":\"chen\",\"actor\":\"wang\"}",
                200);
        post(SITE + "/handovers/ho-2026-11-02-end/ready", actor("wang"), 200);
        post(SITE + "/handovers/ho-2026-11-02-end/arrival", actor("chen"), 200);
        post(SITE + "/handovers/ho-2026-11-02-end/sign-outgoing", actor("wang"), 200);
        for (String check : List.of("LOG_READ", "AREA_INSPECTED", "SYSTEMS_RUNNING", "COMMS_WORKING")) {
            post(SITE + "/handovers/ho-2026-11-02-end/checks/" + check, actor("chen"), 200);
        }
        post(SITE + "/handovers/ho-2026-11-02-end/sign-incoming", actor("chen"), 200);
        clock.set("2026-11-03T08:30");
        HttpResponse<String> refused = send(SITE + "/handovers/ho-2026-11-02-end/complete", actor("chen"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:dutykit:problem:procedure-refused");
        assertThat(problem.get("code").asText()).isEqualTo("HANDOVER_WITH_OPEN_CRITICAL_WORK");
        assertThat(problem.get("clause").asText()).isEqualTo("4.2.2");
        assertThat(problem.get("blockingIds")).extracting(JsonNode::asText).containsExactly("e-1");
        assertThat(problem.get("detail").asText()).contains("e-1");

        // an unknown handover is a 404 problem, not a stack trace
        HttpResponse<String> unknown = send(SITE + "/handovers/no-such/complete", actor("chen"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("type").asText()).isEqualTo("urn:dutykit:problem:not-found");

        // 08:35: the lift company freed the resident; wang closes e-1 and the handover completes
        clock.set("2026-11-03T08:35");
        post(SITE + "/entries/e-1/close", actor("wang"), 200);
        assertThat(post(SITE + "/handovers/ho-2026-11-02-end/complete", actor("chen"), 200)
                        .get("completed")
                        .asBoolean())
                .isTrue();

        // the health endpoint verifies the chain the night left behind
        JsonNode health = json.readTree(send("/actuator/health", null).body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode dutykit = health.get("components").get("dutykit");
        assertThat(dutykit.get("status").asText()).isEqualTo("UP");
        JsonNode site = dutykit.get("details").get("sites").get("garden-court");
        assertThat(site.get("intact").asBoolean()).isTrue();
        long records = jdbcStores.export("garden-court").log().size();
        assertThat(site.get("records").asLong()).isEqualTo(records);
        assertThat(site.get("head").asText())
                .isEqualTo(jdbcStores.verify("garden-court").head());
    }

    private static String actor(String id) {
        return "{\"actor\":\"" + id + "\"}";
    }

    private JsonNode awaitAlert(Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            for (JsonNode alert : get("/alerts", 200)) {
                if (wanted.test(alert)) {
                    return alert;
                }
            }
            assertThat(System.nanoTime()).as("no such due alert within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private List<JsonNode> get(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        List<JsonNode> items = new ArrayList<>();
        json.readTree(response.body()).forEach(items::add);
        return items;
    }

    private JsonNode post(String path, String body, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
