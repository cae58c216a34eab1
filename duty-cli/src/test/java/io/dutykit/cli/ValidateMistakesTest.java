package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, done when (1): {@code duty rules validate} is fed each mistake a compliance officer made
 * in the issue — and a few more of SPEC section 6.1 — in a folder {@code duty rules init} wrote, and
 * names it with file, line (and column where there is one) and the name probably meant, in English and
 * Chinese; none of them passes with 0 errors, and the folder is refused by {@code duty check} too.
 */
class ValidateMistakesTest {
    private static final String HEADER = "category,severity,supervisorMinutes,managerMinutes,resolutionMinutes\n";

    @TempDir
    Path dir;

    /** A clean folder, as {@code duty rules init} writes it. */
    private Path folder(String name) {
        Path folder = dir.resolve(name);
        Cli init = Cli.run("rules", "init", folder.toString(), "--lang", "en");
        assertThat(init.exit()).as(init.toString()).isZero();
        return folder;
    }

    private static void replace(Path file, String text, String with) throws IOException {
        String content = Files.readString(file);
        assertThat(content).contains(text);
        Files.writeString(file, content.replace(text, with));
    }

    /** The 1-based line of the file that holds the text. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    /** Validates in both languages: exit 2, and each expected line in each language, with the closing count. */
    private static void refused(Path folder, List<String> english, List<String> chinese) {
        Cli en = Cli.run("rules", "validate", folder.toString(), "--lang", "en");
        Cli zh = Cli.run("rules", "validate", folder.toString(), "--lang", "zh");
        assertThat(en.exit()).as(en.toString()).isEqualTo(2);
        assertThat(zh.exit()).as(zh.toString()).isEqualTo(2);
        assertThat(en.out().lines()).as(en.toString()).containsAll(english);
        assertThat(zh.out().lines()).as(zh.toString()).containsAll(chinese);
        assertThat(en.out()).containsPattern("(?m)^.*: " + english.size() + " error\\(s\\), \\d+ warning\\(s\\)$");
        assertThat(zh.out()).containsPattern("(?m)^.*：" + chinese.size() + " 个错误，\\d+ 个警告$");
        Cli check = Cli.run(
                "check",
                folder.resolve("scenarios/base.json").toString(),
                "--rules",
                folder.toString(),
                "--as-of",
                "2026-11-04T12:00:00+08:00");
        assertThat(check.exit()).as("check refuses it too: " + check).isEqualTo(2);
        assertThat(check.err()).startsWith("duty: ").doesNotContain("Exception");
    }

    @Test
    void a_clean_folder_passes() {
        Cli en = Cli.run("rules", "validate", folder("clean").toString(), "--lang", "en");
        assertThat(en.exit()).as(en.toString()).isZero();
        assertThat(en.out()).endsWith("clean: 0 error(s), 0 warning(s)" + System.lineSeparator());
    }

    @Test
    void a_misspelt_key_names_the_key_meant() throws IOException {
        Path folder = folder("misspelt");
        Path file = folder.resolve("procedure.properties");
        replace(file, "handover.incomingLeadMinutes=5", "handover.incomingLeadMinute=10");
        int line = lineOf(file, "handover.incomingLeadMinute=10");

        refused(
                folder,
                List.of("ERROR procedure.properties:" + line + ": handover.incomingLeadMinute is not a parameter of the"
                        + " procedure; did you mean handover.incomingLeadMinutes?"),
                List.of("错误 procedure.properties 第 " + line + " 行：handover.incomingLeadMinute 不是流程参数；"
                        + "是否应为 handover.incomingLeadMinutes？"));
    }

