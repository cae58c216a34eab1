package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The rule console as a compliance officer uses it, in a real headless Chromium (Debian's {@code
 * chromium}, driven through its {@code chromium-driver}) against a real {@code duty console} process.
 * One test per task, written as the task reads. Skipped, with a message saying what to install, only
 * where Chromium or its driver is missing; CI installs both ({@code .ci/run}). Set {@code
 * -Ddutykit.screenshots=DIR} to keep a screenshot of every page in Chinese and English
 * (docs/images/console).
 */
class ConsoleBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path chromium;
    private static Path chromedriver;

    @TempDir
    Path dir;

    private Process console;
    private WebDriver browser;
    private String url;

    @BeforeAll
    static void findChromium() {
        chromium = executable(System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
        chromedriver =
                executable(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    }

    private static Path executable(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.destroy();
            if (!console.waitFor(30, TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
    }

    @Test
    void change_the_lead_time_to_10_minutes_see_the_preview_gain_the_late_arrival_save_and_the_scenarios_pass()
            throws Exception {
        Path rules = rulesFolder();
        String before = Files.readString(rules.resolve("procedure.properties"));
        Cli was = Cli.run(
                "rules", "test", rules.resolve("scenarios").toString(), "--rules", rules.toString(), "--lang", "en");
        assertThat(was.exit()).as(was.toString()).isEqualTo(1);
        assertThat(was.out()).contains("FAIL incoming-lead-10.json");

        open(rules, "zh");
        page("/parameters");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("参数");
        WebElement lead = browser.findElement(By.id("f-handover.incomingLeadMinutes"));
        assertThat(lead.getAttribute("value")).isEqualTo("5");
        assertThat(lead.getAttribute("min")).isEqualTo("0");
        assertThat(lead.getAttribute("max")).isEqualTo("1440");
        lead.clear();
        lead.sendKeys("10");
        submit("apply-parameters");
        assertThat(text("notice")).contains("已保留");
        assertThat(text("status")).contains("1 项未保存的修改");
        assertThat(browser.findElement(By.id("f-handover.incomingLeadMinutes")).getAttribute("value"))
                .isEqualTo("10");
        assertThat(Files.readString(rules.resolve("procedure.properties"))).isEqualTo(before);

        page("/preview");
        assertThat(text("count-saved")).isEqualTo("已保存的规则：0 条违规");
        assertThat(text("count-edited")).isEqualTo("修改后的规则：1 条违规");
        assertThat(text("count-diff")).isEqualTo("修改新增 1 条，减少 0 条，变化 0 条。");
        assertThat(cells("by-rule-HANDOVER_INCOMING_LATE"))
                .containsExactly("接班人迟到 HANDOVER_INCOMING_LATE", "0", "1", "+1", "", "");
        assertThat(cells("by-person-garden-court-wang"))
                .containsExactly("王芳 (wang)", "garden-court", "0", "1", "+1", "");
        assertThat(browser.findElement(By.id("added")).getText())
                .contains("HANDOVER_INCOMING_LATE", "ho-1", "王芳 (wang)");

        page("/save");
        assertThat(browser.findElement(By.id("changes")).getText())
                .contains("procedure.properties", "handover.incomingLeadMinutes", "5", "10");
        assertThat(text("validation")).contains("0 个错误");
        submit("save");
        assertThat(text("notice")).contains("已保存 procedure.properties");
        assertThat(text("status")).contains("全部已保存");

        assertThat(Files.readString(rules.resolve("procedure.properties")))
                .isEqualTo(before.replace("handover.incomingLeadMinutes=5", "handover.incomingLeadMinutes=10"));
        List<String> audit = Files.readAllLines(rules.resolve("console-audit.txt"));
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1).split("\t"))
                .endsWith("合规-李", "procedure.properties", "handover.incomingLeadMinutes", "5", "10");

        Cli is = Cli.run(
                "rules", "test", rules.resolve("scenarios").toString(), "--rules", rules.toString(), "--lang", "en");
        assertThat(is.exit()).as(is.toString()).isZero();
        assertThat(is.out()).contains("PASS incoming-lead-10.json", "2 passed, 0 failed");
        Cli valid = Cli.run("rules", "validate", rules.toString(), "--lang", "en");
        assertThat(valid.exit()).as(valid.toString()).isZero();
    }

    @Test
    void a_value_out_of_range_is_refused_beside_its_field_and_nothing_is_written() throws Exception {
        Path rules = rulesFolder();
        List<byte[]> files = contents(rules);
        open(rules, "zh");
        page("/parameters");
        WebElement lead = browser.findElement(By.id("f-handover.incomingLeadMinutes"));
        lead.clear();
        lead.sendKeys("2000");
        browser.findElement(By.id("apply-parameters")).click();
        // the browser itself refuses: the field allows 0 to 1440
        assertThat((Boolean) ((JavascriptExecutor) browser)
                        .executeScript("return arguments[0].validity.rangeOverflow", lead))
                .isTrue();
        assertThat(browser.findElements(By.id("notice"))).isEmpty();

        // sent anyway (as a hand-made request would be): the console refuses it beside the field
        ((JavascriptExecutor) browser).executeScript("document.getElementById('parameters-form').noValidate = true");
        submit("apply-parameters");
        assertThat(text("notice")).isEqualTo("未作任何修改：有取值无效（见旁边的说明）。");
        assertThat(text("f-handover.incomingLeadMinutes-error"))
                .contains("handover.incomingLeadMinutes", "2000", "1440");
        assertThat(browser.findElement(By.id("f-handover.incomingLeadMinutes")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(text("status")).contains("全部已保存");

        page("/save");
        assertThat(text("nothing-to-save")).contains("没有需要保存的内容");
        assertThat(contents(rules))
                .usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(files);
        assertThat(rules.resolve("console-audit.txt")).doesNotExist();
    }

    /** Every page in both languages, with a change not saved yet (what the preview and the save page show). */
    @Test
    void every_page_shows_in_chinese_and_in_english() throws Exception {
        Path rules = rulesFolder();
        open(rules, "zh");
        page("/parameters");
        WebElement lead = browser.findElement(By.id("f-handover.incomingLeadMinutes"));
        lead.clear();
        lead.sendKeys("10");
        submit("apply-parameters");
        String shots = System.getProperty("dutykit.screenshots");
        for (String lang : List.of("zh", "en")) {
            browser.get(url + "catalogue?lang=" + lang);
            for (String path :
                    List.of("catalogue", "parameters", "thresholds", "company-rules", "scenarios", "preview", "save")) {
                page("/" + path);
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                        .isEqualTo(lang.equals("zh") ? "zh-CN" : "en");
                assertThat(browser.findElement(By.cssSelector("nav a.active")).getAttribute("href"))
                        .endsWith("/" + path);
                byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                assertThat(png.length).isGreaterThan(10_000);
                if (shots != null && !shots.isBlank()) {
                    Path target = Path.of(shots).resolve(path + "-" + lang + ".png");
                    Files.createDirectories(target.getParent());
                    Files.write(target, png);
                }
            }
        }
        page("/catalogue");
        assertThat(browser.findElement(By.id("rule-NIGHT_PATROL_TOO_FEW")).getText())
                .contains("Too few night patrols", "added");
        page("/scenarios");
        assertThat(browser.findElement(By.id("scenarios")).getText()).contains("incoming-lead-10.json", "PASS");
    }

    // ---------------------------------------------------------------- the folder, the console, the browser

    /**
     * A company's folder from {@code duty rules init}, whose base day has the incoming officer 10 minutes
     * early (compliant under 5 and under 10 minutes), with a scenario that expects 10 minutes: an arrival
     * 8 minutes early is late.
     */
    private Path rulesFolder() throws IOException {
        Path rules = dir.resolve("company-rules");
        Cli init = Cli.run("rules", "init", rules.toString(), "--lang", "zh");
        assertThat(init.exit()).as(init.toString()).isZero();
        Path base = rules.resolve("scenarios/base.json");
        Files.writeString(
                base, Files.readString(base).replace("2026-11-02T17:25:00+08:00", "2026-11-02T17:20:00+08:00"));
        ObjectNode dataset = (ObjectNode) JSON.readTree(base.toFile());
        ArrayNode handovers = (ArrayNode) dataset.get("handovers");
        ((ObjectNode) handovers.get(0)).put("incomingArrivedAt", "2026-11-02T17:22:00+08:00");
        ObjectNode scenario = JSON.createObjectNode();
        scenario.put("name", "HANDOVER_INCOMING_LATE under the company's 10 minutes: wang arrives 8 minutes early");
        scenario.put("base", "base.json");
        scenario.putObject("patch").set("handovers", handovers);
        scenario.put("from", "2026-11-02");
        scenario.put("to", "2026-11-02");
        scenario.put("asOf", "2026-11-04T12:00:00+08:00");
        ObjectNode expected = scenario.putArray("expect").addObject();
        expected.put("rule", "HANDOVER_INCOMING_LATE");
        expected.put("subject", "ho-1");
        expected.put("severity", "ERROR");
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(rules.resolve("scenarios/incoming-lead-10.json").toFile(), scenario);
        // the data to preview on: the same day with the 8-minute arrival
        JSON.writeValue(dir.resolve("month.json").toFile(), dataset);
        return rules;
    }

    /** Starts {@code duty console} in a process of its own and a headless Chromium on it. */
    private void open(Path rules, String lang) throws Exception {
        assumeTrue(
                chromium != null && chromedriver != null,
                "Chromium or its driver is not installed (looked for $CHROMIUM, /usr/bin/chromium and $CHROMEDRIVER,"
                        + " /usr/bin/chromedriver): install them with 'apt-get install -y chromium chromium-driver' to"
                        + " run the rule console's browser test");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                java,
                "-cp",
                classpath,
                DutyCommand.class.getName(),
                "console",
                "--rules",
                dir.relativize(rules).toString(),
                "--data",
                "month.json",
                "--port",
                "0",
                "--lang",
                lang,
                "--user",
                "合规-李",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-02",
                "--as-of",
                "2026-11-04T12:00:00+08:00"));
        console = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("console.err").toFile()))
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                })
                .get(120, TimeUnit.SECONDS);
        assertThat(first)
                .as("the console's first line; stderr:%n%s", stderr())
                .isNotNull()
                .contains("http://127.0.0.1:");
        url = first.substring(first.indexOf("http://")).strip();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1400",
                "--hide-scrollbars",
                "--lang=" + (lang.equals("zh") ? "zh-CN" : "en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    }

    private String stderr() {
        try {
            return Files.readString(dir.resolve("console.err"));
        } catch (IOException e) {
            return "(none)";
        }
    }

    private void page(String path) {
        browser.get(url + path.substring(1));
    }

    /**
     * Clicks a form's button and waits for the page it sends back: a save that runs the scenarios takes a
     * while, and the old page has no notice to read.
     */
    private void submit(String buttonId) {
        WebElement before = browser.findElement(By.tagName("html"));
        browser.findElement(By.id(buttonId)).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.stalenessOf(before));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private List<String> cells(String rowId) {
        return browser.findElement(By.id(rowId)).findElements(By.tagName("td")).stream()
                .map(e -> e.getText().strip())
                .toList();
    }

    /** The bytes of every file of the folder, in name order. */
    private static List<byte[]> contents(Path folder) throws IOException {
        List<byte[]> all = new ArrayList<>();
        try (var files = Files.walk(folder)) {
            // the console's working copy (.duty-console/, a name DutyKit never reads) is not the folder's content
            for (Path p : files.filter(Files::isRegularFile)
                    .filter(p -> !folder.relativize(p).toString().startsWith("."))
                    .sorted()
                    .toList()) {
                all.add((folder.relativize(p).toString().toLowerCase(Locale.ROOT) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                all.add(Files.readAllBytes(p));
            }
        }
        return all;
    }
}
