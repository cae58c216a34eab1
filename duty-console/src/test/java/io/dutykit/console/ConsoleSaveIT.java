package io.dutykit.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.rules.RuleSet;
import io.dutykit.rules.RulesValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save writes the files a person would — the parameters file with its comments and order, both forms
 * of the threshold table when both are there, the messages files, only the severity label of a rule —
 * after every check of {@code duty rules validate}; it refuses, writing nothing, what validate rejects;
 * and every save is appended to the audit file (who, when, what, old → new).
 */
class ConsoleSaveIT {
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
    void the_parameters_file_keeps_its_comments_and_order_and_each_change_is_audited() throws Exception {
        Path rules = Folders.starter(dir);
        String before = Files.readString(rules.resolve("procedure.properties"));
        Browser browser = start(rules);

        assertThat(browser.post("parameters", Map.of("handover.incomingLeadMinutes", "10", "phone.maxRings", "4"))
                        .status())
                .isEqualTo(303);
        assertThat(Files.readString(rules.resolve("procedure.properties"))).isEqualTo(before);
        assertThat(browser.post("save", Map.of()).status()).isEqualTo(303);
        assertThat(browser.get("save").body()).contains("Saved procedure.properties: 2 change(s)");

        assertThat(Files.readString(rules.resolve("procedure.properties")))
                .isEqualTo(before.replace("handover.incomingLeadMinutes=5", "handover.incomingLeadMinutes=10")
                        .replace("phone.maxRings=3", "phone.maxRings=4"));
        List<String> audit = Files.readAllLines(rules.resolve(RulesFolder.AUDIT));
        assertThat(audit.get(0)).startsWith("# DutyKit rule console");
        assertThat(audit.subList(1, 3))
                .extracting(line -> String.join("|", List.of(line.split("\t")).subList(1, 6)))
                .containsExactly(
                        "li.compliance|procedure.properties|handover.incomingLeadMinutes|5|10",
                        "li.compliance|procedure.properties|phone.maxRings|3|4");
        assertThat(audit.get(1).split("\t")[0]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");

        // a second save appends: a rule's own weight added
        browser.post("parameters", Map.of("new-weight-rule", "CALL_MISSED", "new-weight-value", "8"));
        browser.post("save", Map.of());
        assertThat(Files.readString(rules.resolve("procedure.properties"))).endsWith("weight.CALL_MISSED=8\n");
        assertThat(Files.readAllLines(rules.resolve(RulesFolder.AUDIT)))
                .hasSize(4)
                .last()
                .asString()
                .endsWith("procedure.properties\tweight.CALL_MISSED\t\t8");
        assertThat(RulesValidator.isValid(RulesValidator.validate(rules))).isTrue();
        assertThat(rules.resolve(AtomicSave.WORK).resolve("pending")).doesNotExist();
    }

    @Test
    void the_threshold_table_is_saved_as_csv_and_xlsx_when_the_folder_holds_both_and_they_stay_the_same()
            throws Exception {
        Path rules = Folders.starter(dir);
        Browser browser = start(rules);
        assertThat(browser.post("thresholds", row("LIFT_ENTRAPMENT", "MAJOR", "5", "15", "240"))
                        .status())
                .isEqualTo(303);
        assertThat(browser.get("thresholds").body()).contains("Kept.");
        browser.post("save", Map.of());

        assertThat(Files.readString(rules.resolve("incident-thresholds.csv")))
                .endsWith("LIFT_ENTRAPMENT,MAJOR,5,15,240\n");
        assertThat(RulesValidator.validate(rules)).noneMatch(p -> p.isError());
        RuleSet read = RuleSet.withFolder(rules);
        assertThat(read.thresholds()
                        .lookup("LIFT_ENTRAPMENT", IncidentSeverity.MAJOR)
                        .managerWithin())
                .isEqualTo(Duration.ofMinutes(15));
        Files.delete(rules.resolve("incident-thresholds.csv"));
        assertThat(RuleSet.withFolder(rules).thresholds()).isEqualTo(read.thresholds());
        assertThat(Files.readAllLines(rules.resolve(RulesFolder.AUDIT)))
                .anyMatch(l -> l.endsWith("incident-thresholds.csv\tLIFT_ENTRAPMENT MAJOR\t\t5, 15, 240"))
                .anyMatch(l -> l.endsWith("incident-thresholds.xlsx\tLIFT_ENTRAPMENT MAJOR\t\t5, 15, 240"));
    }

    @Test
    void a_folder_with_only_the_csv_gets_only_the_csv() throws Exception {
        Path rules = Folders.starter(dir);
        Files.delete(rules.resolve("incident-thresholds.xlsx"));
        Browser browser = start(rules);
        browser.post("thresholds", row("WATER_LEAK", "DIFFICULT", "15", "", "240"));
        browser.post("save", Map.of());
        assertThat(rules.resolve("incident-thresholds.xlsx")).doesNotExist();
        assertThat(Files.readString(rules.resolve("incident-thresholds.csv")))
                .endsWith("WATER_LEAK,DIFFICULT,15,,240\n");
    }

    @Test
    void a_company_rule_s_texts_go_to_the_messages_files_and_its_severity_changes_only_its_label() throws Exception {
        Path rules = Folders.starter(dir);
        String drl = Files.readString(rules.resolve("night-patrol.drl"));
        String zh = Files.readString(rules.resolve("messages_zh.properties"));
        Browser browser = start(rules);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("rule", "NIGHT_PATROL_TOO_FEW");
        form.put("severity:NIGHT_PATROL_TOO_FEW", "ERROR");
        form.put("zh:NIGHT_PATROL_TOO_FEW.title", "夜间巡查太少");
        assertThat(browser.post("company-rules", form).status()).isEqualTo(303);
        assertThat(browser.get("catalogue").body()).contains("<span class=\"badge error\">ERROR</span>");
        browser.post("save", Map.of());

        assertThat(Files.readString(rules.resolve("night-patrol.drl")))
                .isEqualTo(drl.replace("@severity(WARNING)", "@severity(ERROR)"));
        assertThat(Files.readString(rules.resolve("messages_zh.properties")))
                .isEqualTo(zh.replace("NIGHT_PATROL_TOO_FEW.title=夜间巡查次数不足", "NIGHT_PATROL_TOO_FEW.title=夜间巡查太少"));
        assertThat(Files.readAllLines(rules.resolve(RulesFolder.AUDIT)))
                .anyMatch(l -> l.endsWith("night-patrol.drl\tNIGHT_PATROL_TOO_FEW @severity\tWARNING\tERROR"));
    }

    @Test
    void an_edit_that_brings_an_error_is_refused_beside_its_field_and_kept_nowhere() throws Exception {
        Path rules = Folders.starter(dir);
        Browser browser = start(rules);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("rule", "NIGHT_PATROL_TOO_FEW");
        form.put("en:NIGHT_PATROL_TOO_FEW", "Only {0} patrols by {3}");
        browser.post("company-rules", form);
        String page = browser.get("company-rules").body();
        assertThat(page).contains("Nothing was changed", "id=\"f-en:NIGHT_PATROL_TOO_FEW-error\"", "{3}");
        // a duplicate row of the table: refused beside the row
        Map<String, String> table = new LinkedHashMap<>(row("*", "MAJOR", "1", "2", "3"));
        browser.post("thresholds", table);
        assertThat(browser.get("thresholds").body())
                .contains("id=\"row-3-error\"", "the table has two rows for * MAJOR");
        assertThat(browser.get("save").body()).contains("id=\"nothing-to-save\"");
    }

    @Test
    void a_save_of_a_folder_that_validate_rejects_is_refused_with_the_reason_and_writes_nothing() throws Exception {
        Path rules = Folders.starter(dir);
        Browser browser = start(rules);
        browser.post("parameters", Map.of("handover.incomingLeadMinutes", "10"));
        // meanwhile someone breaks a rule file by hand
        Files.writeString(
                rules.resolve("broken.drl"),
                "package x;\nrule \"B\" @id(B) @clause(\"1\") @severity(EROR)\nwhen\nthen\nend\n");
        Map<String, String> before = Folders.snapshot(dir);
        browser.post("save", Map.of());
        String page = browser.get("save").body();
        assertThat(page).contains("Not saved, nothing written", "broken.drl", "EROR");
        assertThat(Folders.snapshot(dir)).isEqualTo(before);
        assertThat(rules.resolve(RulesFolder.AUDIT)).doesNotExist();
    }

    @Test
    void a_table_changed_on_disk_since_it_was_edited_here_is_not_overwritten() throws Exception {
        Path rules = Folders.starter(dir);
        Files.delete(rules.resolve("incident-thresholds.xlsx"));
        Browser browser = start(rules);
        browser.post("thresholds", row("NOISE", "ROUTINE", "", "", "60"));
        Path csv = rules.resolve("incident-thresholds.csv");
        Files.writeString(csv, Files.readString(csv) + "THEFT,MAJOR,5,10,120\n");
        Map<String, String> before = Folders.snapshot(dir);
        browser.post("save", Map.of());
        assertThat(browser.get("save").body()).contains("Not saved: the threshold table was changed in the folder");
        assertThat(Folders.snapshot(dir)).isEqualTo(before);
    }

    /** The table form as shown for the starter's three * rows, with one row added. */
    private static Map<String, String> row(
            String category, String severity, String supervisor, String manager, String resolution) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("rows", "3");
        String[][] fallback = {
            {"ROUTINE", "", "", "1440"}, {"DIFFICULT", "30", "", "4320"}, {"MAJOR", "10", "30", "1440"}
        };
        for (int i = 0; i < 3; i++) {
            form.put("category." + i, "*");
            form.put("severity." + i, fallback[i][0]);
            form.put("supervisor." + i, fallback[i][1]);
            form.put("manager." + i, fallback[i][2]);
            form.put("resolution." + i, fallback[i][3]);
        }
        form.put("category.new", category);
        form.put("severity.new", severity);
        form.put("supervisor.new", supervisor);
        form.put("manager.new", manager);
        form.put("resolution.new", resolution);
        return form;
    }
}
