package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, done when (2): a company rule with its title and message in English and Chinese ({@code
 * messages.properties}, {@code messages_zh.properties}) shows them in every output of {@code duty check}
 * — text, JSON, JUnit, SARIF — and in the reports, exactly as a default rule's do; and text and JUnit
 * show site-local times and staff names beside ids.
 */
class CompanyMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AS_OF = "2026-12-15T00:00:00+08:00";
    private static final String RULE = "NIGHT_PATROL_TOO_FEW";
    private static final String MESSAGE_EN =
            "Only 2 patrol(s) were recorded between 00:00 and 06:00 in this shift; the company asks for at least 3.";
    private static final String MESSAGE_ZH = "本班次 00:00 至 06:00 之间只记录了 2 次巡查；公司要求至少 3 次。";
    private static final String TITLE_EN = "Too few night patrols";
    private static final String TITLE_ZH = "夜间巡查次数不足";

    @TempDir
    static Path dir;

    static Path rules;
    static Path month;

    @BeforeAll
    static void a_company_folder_and_a_month_of_data() {
        rules = dir.resolve("my-rules");
        month = dir.resolve("month.json");
        assertThat(Cli.run("rules", "init", rules.toString()).exit()).isZero();
        assertThat(Cli.run("generate", "--sites", "1", "--months", "1", "--seed", "7", "--out", month.toString())
                        .exit())
                .isZero();
    }

    private static Cli check(String format, String lang) {
        Cli cli = Cli.run(
                "check",
                month.toString(),
                "--rules",
                rules.toString(),
                "--as-of",
                AS_OF,
                "--format",
                format,
                "--lang",
                lang);
        assertThat(cli.exit()).as(cli.toString()).isIn(0, 1);
        return cli;
    }

    @Test
    void text_shows_the_company_message_site_local_times_and_names() {
        Cli en = check("text", "en");
        Cli zh = check("text", "zh");

        assertThat(en.out()).contains(RULE).contains(MESSAGE_EN).doesNotContain(RULE + ": 2");
        assertThat(zh.out()).contains(MESSAGE_ZH);
        assertThat(en.out())
                .contains("as of 2026-12-15 00:00 Asia/Shanghai")
                .doesNotContain("2026-12-14T16:00:00Z")
                .containsPattern("responsible: [\\p{IsHan}]+ \\(officer\\d\\)");
        assertThat(zh.out())
                .contains("截至 2026-12-15 00:00 Asia/Shanghai")
                .containsPattern("责任人: [\\p{IsHan}]+ \\(officer\\d\\)");
    }

    @Test
    void json_carries_the_company_message() throws IOException {
        for (String[] lang : new String[][] {{"en", MESSAGE_EN}, {"zh", MESSAGE_ZH}}) {
            JsonNode root = JSON.readTree(check("json", lang[0]).out());
            List<JsonNode> ours = new ArrayList<>();
            root.get("violations").forEach(v -> {
                if (v.get("rule").asText().equals(RULE)) {
                    ours.add(v);
                }
            });
            assertThat(ours).isNotEmpty();
            assertThat(ours).anySatisfy(v -> {
                assertThat(v.get("message").asText()).isEqualTo(lang[1]);
                assertThat(v.get("clause").asText()).isEqualTo("G2");
                assertThat(v.get("severity").asText()).isEqualTo("WARNING");
            });
        }
    }

    @Test
    void junit_carries_the_company_message_site_local_times_and_names() {
        Cli en = check("junit", "en");
        Cli zh = check("junit", "zh");

        assertThat(en.out())
                .contains("<testcase classname=\"dutykit.G2\" name=\"" + RULE + "\">")
                .contains(MESSAGE_EN)
                .containsPattern(
                        "at 2026-10-\\d\\d 08:30 Asia/Shanghai, clause G2, staff [\\p{IsHan}]+ \\(officer\\d\\)")
                .contains("as of 2026-12-15 00:00 Asia/Shanghai");
        assertThat(zh.out())
                .contains(MESSAGE_ZH)
                .containsPattern("时间 2026-10-\\d\\d 08:30 Asia/Shanghai，条款 G2，责任人 [\\p{IsHan}]+");
    }

    @Test
    void sarif_carries_the_company_title_and_message() throws IOException {
        for (String[] lang : new String[][] {{"en", TITLE_EN, MESSAGE_EN}, {"zh", TITLE_ZH, MESSAGE_ZH}}) {
            JsonNode run =
                    JSON.readTree(check("sarif", lang[0]).out()).get("runs").get(0);
            List<String> titles = new ArrayList<>();
            run.get("tool").get("driver").get("rules").forEach(r -> {
                if (r.get("id").asText().equals(RULE)) {
                    titles.add(r.get("shortDescription").get("text").asText());
                }
            });
            assertThat(titles).singleElement().asString().startsWith(lang[1]);
            List<String> messages = new ArrayList<>();
            run.get("results").forEach(r -> {
                if (r.get("ruleId").asText().equals(RULE)) {
                    messages.add(r.get("message").get("text").asText());
                }
            });
            assertThat(messages).contains(lang[2]);
        }
    }

    @Test
    void the_reports_show_the_company_title_and_message_in_both_languages() throws IOException {
        for (String[] lang : new String[][] {{"en", TITLE_EN, MESSAGE_EN}, {"zh", TITLE_ZH, MESSAGE_ZH}}) {
            Path monthly = dir.resolve("monthly-" + lang[0] + ".html");
            Cli report = Cli.run(
                    "report",
                    "monthly",
                    month.toString(),
                    "--rules",
                    rules.toString(),
                    "--as-of",
                    AS_OF,
                    "--format",
                    "html",
                    "--lang",
                    lang[0],
                    "--out",
                    monthly.toString());
            assertThat(report.exit()).as(report.toString()).isZero();
            assertThat(Files.readString(monthly)).contains(lang[1]);

            Path staff = dir.resolve("staff-" + lang[0] + ".md");
            assertThat(Cli.run(
                                    "report",
                                    "staff",
                                    month.toString(),
                                    "--rules",
                                    rules.toString(),
                                    "--as-of",
                                    AS_OF,
                                    "--format",
                                    "md",
                                    "--lang",
                                    lang[0],
                                    "--out",
                                    staff.toString())
                            .exit())
                    .isZero();
            assertThat(Files.readString(staff)).contains(lang[1]);

            Path daily = dir.resolve("daily-" + lang[0] + ".json");
            Cli dailyReport = Cli.run(
                    "report",
                    "daily",
                    month.toString(),
                    "--rules",
                    rules.toString(),
                    "--as-of",
                    AS_OF,
                    "--date",
                    "2026-10-05",
                    "--format",
                    "json",
                    "--lang",
                    lang[0],
                    "--out",
                    daily.toString());
            assertThat(dailyReport.exit()).as(dailyReport.toString()).isZero();
            assertThat(Files.readString(daily)).contains(lang[2]);
        }
    }
}
