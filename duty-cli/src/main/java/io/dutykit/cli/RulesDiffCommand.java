package io.dutykit.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationDiff;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.staff.Staff;
import io.dutykit.rules.DroolsProcedureRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code duty rules diff --rules DIR DATASET} (or {@code --base DIR_A --rules DIR_B}): what a rules
 * change does to real data, before it merges — the violations it adds and removes, counted by rule and
 * by person. A printer of {@link ViolationDiff}.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the dataset with the base rules (the defaults, or --base) and with --rules, and prints the",
            "violations the change adds and removes (and those whose severity, clause or people change),",
            "counted by rule and by person. Exit 0 (a difference is no failure), 2 on bad input."
        })
final class RulesDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetInput input;

    @Option(names = "--rules", required = true, paramLabel = "DIR", description = "the changed rules folder")
    Path rulesDir;

    @Option(
            names = "--base",
            paramLabel = "DIR",
            description = "the rules folder to compare with (default: the defaults)")
    Path baseDir;

    @Mixin
    PeriodOptions period;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json")
    RulesCommand.Format format;

    @Mixin
    RulesLanguage language;

    @Override
    public Integer call() {
        input.requireOne();
        Instant asOf = period.asOf();
        DroolsProcedureRules base = RulesCommand.rules(baseDir);
        DroolsProcedureRules changed = RulesCommand.rules(rulesDir);
        List<Violation> before = new ArrayList<>();
        List<Violation> after = new ArrayList<>();
        Map<String, Map<String, Staff>> staff = new LinkedHashMap<>();
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        Map<String, CheckPeriod> periods = new LinkedHashMap<>();
        input.forEachSite("diff", site -> {
            CheckPeriod checked = period.periodFor(site);
            before.addAll(base.evaluate(site, checked, asOf));
            after.addAll(changed.evaluate(site, checked, asOf));
            staff.put(site.site().id(), site.staffById());
            zones.put(site.site().id(), site.site().zone());
            periods.put(site.site().id(), checked);
        });
        ViolationDiff diff = ViolationDiff.of(before, after, staff);
        PrintWriter out = spec.commandLine().getOut();
        ViolationMessages was = base.model().messages();
        ViolationMessages is = changed.model().messages();
        if (format == RulesCommand.Format.json) {
            out.print(json(diff, was, is, asOf));
        } else {
            text(diff, was, is, staff, zones, periods, asOf, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private String baseName() {
        return baseDir == null ? language.pick("the defaults", "默认规则") : baseDir.toString();
    }

    private void text(
            ViolationDiff diff,
            ViolationMessages was,
            ViolationMessages is,
            Map<String, Map<String, Staff>> staff,
            Map<String, ZoneId> zones,
            Map<String, CheckPeriod> periods,
            Instant asOf,
            PrintWriter out) {
        Locale locale = language.locale();
        out.println(language.pick(
                String.format(
                        "Rules diff: %s -> %s, %d site(s)",
                        Terminal.safe(baseName()), Terminal.safe(rulesDir.toString()), periods.size()),
                String.format(
                        "规则对比：%s -> %s，%d 个站点",
                        Terminal.safe(baseName()), Terminal.safe(rulesDir.toString()), periods.size())));
        periods.forEach((site, p) -> out.println("  "
                + language.pick(
                        String.format(
                                "%s: %s to %s, as of %s",
                                Terminal.safe(site), p.from(), p.to(), local(asOf, zones.get(site))),
                        String.format(
                                "%s：%s 至 %s，截至 %s",
                                Terminal.safe(site), p.from(), p.to(), local(asOf, zones.get(site))))));
        out.println(language.pick(
                String.format(
                        "%d added, %d removed, %d changed",
                        diff.added().size(),
                        diff.removed().size(),
                        diff.changed().size()),
                String.format(
                        "新增 %d 条，减少 %d 条，变化 %d 条",
                        diff.added().size(),
                        diff.removed().size(),
                        diff.changed().size())));
        if (diff.isEmpty()) {
            out.println(language.pick("The change finds the same violations.", "修改前后发现的违规相同。"));
            return;
        }
        out.println();
        out.println(language.pick("By rule (added, removed, changed):", "按规则（新增、减少、变化）："));
        for (ViolationDiff.RuleCount r : diff.byRule()) {
            out.printf(
                    "  %-34s %+5d %5s %5d  %s%n",
                    Terminal.safe(r.rule()),
                    r.added(),
                    "-" + r.removed(),
                    r.changed(),
                    Terminal.safe(is.title(r.rule(), locale)));
        }
        out.println();
        out.println(language.pick("By person (added, removed):", "按人员（新增、减少）："));
        for (ViolationDiff.PersonCount p : diff.byPerson()) {
            String who = p.staff().isEmpty()
                    ? language.pick("(nobody responsible)", "（无责任人）")
                    : CheckResult.person(p.staff(), p.name());
            out.printf(
                    "  %-30s %-16s %+5d %5s%n",
                    Terminal.safe(who), Terminal.safe(p.site()), p.added(), "-" + p.removed());
        }
        section(out, language.pick("Added:", "新增："), "+", diff.added(), is, staff, zones, locale);
        section(out, language.pick("Removed:", "减少："), "-", diff.removed(), was, staff, zones, locale);
        if (!diff.changed().isEmpty()) {
            out.println();
            out.println(language.pick("Changed:", "变化："));
            for (ViolationDiff.Change c : diff.changed()) {
                Violation v = c.after();
                out.printf(
                        "  ~ %s %s %s %s: %s %s -> %s %s, %s%n",
                        Terminal.safe(v.site()),
                        v.date(),
                        Terminal.safe(v.rule()),
                        Terminal.safe(v.subject()),
                        c.before().severity(),
                        Terminal.safe(c.before().clause()),
                        v.severity(),
                        Terminal.safe(v.clause()),
                        Terminal.safe(people(v, staff)));
            }
        }
    }

    private void section(
            PrintWriter out,
            String heading,
            String sign,
            List<Violation> violations,
            ViolationMessages texts,
            Map<String, Map<String, Staff>> staff,
            Map<String, ZoneId> zones,
            Locale locale) {
        if (violations.isEmpty()) {
            return;
        }
        out.println();
        out.println(heading);
        for (Violation v : violations) {
            out.printf(
                    "  %s %s %s %s %s %s  %s%n      %s%n",
                    sign,
                    Terminal.safe(v.site()),
                    v.date(),
                    v.severity(),
                    Terminal.safe(v.rule()),
                    Terminal.safe(v.subject()),
                    Terminal.safe(people(v, staff)),
                    Terminal.safe(texts.message(v, locale)));
        }
    }

    private static String people(Violation v, Map<String, Map<String, Staff>> staff) {
        Map<String, Staff> site = staff.getOrDefault(v.site(), Map.of());
        return String.join(
                ", ",
                v.responsible().stream()
                        .map(id -> CheckResult.person(
                                id, site.get(id) == null ? null : site.get(id).name()))
                        .toList());
    }

    private static String local(Instant instant, ZoneId zone) {
        return io.dutykit.core.procedure.MessageArguments.text(instant, zone) + " " + zone.getId();
    }

    private String json(ViolationDiff diff, ViolationMessages was, ViolationMessages is, Instant asOf) {
        Locale locale = language.locale();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(buffer, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", "dutykit-rules-diff/1");
            json.writeStringField("base", baseDir == null ? null : baseDir.toString());
            json.writeStringField("rules", rulesDir.toString());
            json.writeStringField("asOf", asOf.toString());
            json.writeObjectFieldStart("summary");
            json.writeNumberField("added", diff.added().size());
            json.writeNumberField("removed", diff.removed().size());
            json.writeNumberField("changed", diff.changed().size());
            json.writeEndObject();
            json.writeArrayFieldStart("byRule");
            for (ViolationDiff.RuleCount r : diff.byRule()) {
                json.writeStartObject();
                json.writeStringField("rule", r.rule());
                json.writeStringField("title", is.title(r.rule(), locale));
                json.writeNumberField("added", r.added());
                json.writeNumberField("removed", r.removed());
                json.writeNumberField("changed", r.changed());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("byPerson");
            for (ViolationDiff.PersonCount p : diff.byPerson()) {
                json.writeStartObject();
                json.writeStringField("site", p.site());
                json.writeStringField("staff", p.staff().isEmpty() ? null : p.staff());
                json.writeStringField("name", p.name().isEmpty() ? null : p.name());
                json.writeNumberField("added", p.added());
                json.writeNumberField("removed", p.removed());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("added");
            for (Violation v : diff.added()) {
                ViolationOutput.violation(json, v, is.message(v, locale));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("removed");
            for (Violation v : diff.removed()) {
                ViolationOutput.violation(json, v, was.message(v, locale));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("changed");
            for (ViolationDiff.Change c : diff.changed()) {
                json.writeStartObject();
                json.writeFieldName("before");
                ViolationOutput.violation(json, c.before(), was.message(c.before(), locale));
                json.writeFieldName("after");
                ViolationOutput.violation(json, c.after(), is.message(c.after(), locale));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.UTF_8) + System.lineSeparator();
    }
}
