package io.dutykit.reports;

import static io.dutykit.reports.Fixtures.D;
import static io.dutykit.reports.Fixtures.DAILY_AS_OF;
import static io.dutykit.reports.Fixtures.MONTH_AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dutykit.core.check.CheckPeriod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportRenderingTest {
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    static ReportRequest request(ReportKind kind, Locale locale) {
        var records = Fixtures.gardenCourt();
        return kind.isForOneDate()
                ? ReportRequest.forDate(records, Fixtures.violations(), D, DAILY_AS_OF, locale)
                : ReportRequest.forPeriod(
                        records, Fixtures.violations(), CheckPeriod.of(YearMonth.of(2026, 11)), MONTH_AS_OF, locale);
    }

    /** Figures each report must show, in any format and language. */
    static List<String> keyFigures(ReportKind kind, ReportFormat format) {
        boolean json = format == ReportFormat.JSON;
        return switch (kind) {
            case DAILY ->
                List.of(
                        json ? "0.6" : "60%",
                        "270",
                        "ab".repeat(32),
                        "WATER_LEAK",
                        "e-11",
                        // evidence of an entry and of an incident, a decision
                        "photo:locker-code.jpg",
                        "photo:inc-2-scene.jpg",
                        "handle it as the emergency plan says");
            case HANDOVER ->
                List.of(
                        "ho-2026-11-02",
                        "ho-2026-11-03-day",
                        "WALKIE_TALKIE",
                        "FIRE_EXTINGUISHER",
                        Fixtures.eveningHandover().contentHash(),
                        // a checklist item not counted, a check nobody asked for
                        "MASTER_KEY",
                        "KEYS_CHECKED");
            case MONTHLY ->
                List.of(
                        "PATROL_OVERDUE",
                        json ? "0.6667" : "66.7%",
                        json ? "0.3333" : "33.3%",
                        "4.1.5",
                        // the supervisors' spot checks of November
                        json ? "li=3" : "(li) 3");
            case STAFF -> List.of("87", "81", "95", "wang", "CALL_MISSED");
        };
    }

    static Stream<Arguments> everyReport() {
        List<Arguments> all = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            for (ReportFormat format : ReportFormat.values()) {
                for (Locale locale : List.of(Locale.ENGLISH, ZH)) {
                    all.add(Arguments.of(kind, format, locale));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyReport")
    void every_report_renders_in_every_format_and_language_with_its_figures(
            ReportKind kind, ReportFormat format, Locale locale, @TempDir Path dir) throws Exception {
        Path out = dir.resolve(format == ReportFormat.CSV ? "report" : "report." + format.extension());

        List<Path> files = Reports.render(kind, format, request(kind, locale), out);

        assertThat(files).isNotEmpty();
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        String text = all.toString();
        assertThat(text).contains(keyFigures(kind, format));
        String title = ResourceBundle.getBundle(
                        "io.dutykit.reports.reports",
                        locale.getLanguage().equals("zh") ? Locale.CHINESE : Locale.ENGLISH)
                .getString(kind.name().toLowerCase(Locale.ROOT) + ".title");
        assertThat(text).contains(title);
    }

    @Test
    void html_is_self_contained_and_escapes_hostile_text() {
        for (ReportKind kind : ReportKind.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, ZH)) {
                String html = Reports.render(kind, ReportFormat.HTML, request(kind, locale));

                assertThat(html).startsWith("<!DOCTYPE html>");
                assertThat(html.toLowerCase(Locale.ROOT))
                        .doesNotContain("<script", "http:", "https:", "url(", "@import", "<link", "<img", "src=");
                assertThat(html).contains("@page", "@media print", "@media (max-width:640px)", "name=\"viewport\"");
                assertThat(html).doesNotContain("<b>bold</b>", "<i>");
            }
        }
        String handover =
                Reports.render(ReportKind.HANDOVER, ReportFormat.HTML, request(ReportKind.HANDOVER, Locale.ENGLISH));
        assertThat(handover)
                .contains(
                        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
        String monthly = Reports.render(ReportKind.MONTHLY, ReportFormat.HTML, request(ReportKind.MONTHLY, ZH));
        assertThat(monthly).contains("<html lang=\"zh-CN\">", "<svg", "月度复审");
        String staff = Reports.render(ReportKind.STAFF, ReportFormat.HTML, request(ReportKind.STAFF, Locale.ENGLISH));
        assertThat(staff).contains("刘&quot;洋&quot; &lt;i&gt;", "<svg");
    }

    @Test
    void markdown_neutralises_html_and_table_syntax() {
        String md = Reports.render(ReportKind.HANDOVER, ReportFormat.MD, request(ReportKind.HANDOVER, Locale.ENGLISH));

        assertThat(md).doesNotContain("<script", "<b>");
        assertThat(md).contains("&lt;script&gt;", "\\| \\*star\\* \\`tick\\`");
        assertThat(md).contains("| Item | Expected | Counted | Missing | Damaged | Explanation |");
    }

    @Test
    void csv_files_start_with_a_bom_and_guard_against_formulas(@TempDir Path dir) throws Exception {
        List<Path> files =
                Reports.render(ReportKind.DAILY, ReportFormat.CSV, request(ReportKind.DAILY, ZH), dir.resolve("daily"));

        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains("00-figures.csv", "02-entries-entries.csv", "07-calls-calls.csv");
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        }
        String entries = Files.readString(dir.resolve("daily/02-entries-entries.csv"));
        assertThat(entries).contains("'=1+1 thanks").contains("\"Noise <script>alert('x')</script> \"\"quoted\"\"");
        String figures = Files.readString(dir.resolve("daily/00-figures.csv"));
        assertThat(figures).contains("calls,answeredInTimeShare,3 声内接听率,60%");
    }

    @Test
    void csv_is_refused_as_one_text_and_onto_a_file(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "");
        var request = request(ReportKind.DAILY, Locale.ENGLISH);

        assertThatThrownBy(() -> Reports.render(ReportKind.DAILY, ReportFormat.CSV, request))
                .isInstanceOf(ReportException.class);
        assertThatThrownBy(() -> Reports.render(ReportKind.DAILY, ReportFormat.CSV, request, file))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("folder");
    }

    @Test
    void json_follows_the_dutykit_report_schema_with_raw_values() throws Exception {
        JsonNode daily = new ObjectMapper()
                .readTree(Reports.render(ReportKind.DAILY, ReportFormat.JSON, request(ReportKind.DAILY, ZH)));

        assertThat(daily.path("format").asText()).isEqualTo("dutykit-report/1");
        assertThat(daily.path("kind").asText()).isEqualTo("daily");
        assertThat(daily.path("lang").asText()).isEqualTo("zh-CN");
        assertThat(daily.path("date").asText()).isEqualTo("2026-11-02");
        assertThat(daily.path("asOf").asText()).isEqualTo("2026-11-03T12:00:00+08:00");
        assertThat(daily.path("site").path("zone").asText()).isEqualTo("Asia/Shanghai");
        JsonNode calls = section(daily, "calls");
        assertThat(calls.path("figures").path("answeredInTimeShare").asDouble()).isEqualTo(0.6);
        assertThat(calls.path("figures").path("missed").asInt()).isEqualTo(1);
        JsonNode patrols = section(daily, "patrols");
        assertThat(patrols.path("figures").path("longestGapMinutes").asDouble()).isEqualTo(270.0);
        assertThat(section(daily, "chain").path("figures").path("head").asText())
                .isEqualTo("ab".repeat(32));

        JsonNode monthly = new ObjectMapper()
                .readTree(Reports.render(
                        ReportKind.MONTHLY, ReportFormat.JSON, request(ReportKind.MONTHLY, Locale.ENGLISH)));
        assertThat(monthly.path("period").path("from").asText()).isEqualTo("2026-11-01");
        assertThat(section(monthly, "escalations")
                        .path("figures")
                        .path("p90Minutes")
                        .asDouble())
                .isEqualTo(45.0);
        assertThat(section(monthly, "escalations")
                        .path("figures")
                        .path("medianMinutes")
                        .asDouble())
                .isEqualTo(15.0);

        JsonNode sheet = new ObjectMapper()
                .readTree(Reports.render(
                        ReportKind.HANDOVER, ReportFormat.JSON, request(ReportKind.HANDOVER, Locale.ENGLISH)));
        JsonNode first = section(sheet, "handover-ho-2026-11-02");
        assertThat(first.path("figures")
                        .path("incomingArrivedAt")
                        .path("status")
                        .asText())
                .isEqualTo("ON_TIME");
        assertThat(first.path("figures")
                        .path("outgoingReadyAt")
                        .path("minutesBefore")
                        .asDouble())
                .isEqualTo(10.0);
        JsonNode inventory = first.path("tables").get(0);
        assertThat(inventory.path("key").asText()).isEqualTo("inventory");
        assertThat(inventory.path("rows").get(1).path("damaged").asInt()).isEqualTo(1);
        assertThat(inventory.path("rows").get(1).path("_flag").asText()).isEqualTo("BAD");
    }

    @Test
    void both_bundles_have_the_same_keys() {
        Set<String> en = new HashSet<>(ResourceBundle.getBundle("io.dutykit.reports.reports", Locale.ENGLISH)
                .keySet());
        Set<String> zh = new HashSet<>(ResourceBundle.getBundle("io.dutykit.reports.reports", Locale.CHINESE)
                .keySet());

        assertThat(zh).isEqualTo(en);
    }

    @Test
    void an_empty_site_renders_every_report() {
        var empty = io.dutykit.core.SiteRecords.empty(io.dutykit.core.site.Site.of("empty", null, Fixtures.ZONE, null));
        for (ReportKind kind : ReportKind.values()) {
            var request = kind.isForOneDate()
                    ? ReportRequest.forDate(empty, List.of(), D, DAILY_AS_OF, Locale.ENGLISH)
                    : ReportRequest.forPeriod(
                            empty, List.of(), CheckPeriod.of(YearMonth.of(2026, 11)), MONTH_AS_OF, Locale.ENGLISH);
            for (ReportFormat format : List.of(ReportFormat.HTML, ReportFormat.MD, ReportFormat.JSON)) {
                assertThat(Reports.render(kind, format, request)).isNotBlank();
            }
            assertThat(Reports.renderFiles(kind, ReportFormat.CSV, request)).containsKey("00-figures.csv");
        }
    }

    private static JsonNode section(JsonNode report, String key) {
        for (JsonNode section : report.path("sections")) {
            if (section.path("key").asText().equals(key)) {
                return section;
            }
        }
        throw new AssertionError("no section " + key + " in the " + report.path("kind") + " report");
    }
}
