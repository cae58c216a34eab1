package io.dutykit.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.RuleEntry;
import io.dutykit.core.procedure.RuleListing;
import io.dutykit.rules.DroolsProcedureRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code duty rules list [--rules DIR]}: the catalogue as in effect — every rule with its clause,
 * severity, title, the parameters it reads with their effective values, and whether it (and each
 * value) is default, changed or added; then every parameter and the threshold table. A printer of
 * {@link RuleListing}.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the rules in effect: id, clause, severity, title, the parameters each reads with their",
            "effective values, and whether each is default, changed or added; then every parameter and the",
            "incident threshold table."
        })
final class RulesListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", description = "a company rules folder (default: the defaults alone)")
    Path rulesDir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json")
    RulesCommand.Format format;

    @Mixin
    RulesLanguage language;

    @Override
    public Integer call() {
        DroolsProcedureRules rules = RulesCommand.rules(rulesDir);
        RuleListing listing = RuleListing.of(rules.model());
        PrintWriter out = spec.commandLine().getOut();
        if (format == RulesCommand.Format.json) {
            out.print(json(listing));
        } else {
            text(listing, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private String origin(RuleEntry.Origin origin) {
        return switch (origin) {
            case DEFAULT -> language.pick("default", "默认");
            case CHANGED -> language.pick("changed", "已修改");
            case ADDED -> language.pick("added", "新增");
        };
    }

    private String origin(ParameterValues.Origin origin) {
        return switch (origin) {
            case DEFAULT -> language.pick("default", "默认");
            case CHANGED -> language.pick("changed", "已修改");
            case ADDED -> language.pick("added", "新增");
        };
    }

    private String value(RuleListing.Setting s) {
        return s.key() + "=" + s.value()
                + (s.origin() == ParameterValues.Origin.CHANGED && s.defaultValue() != null
                        ? language.pick(
                                " (changed; default " + s.defaultValue() + ")", "（已修改，默认 " + s.defaultValue() + "）")
                        : "");
    }

    private void text(RuleListing listing, PrintWriter out) {
        Locale locale = language.locale();
        List<RuleListing.Row> rows = listing.rules();
        long changed = rows.stream()
                .filter(r -> r.origin() == RuleEntry.Origin.CHANGED)
                .count();
        long added =
                rows.stream().filter(r -> r.origin() == RuleEntry.Origin.ADDED).count();
        String source = rulesDir == null
                ? language.pick("the defaults", "默认规则")
                : language.pick("the defaults and ", "默认规则和 ") + Terminal.safe(rulesDir.toString());
        out.println(language.pick(
                String.format(
                        "Rules in effect (%s): %d rules, %d default, %d changed, %d added",
                        source, rows.size(), rows.size() - changed - added, changed, added),
                String.format(
                        "生效的规则（%s）：共 %d 条，默认 %d 条，已修改 %d 条，新增 %d 条",
                        source, rows.size(), rows.size() - changed - added, changed, added)));
        for (RuleListing.Row row : rows) {
            out.println();
            out.printf(
                    "%s  %s %s  %s  %s  %s %d%s%n",
                    Terminal.safe(row.id()),
                    language.pick("clause", "条款"),
                    Terminal.safe(row.clause()),
                    row.severity(),
                    origin(row.origin()),
                    language.pick("weight", "扣分"),
                    row.weight(),
                    row.weightChanged() ? language.pick(" (changed)", "（已修改）") : "");
            out.println("  " + Terminal.safe(row.title(locale)));
            if (!row.description(locale).isEmpty()) {
                out.println("  " + Terminal.safe(row.description(locale)));
            }
            if (!row.parameters().isEmpty()) {
                out.println("  " + language.pick("reads: ", "读取：")
                        + String.join(
                                ", ", row.parameters().stream().map(this::value).toList()));
            }
            if (!row.thresholdColumns().isEmpty()) {
                out.println(
                        "  " + language.pick("threshold table: ", "阈值表：") + String.join(", ", row.thresholdColumns()));
            }
            if (!row.arguments().isEmpty()) {
                out.println("  " + language.pick("message arguments: ", "提示信息参数：")
                        + Terminal.safe(String.join(", ", row.arguments())));
            }
        }
        out.println();
        out.println(language.pick("Parameters", "参数"));
        for (RuleListing.Setting s : listing.parameters()) {
            String status = s.origin() == ParameterValues.Origin.CHANGED && s.defaultValue() != null
                    ? origin(s.origin()) + language.pick(", default ", "，默认 ") + s.defaultValue()
                    : origin(s.origin());
            out.printf(
                    "  %-36s %-16s %s%n",
                    Terminal.safe(s.key() + "=" + s.value()),
                    Terminal.safe(status),
                    Terminal.safe(s.description(locale)));
        }
        out.println();
        IncidentThresholdTable table = listing.thresholds();
        out.println(language.pick("Incident threshold table", "事件阈值表")
                + (table.source() == null ? "" : " (" + Terminal.safe(table.source()) + ")"));
        out.printf("  %-20s %-10s %10s %10s %10s%n", (Object[]) IncidentThresholdTable.COLUMNS.toArray(String[]::new));
        for (IncidentThresholdTable.Threshold t : table.rows()) {
            out.printf(
                    "  %-20s %-10s %10s %10s %10s%n",
                    Terminal.safe(t.category()),
                    t.severity(),
                    minutes(t.supervisorWithin()),
                    minutes(t.managerWithin()),
                    minutes(t.resolveWithin()));
        }
    }

    private static String minutes(Duration d) {
        return d == null ? "-" : Long.toString(d.toMinutes());
    }

    private static String json(RuleListing listing) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(buffer, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", "dutykit-rules/1");
            json.writeArrayFieldStart("rules");
            for (RuleListing.Row row : listing.rules()) {
                json.writeStartObject();
                json.writeStringField("id", row.id());
                json.writeStringField("clause", row.clause());
                json.writeStringField("severity", row.severity().name());
                json.writeStringField("origin", row.origin().name());
                json.writeObjectFieldStart("title");
                json.writeStringField("en", row.title());
                json.writeStringField("zh", row.titleZh());
                json.writeEndObject();
                json.writeObjectFieldStart("description");
                json.writeStringField("en", row.description());
                json.writeStringField("zh", row.descriptionZh());
                json.writeEndObject();
                json.writeArrayFieldStart("parameters");
                for (RuleListing.Setting s : row.parameters()) {
                    setting(json, s);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("thresholdColumns");
                for (String c : row.thresholdColumns()) {
                    json.writeString(c);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("arguments");
                for (String a : row.arguments()) {
                    json.writeString(a);
                }
                json.writeEndArray();
                json.writeNumberField("weight", row.weight());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("parameters");
            for (RuleListing.Setting s : listing.parameters()) {
                setting(json, s);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("thresholds");
            for (IncidentThresholdTable.Threshold t : listing.thresholds().rows()) {
                json.writeStartObject();
                json.writeStringField("category", t.category());
                json.writeStringField("severity", t.severity().name());
                minutes(json, "supervisorMinutes", t.supervisorWithin());
                minutes(json, "managerMinutes", t.managerWithin());
                minutes(json, "resolutionMinutes", t.resolveWithin());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.UTF_8) + System.lineSeparator();
    }

    private static void minutes(JsonGenerator json, String field, Duration d) throws IOException {
        if (d == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, d.toMinutes());
        }
    }

    private static void setting(JsonGenerator json, RuleListing.Setting s) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", s.key());
        json.writeStringField("value", s.value());
        json.writeStringField("default", s.defaultValue());
        json.writeStringField("origin", s.origin().name());
        json.writeEndObject();
    }
}
