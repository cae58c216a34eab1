package io.dutykit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps the console safe by default, against a real console on a real port: it listens on the
 * loopback address only, answers only to its own names (DNS rebinding), refuses every change that does
 * not come from its own page with the session's token, forbids scripts, frames and foreign resources,
 * escapes what it shows, and lets no path from a request reach the file system.
 */
class ConsoleSecurityIT {
    @TempDir
    Path dir;

    private RuleConsole console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private Browser start(Path rules) {
        console = RuleConsole.start(Folders.options(dir, rules));
        return new Browser(console.uri());
    }

    @Test
    void it_listens_on_this_computer_only_unless_told_otherwise() throws Exception {
        Browser browser = start(Folders.starter(dir));
        assertThat(console.isLoopbackOnly()).isTrue();
        assertThat(console.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(browser.get("catalogue").status()).isEqualTo(200);
    }

    @Test
    void an_address_of_another_computer_is_refused() {
        assertThatThrownBy(() -> RuleConsole.start(
                        Folders.options(dir, Folders.starter(dir)).withBind("192.0.2.1")))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("--bind 192.0.2.1 is not an address of this computer");
    }

    @Test
    void a_request_naming_another_host_is_refused_as_a_rebinding_page_would_send_it() throws Exception {
        start(Folders.starter(dir));
        int port = console.port();
        assertThat(Browser.raw(console.uri(), "GET", "/catalogue", "attacker.example:" + port))
                .startsWith("HTTP/1.1 403")
                .contains("refused: the console answers to")
                .doesNotContain("<table");
        assertThat(Browser.raw(console.uri(), "GET", "/catalogue", "localhost:" + port))
                .startsWith("HTTP/1.1 200");
        assertThat(Browser.raw(console.uri(), "GET", "/catalogue", "127.0.0.1:" + port))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void a_post_from_another_site_is_refused_and_changes_nothing() throws Exception {
        Path rules = Folders.starter(dir);
        Browser browser = start(rules);
        Map<String, String> before = Folders.snapshot(dir);
        Map<String, String> change = Map.of("csrf", browser.token(), "handover.incomingLeadMinutes", "10");

        Browser.Page foreign = browser.postAs("parameters", change, "Origin", "http://attacker.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains("does not come from the console's own page");
        Browser.Page crossSite = browser.postAs("parameters", change, "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.status()).isEqualTo(403);
        Browser.Page nullOrigin = browser.postAs("parameters", change, "Origin", "null");
        assertThat(nullOrigin.status()).isEqualTo(403);
        Browser.Page save =
                browser.postAs("save", Map.of("csrf", browser.token()), "Origin", "http://attacker.example");
        assertThat(save.status()).isEqualTo(403);

        assertThat(browser.get("save").body()).contains("id=\"nothing-to-save\"");
        assertThat(Folders.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void a_post_without_the_session_s_token_is_refused_and_changes_nothing() throws Exception {
        Path rules = Folders.starter(dir);
        Browser browser = start(rules);
        Browser other = new Browser(console.uri());
        Map<String, String> before = Folders.snapshot(dir);
        String origin = browser.origin();

        Browser.Page none =
                browser.postAs("parameters", Map.of("handover.incomingLeadMinutes", "10"), "Origin", origin);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.body()).contains("the form's token is missing");
        Browser.Page wrong = browser.postAs(
                "parameters",
                Map.of("csrf", "x" + browser.token(), "handover.incomingLeadMinutes", "10"),
                "Origin",
                origin);
        assertThat(wrong.status()).isEqualTo(403);
        // another browser's token is no good in this session
        browser.token();
        Browser.Page stolen = browser.postAs(
                "parameters", Map.of("csrf", other.token(), "handover.incomingLeadMinutes", "10"), "Origin", origin);
        assertThat(stolen.status()).isEqualTo(403);
        // a GET that asks to be handled as a post changes nothing either
        Browser.Page overridden = browser.get("save", "X-HTTP-Method-Override", "POST");
        assertThat(overridden.status()).isEqualTo(403);

        assertThat(browser.get("save").body()).contains("id=\"nothing-to-save\"");
        assertThat(Folders.snapshot(dir)).isEqualTo(before);
        // the same post with the token is kept
        assertThat(browser.post("parameters", Map.of("handover.incomingLeadMinutes", "10"))
                        .status())
                .isEqualTo(303);
        assertThat(browser.get("save").body()).contains("handover.incomingLeadMinutes");
    }

    @Test
    void every_page_forbids_scripts_frames_and_resources_of_other_sites() throws Exception {
        Browser browser = start(Folders.starter(dir));
        for (String path :
                new String[] {"catalogue", "parameters", "thresholds", "company-rules", "scenarios", "preview", "save"
                }) {
            Browser.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy"))
                    .as(path)
                    .contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'")
                    .doesNotContain("script-src");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.body()).doesNotContain("<script", "http://", "https://");
            assertThat(page.header("Set-Cookie") == null
                            || page.header("Set-Cookie").contains("HttpOnly; SameSite=Strict"))
                    .isTrue();
        }
    }

    @Test
    void everything_shown_is_escaped() throws Exception {
        Path rules = Folders.starter(dir);
        String hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        Files.writeString(
                rules.resolve("messages.properties"),
                "NIGHT_PATROL_TOO_FEW.title=Night " + hostile + "\n"
                        + "NIGHT_PATROL_TOO_FEW=Only {0} patrols " + hostile.replace("'", "''") + "\n"
                        + "NIGHT_PATROL_TOO_FEW.description=" + hostile.replace("'", "''") + "\n");
        Path data = dir.resolve("data.json");
        Files.writeString(data, Files.readString(data).replace("\"王芳\"", "\"<b onmouseover=alert(2)>王芳</b>\""));
        Browser browser = start(rules);
        // a value posted back is shown again in its field, escaped
        browser.post("parameters", Map.of("handover.incomingLeadMinutes", "\"><script>alert(3)</script>"));
        String refused = browser.get("parameters").body();
        assertThat(refused).contains("value=\"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;\"");
        browser.post("parameters", Map.of("handover.incomingLeadMinutes", "10"));
        for (String path : new String[] {"catalogue", "company-rules", "preview", "save", "scenarios"}) {
            String body = browser.get(path).body();
            assertThat(body).as(path).doesNotContain("<script", "<img", "<b onmouseover");
        }
        assertThat(browser.get("catalogue").body())
                .contains("Night &lt;script&gt;alert(", "&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(browser.get("preview").body()).contains("&lt;b onmouseover=alert(2)&gt;王芳&lt;/b&gt; (wang)");
    }

    @Test
    void no_path_from_a_request_reaches_the_file_system() throws Exception {
        Path rules = Folders.starter(dir);
        Browser browser = start(rules);
        Map<String, String> before = Folders.snapshot(dir);
        for (String rule :
                new String[] {"../../etc/passwd", "../outside", "/outside/x", "HANDOVER_INCOMING_LATE", ""}) {
            Browser.Page page = browser.post("company-rules", Map.of("rule", rule, "en:" + rule + ".title", "x"));
            assertThat(page.status()).as(rule).isEqualTo(404);
        }
        // field names are looked up among the known ones: others are never used
        browser.post("parameters", Map.of("../../procedure.properties", "x", "weight.../../x", "3"));
        browser.post("thresholds", Map.of("rows", "0", "category.new", "../../x", "severity.new", "MAJOR"));
        assertThat(browser.get("save").body()).contains("id=\"nothing-to-save\"");
        assertThat(Folders.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void a_file_that_is_a_link_out_of_the_folder_is_replaced_by_the_save_never_written_through() throws Exception {
        Path rules = Folders.starter(dir);
        Path outside = dir.resolve("elsewhere/messages.properties");
        Files.createDirectories(outside.getParent());
        Files.move(rules.resolve("messages.properties"), outside);
        Files.createSymbolicLink(rules.resolve("messages.properties"), outside);
        String shared = Files.readString(outside);
        Browser browser = start(rules);

        browser.post(
                "company-rules",
                Map.of("rule", "NIGHT_PATROL_TOO_FEW", "en:NIGHT_PATROL_TOO_FEW.title", "Too few patrols at night"));
        assertThat(browser.post("save", Map.of()).status()).isEqualTo(303);

        assertThat(Files.readString(outside)).isEqualTo(shared);
        assertThat(Files.isSymbolicLink(rules.resolve("messages.properties"))).isFalse();
        assertThat(Files.readString(rules.resolve("messages.properties")))
                .isEqualTo(shared.replace(
                        "NIGHT_PATROL_TOO_FEW.title=Too few night patrols",
                        "NIGHT_PATROL_TOO_FEW.title=Too few patrols at night"));
    }
}