    @Test
    void a_full_width_colon_is_named_with_its_column() throws IOException {
        Path folder = folder("colon");
        Path file = folder.resolve("procedure.properties");
        replace(file, "handover.incomingLeadMinutes=5", "handover.incomingLeadMinutes\uFF1A10");
        int line = lineOf(file, "handover.incomingLeadMinutes\uFF1A10");

        refused(
                folder,
                List.of(
                        "ERROR procedure.properties:" + line + ":29: handover.incomingLeadMinutes is followed by a"
                                + " full-width \"\uFF1A\" (typed with a Chinese input method), so the line is no key=value and"
                                + " its value would be ignored; write handover.incomingLeadMinutes= with the ASCII equals sign"),
                List.of("错误 procedure.properties 第 " + line + " 行第 29 列：handover.incomingLeadMinutes 后面是全角的"
                        + "“\uFF1A”（中文输入法输入），这一行不是“键=值”，其值会被忽略；请写成 handover.incomingLeadMinutes=，"
                        + "用半角等号"));
    }

    @Test
    void a_value_out_of_range_or_of_the_wrong_type_names_what_is_allowed() throws IOException {
        Path folder = folder("values");
        Path file = folder.resolve("procedure.properties");
        replace(file, "phone.maxRings=3", "phone.maxRings=1000");
        replace(file, "review.deadline=10:00", "review.deadline=10点");
        int rings = lineOf(file, "phone.maxRings=1000");
        int review = lineOf(file, "review.deadline=10点");

        refused(
                folder,
                List.of(
                        "ERROR procedure.properties:" + rings + ":16: phone.maxRings=1000 is more than 100; write a"
                                + " whole number from 0 to 100",
                        "ERROR procedure.properties:" + review + ":17: review.deadline=10点 is not a time of day; write"
                                + " it as HH:MM, e.g. review.deadline=10:00"),
                List.of(
                        "错误 procedure.properties 第 " + rings + " 行第 16 列：phone.maxRings=1000 大于 100；请填写 0 到 100"
                                + " 之间的整数",
                        "错误 procedure.properties 第 " + review + " 行第 17 列：review.deadline=10点 不是时刻；请写成 HH:MM，"
                                + "例如 review.deadline=10:00"));
    }

    @Test
    void a_misnamed_parameters_file_or_table_is_a_file_dutykit_does_not_read() throws IOException {
        Path folder = folder("misnamed");
        Files.move(folder.resolve("procedure.properties"), folder.resolve("procedures.properties"));
        Files.move(folder.resolve("incident-thresholds.csv"), folder.resolve("incident-threshold.csv"));
        String en = "DutyKit does not read a file named %s, so nothing in it takes effect; rename it or remove it (a"
                + " rules folder holds procedure.properties, incident-thresholds.csv or .xlsx, messages.properties,"
                + " messages_zh.properties and .drl files); did you mean %s?";
        String zh = "DutyKit 不读取名为 %s 的文件，其中的内容不会生效；请改名或删除（规则文件夹中可放 procedure.properties、"
                + "incident-thresholds.csv 或 .xlsx、messages.properties、messages_zh.properties 以及 .drl 文件）；是否应为 %s？";

        refused(
                folder,
                List.of(
                        "ERROR incident-threshold.csv: "
                                + en.formatted("incident-threshold.csv", "incident-thresholds.csv"),
                        "ERROR procedures.properties: "
                                + en.formatted("procedures.properties", "procedure.properties")),
                List.of(
                        "错误 incident-threshold.csv："
                                + zh.formatted("incident-threshold.csv", "incident-thresholds.csv"),
                        "错误 procedures.properties：" + zh.formatted("procedures.properties", "procedure.properties")));
    }

    @Test
    void a_misspelt_severity_would_silently_be_a_warning() throws IOException {
        Path folder = folder("eror");
        Path file = folder.resolve("night-patrol.drl");
        replace(file, "@severity(WARNING)", "@severity(EROR)");
        int line = lineOf(file, "@severity(EROR)");

        refused(
                folder,
                List.of("ERROR night-patrol.drl:" + line + ":45: rule \"NIGHT_PATROL_TOO_FEW\" has @severity(EROR),"
                        + " which is neither ERROR nor WARNING: its violations would silently count as WARNING; did you"
                        + " mean @severity(ERROR)?"),
                List.of("错误 night-patrol.drl 第 " + line + " 行第 45 列：规则“NIGHT_PATROL_TOO_FEW”的 @severity(EROR) 既不是"
                        + " ERROR 也不是 WARNING：其违规会被默默当作 WARNING（警告）；是否应为 @severity(ERROR)？"));
    }

