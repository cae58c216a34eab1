package io.dutykit.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.MessageArguments;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes check results as text for people, JSON ({@code dutykit-violations/1}), JUnit XML for any CI
 * server, or SARIF 2.1.0 for code-scanning tools.
 */
final class ViolationOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Format {
        text,
        json,
        junit,
        sarif
    }

    private final Function<Violation, String> messages;
    private final ViolationMessages texts;
    private final Locale locale;
    private final boolean chinese;

    /** Output in the locale's language, with the rules' texts the rules ran with (a company's included). */
    ViolationOutput(ViolationMessages texts, Locale locale) {
        this.texts = texts;
        this.locale = locale;
        this.messages = v -> texts.message(v, locale);
        this.chinese = "zh".equals(locale.getLanguage());
    }

    void write(Format format, List<CheckResult> results, OutputStream out) {
        try {
            switch (format) {
                case text -> text(results, out);
                case json -> json(results, out);
                case junit -> junit(results, out);
                case sarif -> sarif(results, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<ViolationSeverity, Integer> summary(List<Violation> violations) {
        Map<ViolationSeverity, Integer> counts = new EnumMap<>(ViolationSeverity.class);
        counts.put(ViolationSeverity.ERROR, 0);
        counts.put(ViolationSeverity.WARNING, 0);
        for (Violation violation : violations) {
            counts.merge(violation.severity(), 1, Integer::sum);
        }
        return counts;
    }

    private static List<Violation> all(List<CheckResult> results) {
        List<Violation> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.violations()));
        all.sort(Violation.REPORT_ORDER);
        return all;
    }

    private void text(List<CheckResult> results, OutputStream stream) {
        PrintWriter out = writer(stream);
        for (CheckResult result : results) {
            out.printf(
                    chinese ? "站点 %s  期间 %s 至 %s  截至 %s%n" : "site %s  period %s to %s  as of %s%n",
                    Terminal.safe(result.site()),
                    result.period().from(),
                    result.period().to(),
                    local(result.asOf(), result));
            // a violation without a date (LOG_CHAIN_BROKEN) comes first, under "-"
            Map<LocalDate, List<Violation>> byDate = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            for (Violation violation : result.violations()) {
                byDate.computeIfAbsent(violation.date(), d -> new ArrayList<>()).add(violation);
            }
            for (Map.Entry<LocalDate, List<Violation>> day : byDate.entrySet()) {
                out.printf(
                        "%n%s%n", day.getKey() == null ? "-" : DateTimeFormatter.ISO_LOCAL_DATE.format(day.getKey()));
                for (Violation v : day.getValue()) {
                    out.printf(
                            "  %-7s %-34s %s %-9s %s%n      %s%s%n",
                            v.severity(),
                            Terminal.safe(v.rule()),
                            chinese ? "条款" : "clause",
                            Terminal.safe(v.clause()),
                            Terminal.safe(v.subject()),
                            Terminal.safe(messages.apply(v)),
                            v.responsible().isEmpty()
                                    ? ""
                                    : (chinese ? "  责任人: " : "  responsible: ") + Terminal.safe(people(v, result)));
                }
            }
            Map<ViolationSeverity, Integer> counts = summary(result.violations());
            out.printf(
                    chinese ? "%n%s: %d 个错误, %d 个警告%n%n" : "%n%s: %d errors, %d warnings%n%n",
                    Terminal.safe(result.site()),
                    counts.get(ViolationSeverity.ERROR),
                    counts.get(ViolationSeverity.WARNING));
        }
        out.flush();
    }

    private void json(List<CheckResult> results, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.getFactory().createGenerator(nonClosing(out), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", "dutykit-violations/1");
            if (results.size() == 1) {
                json.writeStringField("site", results.get(0).site());
            }
            if (!results.isEmpty()) {
                CheckResult first = results.get(0);
                boolean samePeriod = results.stream().allMatch(r -> r.period().equals(first.period()));
                if (samePeriod) {
                    json.writeObjectFieldStart("period");
                    json.writeStringField("from", first.period().from().toString());
                    json.writeStringField("to", first.period().to().toString());
                    json.writeEndObject();
                }
                json.writeStringField("asOf", first.asOf().toString());
            }
            json.writeArrayFieldStart("violations");
            List<Violation> all = all(results);
            for (Violation v : all) {
                violation(json, v, messages.apply(v));
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            for (Map.Entry<ViolationSeverity, Integer> count : summary(all).entrySet()) {
                json.writeNumberField(count.getKey().name(), count.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
    }

    /** One violation as the {@code dutykit-violations/1} JSON gives it (SPEC section 7). */
    static void violation(JsonGenerator json, Violation v, String message) throws IOException {
        json.writeStartObject();
        json.writeStringField("site", v.site());
        json.writeStringField("rule", v.rule());
        json.writeStringField("clause", v.clause());
        json.writeStringField("severity", v.severity().name());
        json.writeStringField("subject", v.subject());
        json.writeArrayFieldStart("staff");
        for (String staff : v.responsible()) {
            json.writeString(staff);
        }
        json.writeEndArray();
        json.writeStringField("date", v.date() == null ? null : v.date().toString());
        json.writeStringField("at", v.at() == null ? null : v.at().toString());
        json.writeStringField("message", message);
        json.writeEndObject();
    }

    /**
     * One test case per rule that fired, with one failure per violation (and one passing case when
     * clean); times in the site's zone and staff names beside their ids, as a person reads them.
     */
    private void junit(List<CheckResult> results, OutputStream stream) {
        PrintWriter out = writer(stream);
        List<Violation> all = all(results);
        Map<String, CheckResult> bySite = new TreeMap<>();
        results.forEach(r -> bySite.putIfAbsent(r.site(), r));
        Map<String, List<Violation>> byRule = new TreeMap<>();
        for (Violation v : all) {
            byRule.computeIfAbsent(v.rule(), r -> new ArrayList<>()).add(v);
        }
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.printf(
                "<testsuites name=\"duty check\" tests=\"%d\" failures=\"%d\">%n",
                Math.max(1, byRule.size()), byRule.size());
        out.printf(
                "  <testsuite name=\"duty check\" tests=\"%d\" failures=\"%d\">%n",
                Math.max(1, byRule.size()), byRule.size());
        if (!results.isEmpty()) {
            out.println("    <properties>");
            for (CheckResult r : results) {
                out.printf(
                        "      <property name=\"%s\" value=\"%s %s %s, %s %s\"/>%n",
                        xml("site " + r.site()),
                        xml(r.period().from().toString()),
                        chinese ? "至" : "to",
                        xml(r.period().to().toString()),
                        chinese ? "截至" : "as of",
                        xml(local(r.asOf(), r)));
            }
            out.println("    </properties>");
        }
        if (byRule.isEmpty()) {
            out.println("    <testcase classname=\"dutykit\" name=\"procedure\"/>");
        }
        for (Map.Entry<String, List<Violation>> rule : byRule.entrySet()) {
            Violation first = rule.getValue().get(0);
            out.printf(
                    "    <testcase classname=\"dutykit.%s\" name=\"%s\">%n", xml(first.clause()), xml(rule.getKey()));
            for (Violation v : rule.getValue()) {
                CheckResult site = bySite.get(v.site());
                out.printf(
                        chinese
                                ? "      <failure type=\"%s\" message=\"%s %s: %s\">站点 %s，日期 %s，时间 %s，条款 %s，责任人 %s</failure>%n"
                                : "      <failure type=\"%s\" message=\"%s %s: %s\">site %s, date %s, at %s, clause %s, staff %s</failure>%n",
                        v.severity(),
                        xml(v.rule()),
                        xml(v.subject()),
                        xml(messages.apply(v)),
                        xml(v.site()),
                        v.date(),
                        xml(local(v.at(), site)),
                        xml(v.clause()),
                        xml(people(v, site)));
            }
            out.println("    </testcase>");
        }
        out.println("  </testsuite>");
        out.println("</testsuites>");
        out.flush();
    }

    /** An instant in the site's zone, e.g. {@code 2026-11-04 12:00 Asia/Shanghai}; {@code -} for none. */
    static String local(java.time.Instant instant, CheckResult site) {
        if (instant == null) {
            return MessageArguments.MISSING;
        }
        return site == null
                ? instant.toString()
                : MessageArguments.text(instant, site.zone()) + " "
                        + site.zone().getId();
    }

    /** The responsible people as names beside ids: {@code 王芳 (wang), 李强 (li)}. */
    static String people(Violation v, CheckResult site) {
        return v.responsible().stream()
                .map(id -> site == null ? id : site.person(id))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private void sarif(List<CheckResult> results, OutputStream out) throws IOException {
        List<Violation> all = all(results);
        Map<String, Violation> rules = new TreeMap<>();
        for (Violation v : all) {
            rules.putIfAbsent(v.rule(), v);
        }
        List<String> ruleIds = new ArrayList<>(rules.keySet());
        try (JsonGenerator json = JSON.getFactory().createGenerator(nonClosing(out), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", "DutyKit");
            json.writeStringField("informationUri", "https://dutykit.io");
            json.writeArrayFieldStart("rules");
            for (Violation v : rules.values()) {
                json.writeStartObject();
                json.writeStringField("id", v.rule());
                json.writeStringField("name", v.rule());
                json.writeObjectFieldStart("shortDescription");
                json.writeStringField(
                        "text",
                        texts.title(v.rule(), locale)
                                + (chinese ? "（条款 " : " (clause ")
                                + v.clause()
                                + (chinese ? "）" : ")"));
                json.writeEndObject();
                var description = texts.description(v.rule(), locale);
                if (description.isPresent()) {
                    json.writeObjectFieldStart("fullDescription");
                    json.writeStringField("text", description.get());
                    json.writeEndObject();
                }
                json.writeObjectFieldStart("properties");
                json.writeStringField("clause", v.clause());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            for (Violation v : all) {
                json.writeStartObject();
                json.writeStringField("ruleId", v.rule());
                json.writeNumberField("ruleIndex", ruleIds.indexOf(v.rule()));
                json.writeStringField("level", v.severity() == ViolationSeverity.ERROR ? "error" : "warning");
                json.writeObjectFieldStart("message");
                json.writeStringField("text", messages.apply(v));
                json.writeEndObject();
                json.writeArrayFieldStart("locations");
                json.writeStartObject();
                json.writeArrayFieldStart("logicalLocations");
                json.writeStartObject();
                json.writeStringField("name", v.subject());
                json.writeStringField("fullyQualifiedName", v.site() + "/" + v.subject());
                json.writeStringField("kind", "object");
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndArray();
                json.writeObjectFieldStart("partialFingerprints");
                json.writeStringField("dutykit/v1", v.site() + "/" + v.rule() + "/" + v.subject());
                json.writeEndObject();
                json.writeObjectFieldStart("properties");
                json.writeStringField("site", v.site());
                json.writeStringField("clause", v.clause());
                json.writeStringField("date", v.date() == null ? null : v.date().toString());
                json.writeStringField("at", v.at() == null ? null : v.at().toString());
                json.writeArrayFieldStart("staff");
                for (String staff : v.responsible()) {
                    json.writeString(staff);
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    static PrintWriter writer(OutputStream out) {
        return new PrintWriter(
                new java.io.OutputStreamWriter(nonClosing(out), java.nio.charset.StandardCharsets.UTF_8));
    }

    static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
