package io.dutykit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opens every HTML report in headless Chromium (Debian's {@code chromium}) and checks that the page
 * loads and shows the key figures, at desktop and phone width, and that it prints to PDF. Skipped,
 * with a message, only where Chromium is not installed ({@code apt-get install chromium}). Set
 * {@code -Ddutykit.screenshots=DIR} to keep a 1200×1600 screenshot of each report (docs/images/reports).
 */
class ReportsBrowserIT {
    private static final long TIMEOUT_SECONDS = 120;
    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        String configured = System.getenv("CHROMIUM");
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                chromium = Path.of(candidate);
                return;
            }
        }
    }

    static Stream<Arguments> everyHtmlReport() {
        List<Arguments> all = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, ReportRenderingTest.ZH)) {
                all.add(Arguments.of(kind, locale));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyHtmlReport")
    void chromium_loads_the_report_and_shows_its_key_figures(ReportKind kind, Locale locale, @TempDir Path dir)
            throws Exception {
        assumeTrue(
                chromium != null,
                "Chromium is not installed (looked for $CHROMIUM, /usr/bin/chromium): install it with"
                        + " 'apt-get install -y chromium' to run the browser test of the HTML reports");
        Path page = dir.resolve("report.html");
        Reports.render(kind, ReportFormat.HTML, ReportRenderingTest.request(kind, locale), page);

        Run dom = chromium(dir, "--dump-dom", page.toUri().toString());

        assertThat(dom.exitCode)
                .as("chromium exit code; stderr:%n%s", dom.stderr)
                .isZero();
        assertThat(dom.stdout).contains("</section>", "</html>");
        if (kind != ReportKind.HANDOVER) {
            assertThat(dom.stdout).contains("<svg");
        }
        assertThat(dom.stdout).contains(ReportRenderingTest.keyFigures(kind, ReportFormat.HTML));
        assertThat(dom.stdout).doesNotContain("<script");
        assertThat(dom.stderr).doesNotContain("Uncaught", "net::ERR_");

        Path phone = dir.resolve("phone.png");
        Run shot = chromium(
                dir,
                "--screenshot=" + phone,
                "--window-size=390,844",
                page.toUri().toString());
        assertThat(shot.exitCode)
                .as("chromium screenshot; stderr:%n%s", shot.stderr)
                .isZero();
        assertThat(Files.size(phone)).isGreaterThan(1000);

        Path pdf = dir.resolve("report.pdf");
        Run print = chromium(
                dir,
                "--print-to-pdf=" + pdf,
                "--no-pdf-header-footer",
                page.toUri().toString());
        assertThat(print.exitCode)
                .as("chromium print; stderr:%n%s", print.stderr)
                .isZero();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");

        String screenshots = System.getProperty("dutykit.screenshots");
        if (screenshots != null && !screenshots.isBlank()) {
            Path target = Path.of(screenshots)
                    .resolve(kind.name().toLowerCase(Locale.ROOT) + "-" + locale.getLanguage() + ".png");
            Files.createDirectories(target.getParent());
            Run docs = chromium(
                    dir,
                    "--screenshot=" + target,
                    "--window-size=1200,1600",
                    "--hide-scrollbars",
                    page.toUri().toString());
            assertThat(docs.exitCode)
                    .as("chromium screenshot; stderr:%n%s", docs.stderr)
                    .isZero();
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    /** Runs chromium headless with a fresh profile and no network services, within a time limit. */
    private static Run chromium(Path dir, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
        } finally {
            deleteQuietly(profile);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