    @Test
    void a_rule_without_its_clause_is_named_with_its_line() throws IOException {
        Path folder = folder("no-clause");
        Path file = folder.resolve("night-patrol.drl");
        replace(file, "@clause(\"G2\") ", "");
        int line = lineOf(file, "rule \"NIGHT_PATROL_TOO_FEW\"");

        refused(
                folder,
                List.of("ERROR night-patrol.drl:" + line + ":6: rule \"NIGHT_PATROL_TOO_FEW\" has no @clause(...): its"
                        + " violations would cite no clause of the procedure; add the clause it enforces, e.g."
                        + " @clause(\"G2\")"),
                List.of("错误 night-patrol.drl 第 " + line + " 行第 6 列：规则“NIGHT_PATROL_TOO_FEW”没有 @clause(...)：其违规不会"
                        + "注明规程条款；请加上它所执行的条款，例如 @clause(\"G2\")"));
    }

    @Test
    void an_added_file_that_reuses_a_default_id_names_the_default_file() throws IOException {
        Path folder = folder("reuse");
        Files.writeString(
                folder.resolve("stricter.drl"),
                Files.readString(folder.resolve("night-patrol.drl"))
                        .replace("NIGHT_PATROL_TOO_FEW", "HANDOVER_INCOMING_LATE"));
        int line = lineOf(folder.resolve("stricter.drl"), "rule \"HANDOVER_INCOMING_LATE\"");

        refused(
                folder,
                List.of("ERROR stricter.drl:" + line + ":6: rule \"HANDOVER_INCOMING_LATE\" in stricter.drl uses the id"
                        + " HANDOVER_INCOMING_LATE of a default rule, which handover.drl still holds: both would report"
                        + " under one id; to change the default rule, name your file handover.drl (it then replaces the"
                        + " default file), or give your rule an id of its own"),
                List.of("错误 stricter.drl 第 " + line + " 行第 6 列：stricter.drl 中的规则“HANDOVER_INCOMING_LATE”使用了默认"
                        + "规则的编号 HANDOVER_INCOMING_LATE，而 handover.drl 中仍有该默认规则：两者将以同一编号报告；如要修改"
                        + "默认规则，请把文件命名为 handover.drl（它将替换默认文件），或为你的规则另起编号"));
    }

    @Test
    void a_threshold_row_with_a_missing_cell_an_unknown_severity_or_twice_is_named_with_its_line() throws IOException {
        Path folder = folder("rows");
        Files.delete(folder.resolve("incident-thresholds.xlsx"));
        Files.writeString(
                folder.resolve("incident-thresholds.csv"),
                HEADER + "*,ROUTINE,,,1440\n*,DIFFICULT,30,,4320\n*,MAJOR,10,30,1440\nLIFT_FAULT,MAJR,5,15,240\n"
                        + "LIFT_ENTRAPMENT,MAJOR,5,15\nFIRE,MAJOR,5,15,240\nFIRE,MAJOR,3,10,240\n");

        refused(
                folder,
                List.of(
                        "ERROR incident-thresholds.csv:5:12: severity \"MAJR\" must be ROUTINE, DIFFICULT or MAJOR; did"
                                + " you mean MAJOR?",
                        "ERROR incident-thresholds.csv:6: the row has 4 cells; it needs 5"
                                + " (category,severity,supervisorMinutes,managerMinutes,resolutionMinutes); leave a cell"
                                + " empty for no deadline, but keep its comma",
                        "ERROR incident-thresholds.csv:8: the table has two rows for FIRE MAJOR (the first on line 7);"
                                + " keep one row per category and severity"),
                List.of(
                        "错误 incident-thresholds.csv 第 5 行第 12 列：严重程度“MAJR”必须是 ROUTINE、DIFFICULT 或 MAJOR；"
                                + "是否应为 MAJOR？",
                        "错误 incident-thresholds.csv 第 6 行：该行有 4 个单元格，需要 5 个"
                                + "（category,severity,supervisorMinutes,managerMinutes,resolutionMinutes）；没有期限的单元格"
                                + "可以留空，但要保留逗号",
                        "错误 incident-thresholds.csv 第 8 行：表格中 FIRE MAJOR 有两行（第一行在第 7 行）；每个类别和严重程度" + "只保留一行"));
    }

