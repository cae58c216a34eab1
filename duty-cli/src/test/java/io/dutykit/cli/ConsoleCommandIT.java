package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code duty console} as a command: its options, its refusals (exit 2), and a real process serving. */
class ConsoleCommandIT {
    @TempDir
    Path dir;

    @Test
    void help_names_every_option() {
        Cli help = Cli.run("console", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains("--rules", "--data", "--scenarios", "--port", "--bind", "--lang", "--user", "--as-of");
    }

    @Test
    void a_folder_that_is_not_there_an_address_of_another_computer_and_unreadable_data_are_bad_input() {
        Path rules = dir.resolve("rules");
        assertThat(Cli.run("rules", "init", rules.toString()).exit()).isZero();
        Cli missing = Cli.run("console", "--rules", dir.resolve("nope").toString(), "--port", "0");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("duty: ").contains("is not a folder");
        Cli elsewhere = Cli.run("console", "--rules", rules.toString(), "--port", "0", "--bind", "192.0.2.1");
        assertThat(elsewhere.exit()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("--bind 192.0.2.1 is not an address of this computer");
        Cli data = Cli.run(
                "console",
                "--rules",
                rules.toString(),
                "--port",
                "0",
                "--data",
                dir.resolve("none.json").toString());
        assertThat(data.exit()).isEqualTo(2);
        assertThat(data.err()).contains("--data", "does not exist");
        assertThat(rules.resolve(".duty-console")).doesNotExist();
    }

    @Test
    void bound_to_every_address_it_warns_serves_and_leaves_no_working_files_when_stopped() throws Exception {
        Path rules = dir.resolve("rules");
        assertThat(Cli.run("rules", "init", rules.toString()).exit()).isZero();
        // what a console killed with -9 leaves: its working copy of a draft
        Files.createDirectories(rules.resolve(".duty-console/draft"));
        Files.writeString(rules.resolve(".duty-console/draft/procedure.properties"), "phone.maxRings=9\n");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        classpath,
                        DutyCommand.class.getName(),
                        "console",
                        "--rules",
                        rules.toString(),
                        "--port",
                        "0",
                        "--bind",
                        "0.0.0.0",
                        "--lang",
                        "en"))
                .redirectError(err.toFile())
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (java.io.IOException e) {
                            return null;
                        }
                    })
                    .get(120, TimeUnit.SECONDS);
            assertThat(first).startsWith("DutyKit rule console for ").contains("http://127.0.0.1:");
            assertThat(Files.readString(err))
                    .contains("duty: WARNING: the console listens on 0.0.0.0, not only on this computer");
            URI uri = URI.create(first.substring(first.indexOf("http://")).strip());
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri.resolve("catalogue"))
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("NIGHT_PATROL_TOO_FEW");
        } finally {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(rules.resolve(".duty-console")).doesNotExist();
    }
}
