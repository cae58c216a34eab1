package io.dutykit.examples.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as a person runs it: {@code java -jar target/spring-boot-desk.jar} in an empty folder
 * starts on an H2 database under {@code ./data}, sets up the demo site (the Drools rules load inside
 * Boot's nested jars), answers what is due over HTTP and shows the {@code dutykit} health component.
 */
class PackagedJarIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_packaged_jar_starts_on_h2_under_data_and_reports_its_chains_in_health(@TempDir Path workDir)
            throws Exception {
        Path jar = Path.of("target", "spring-boot-desk.jar").toAbsolutePath();
        assertThat(jar).exists();
        int port = freePort();
        Path log = workDir.resolve("desk.log");
        Process desk = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            JsonNode health = awaitHealth(port, desk, log);
            assertThat(health.get("status").asText()).as(health.toString()).isEqualTo("UP");
            JsonNode site = health.get("components")
                    .get("dutykit")
                    .get("details")
                    .get("sites")
                    .get("garden-court");
            assertThat(site.get("intact").asBoolean()).isTrue();
            assertThat(site.get("records").asLong()).isPositive();
            assertThat(workDir.resolve("data").resolve("dutykit.mv.db")).exists();

            HttpResponse<String> due = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/sites/garden-court/due?within=P1D"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(due.statusCode()).as(due.body()).isEqualTo(200);
            assertThat(json.readTree(due.body()).isArray()).isTrue();
        } finally {
            desk.destroy();
            if (!desk.waitFor(20, TimeUnit.SECONDS)) {
                desk.destroyForcibly();
            }
        }
    }

    /**
     * The health answer once the application is ready and the demo site is there (the server listens
     * before; Spring Boot 4 reports OUT_OF_SERVICE until the start-up's runners are done).
     */
    private JsonNode awaitHealth(int port, Process desk, Path log) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            assertThat(desk.isAlive())
                    .as("the jar exited:\n%s", Files.readString(log))
                    .isTrue();
            try {
                JsonNode health = json.readTree(
                        http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                if (health.at("/components/dutykit/details/sites/garden-court").isObject()
                        && !health.get("status").asText().equals("OUT_OF_SERVICE")) {
                    return health;
                }
            } catch (ConnectException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime())
                    .as("no health with the demo site after 90 s:\n%s", Files.readString(log))
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