    @Test
    void a_table_without_its_fallback_rows_would_leave_other_categories_without_deadlines() throws IOException {
        Path folder = folder("no-fallback");
        Files.delete(folder.resolve("incident-thresholds.xlsx"));
        Files.writeString(folder.resolve("incident-thresholds.csv"), HEADER + "LIFT_ENTRAPMENT,MAJOR,5,15,240\n");
        String en = "ERROR incident-thresholds.csv: there is no * row for %1$s; an incident of a category without its"
                + " own row would then have no deadlines; add the row *,%1$s,... (the defaults are in docs/rules.md)";
        String zh = "错误 incident-thresholds.csv：%1$s 没有 * 行；没有专属行的类别的事件将没有任何期限；请加上 *,%1$s,... 这一行"
                + "（默认值见 docs/rules.zh.md）";

        refused(
                folder,
                List.of(en.formatted("ROUTINE"), en.formatted("DIFFICULT"), en.formatted("MAJOR")),
                List.of(zh.formatted("ROUTINE"), zh.formatted("DIFFICULT"), zh.formatted("MAJOR")));
    }

    @Test
    void a_misspelt_category_names_the_one_meant_and_a_table_edited_in_one_form_only_is_said() throws IOException {
        Path folder = folder("category");
        Path csv = folder.resolve("incident-thresholds.csv");
        Files.writeString(csv, Files.readString(csv) + "WATER_LEKA,DIFFICULT,15,,240\n");
        int line = lineOf(csv, "WATER_LEKA");

        refused(
                folder,
                List.of(
                        "ERROR incident-thresholds.csv:" + line + ": category WATER_LEKA is named by no data and no"
                                + " default: check its spelling, or give a dataset that uses it (duty rules validate"
                                + " --data); did you mean WATER_LEAK?",
                        "ERROR incident-thresholds.xlsx: the folder holds both incident-thresholds.csv and"
                                + " incident-thresholds.xlsx and they hold different tables; keep only the one you edit"
                                + " (delete the other)"),
                List.of(
                        "错误 incident-thresholds.csv 第 " + line + " 行：category WATER_LEKA 在数据和默认值中都没有出现："
                                + "请检查拼写，或给出用到它的数据集（duty rules validate --data）；是否应为 WATER_LEAK？",
                        "错误 incident-thresholds.xlsx：文件夹中同时有 incident-thresholds.csv 和 incident-thresholds.xlsx，"
                                + "且两者内容不同；只保留正在编辑的那一个（删除另一个）"));
    }

    @Test
    void a_message_whose_placeholders_do_not_fit_its_rule_or_that_names_no_rule() throws IOException {
        Path folder = folder("messages");
        replace(folder.resolve("messages.properties"), "Only {0} patrol(s)", "Only {1} patrol(s)");
        replace(folder.resolve("messages_zh.properties"), "NIGHT_PATROL_TOO_FEW.title", "NIGHT_PATROL_TOO_FWE.title");
        int message = lineOf(folder.resolve("messages.properties"), "Only {1} patrol(s)");
        int title = lineOf(folder.resolve("messages_zh.properties"), "NIGHT_PATROL_TOO_FWE.title");

        refused(
                folder,
                List.of(
                        "ERROR messages.properties:" + message + ":27: the message NIGHT_PATROL_TOO_FEW uses {1}, but"
                                + " the rule gives 1 argument(s) ($n.intValue()); the first is {0}, the second {1}",
                        "ERROR messages_zh.properties:" + title + ":1: NIGHT_PATROL_TOO_FWE.title names the rule"
                                + " NIGHT_PATROL_TOO_FWE, which is no rule of the procedure (duty rules list shows the"
                                + " rule ids); did you mean NIGHT_PATROL_TOO_FEW.title?"),
                List.of(
                        "错误 messages.properties 第 " + message + " 行第 27 列：提示信息 NIGHT_PATROL_TOO_FEW 用到了 {1}，但该"
                                + "规则只提供 1 个参数（$n.intValue()）；第一个参数是 {0}，第二个是 {1}",
                        "错误 messages_zh.properties 第 " + title + " 行第 1 列：NIGHT_PATROL_TOO_FWE.title 对应的规则"
                                + " NIGHT_PATROL_TOO_FWE 不存在（duty rules list 列出所有规则编号）；是否应为"
                                + " NIGHT_PATROL_TOO_FEW.title？"));
    }

    @Test
    void a_category_of_the_company_s_own_data_is_known_with_data_and_a_new_one_is_only_a_warning() throws IOException {
        Path folder = folder("own-category");
        Files.delete(folder.resolve("incident-thresholds.xlsx"));
        Path csv = folder.resolve("incident-thresholds.csv");
        Files.writeString(csv, Files.readString(csv) + "BEE_SWARM,DIFFICULT,15,,240\n");

        Cli validate = Cli.run("rules", "validate", folder.toString(), "--lang", "en");

        assertThat(validate.exit()).as(validate.toString()).isZero();
        assertThat(validate.out())
                .contains("WARNING incident-thresholds.csv:5: category BEE_SWARM is named by no data and no default")
                .contains("0 error(s), 1 warning(s)");
    }

    @Test
    void with_data_a_category_the_records_name_is_known_and_json_gives_every_field() throws IOException {
        Path folder = folder("with-data");
        Files.delete(folder.resolve("incident-thresholds.xlsx"));
        Path csv = folder.resolve("incident-thresholds.csv");
        Files.writeString(csv, Files.readString(csv) + "BEE_SWARM,DIFFICULT,15,,240\n");
        Path data = dir.resolve("bees.json");
        Files.writeString(
                data,
                Files.readString(folder.resolve("scenarios/base.json"))
                        .replace(
                                "\"incidents\": [],",
                                "\"incidents\": [{\"id\": \"inc-1\", \"date\": \"2026-11-02\","
                                        + " \"openedAt\": \"2026-11-02T20:00:00+08:00\", \"reportedBy\": \"wang\","
                                        + " \"category\": \"BEE_SWARM\", \"severity\": \"ROUTINE\"}],"));

        Cli without = Cli.run("rules", "validate", folder.toString(), "--format", "json");
        Cli with = Cli.run("rules", "validate", folder.toString(), "--data", data.toString(), "--lang", "en");

        assertThat(without.exit()).as(without.toString()).isZero();
        JsonNode problem =
                new ObjectMapper().readTree(without.out()).get("problems").get(0);
        assertThat(problem.get("level").asText()).isEqualTo("WARNING");
        assertThat(problem.get("file").asText()).isEqualTo("incident-thresholds.csv");
        assertThat(problem.get("line").asInt()).isEqualTo(lineOf(csv, "BEE_SWARM"));
        assertThat(problem.get("kind").asText()).isEqualTo("UNKNOWN_CODE");
        assertThat(problem.get("message").get("zh").asText()).startsWith("category BEE_SWARM 在数据和默认值中都没有出现");
        assertThat(problem.get("suggestion").isNull()).isTrue();
        assertThat(with.exit()).as(with.toString()).isZero();
        assertThat(with.out()).endsWith("0 error(s), 0 warning(s)" + System.lineSeparator());
    }
}
