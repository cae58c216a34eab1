package io.dutykit.console;

import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationDiff;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.CompanyMessages;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.MessageArguments;
import io.dutykit.core.procedure.Parameter;
import io.dutykit.core.procedure.ParameterFile;
import io.dutykit.core.procedure.ParameterType;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.RuleEntry;
import io.dutykit.core.procedure.RuleListing;
import io.dutykit.core.staff.Staff;
import io.dutykit.rules.RuleProblem;
import io.dutykit.rules.RuleSet;
import io.dutykit.rules.ScenarioResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console's pages, rendered on the server from the procedure model — the catalogue of the compiled
 * rules, the parameters' definitions ({@link Parameters}), the threshold table and the texts in effect —
 * never from a list of their own, so a rule or a parameter added to DutyKit shows here as it is. Every
 * text from a file, the data or a request goes through {@link Html}'s escaping; every form carries the
 * session's token and posts back to the console, which redirects (post/redirect/get).
 */
final class Pages {
    /** What every page needs: the language, the form token, the folder and draft, a flash from the last post. */
    record View(Texts t, String token, Evaluation e, Flash flash, String path, Info info) {
        Locale locale() {
            return t.locale();
        }

        boolean zh() {
            return t.isChinese();
        }
    }

    /** How the console was started, as the officer named things. */
    record Info(
            String rules,
            String data,
            String scenarios,
            String user,
            Set<String> dataCategories,
            List<String> tableFiles,
            Map<String, ZoneId> zones) {}

    static final List<String> NAV =
            List.of("/catalogue", "/parameters", "/thresholds", "/company-rules", "/scenarios", "/preview", "/save");

    private Pages() {}

    // ---------------------------------------------------------------- layout

    static String page(View v, String title, Html body) {
        Texts t = v.t();
        Html h = new Html();
        h.raw("<!DOCTYPE html>")
                .open("html", "lang", t.tag())
                .open("head")
                .empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", title + " — " + t.get("app.title"))
                .empty("link", "rel", "stylesheet", "href", "/console.css")
                .close("head")
                .open("body");
        h.open("header", "class", "top")
                .open("div", "class", "brand")
                .element("span", t.get("app.title"), "class", "name")
                .element("span", t.get("app.folder", v.info().rules()), "class", "folder")
                .close("div");
        h.open("nav", "aria-label", t.get("nav.label"));
        for (String path : NAV) {
            h.element(
                    "a",
                    t.get("nav" + path.replace('/', '.')),
                    "href",
                    path,
                    "class",
                    path.equals(v.path()) ? "active" : null,
                    "aria-current",
                    path.equals(v.path()) ? "page" : null);
        }
        h.close("nav");
        h.open("div", "class", "lang");
        h.element(v.zh() ? "a" : "span", "English", "href", v.zh() ? v.path() + "?lang=en" : null, "lang", "en")
                .text(" · ")
                .element(v.zh() ? "span" : "a", "中文", "href", v.zh() ? null : v.path() + "?lang=zh", "lang", "zh");
        h.close("div").close("header");

        h.open("div", "class", v.e().hasDraft() ? "status unsaved" : "status saved", "id", "status");
        if (v.e().hasDraft()) {
            h.text(t.get("status.unsaved", v.e().edits.changes().size())).text(" ");
            h.element("a", t.get("status.review"), "href", "/save");
        } else {
            h.text(t.get("status.saved"));
        }
        h.close("div");
        List<RuleProblem> errors = v.e().editedErrors();
        if (!errors.isEmpty() && !"/save".equals(v.path())) {
            h.open("div", "class", "banner bad", "id", "folder-errors");
            h.element("p", t.get(v.e().hasDraft() ? "errors.edited" : "errors.saved", errors.size()));
            problemList(h, v, errors, 5);
            h.close("div");
        }
        if (v.flash() != null && v.flash().notice() != null) {
            h.element(
                    "div",
                    v.flash().notice(),
                    "class",
                    v.flash().good() ? "banner good" : "banner bad",
                    "id",
                    "notice",
                    "role",
                    "status");
        }
        if (v.flash() != null && !v.flash().general().isEmpty()) {
            h.open("ul", "class", "banner bad", "id", "refused");
            v.flash().general().forEach(g -> h.element("li", g));
            h.close("ul");
        }
        h.open("main").element("h1", title).raw(body.toString()).close("main");
        h.open("footer").text(t.get("footer", v.info().user())).close("footer");
        h.close("body").close("html");
        return h.toString();
    }

    private static void problemList(Html h, View v, List<RuleProblem> problems, int max) {
        h.open("ul", "class", "problems");
        int n = 0;
        for (RuleProblem p : problems) {
            if (n++ == max) {
                h.element("li", v.t().get("problems.more", problems.size() - max));
                break;
            }
            h.element("li", p.toString(v.locale()), "class", p.isError() ? "error" : "warning");
        }
        h.close("ul");
    }

    private static void hiddenToken(Html h, View v) {
        h.empty("input", "type", "hidden", "name", ConsoleServer.CSRF_FIELD, "value", v.token());
    }

    private static String severityBadge(ViolationSeverity s) {
        return s == ViolationSeverity.ERROR ? "badge error" : "badge warning";
    }

    // ---------------------------------------------------------------- catalogue

    static String catalogue(View v) {
        Texts t = v.t();
        Html h = new Html();
        if (v.e().shownRules() == null) {
            h.element("p", t.get("catalogue.noRules"), "class", "banner bad");
            return page(v, t.get("nav.catalogue"), h);
        }
        RuleListing listing = RuleListing.of(v.e().shownRules().model());
        long changed = listing.rules().stream()
                .filter(r -> r.origin() == RuleEntry.Origin.CHANGED)
                .count();
        long added = listing.rules().stream()
                .filter(r -> r.origin() == RuleEntry.Origin.ADDED)
                .count();
        h.element("p", t.get("catalogue.intro", listing.rules().size(), changed, added));
        if (v.e().hasDraft() && v.e().editedRules != null) {
            h.element("p", t.get("catalogue.draft"), "class", "hint");
        }
        h.open("table", "class", "catalogue", "id", "catalogue");
        h.open("thead").open("tr");
        for (String c : List.of("rule", "clause", "severity", "origin", "description", "parameters", "weight")) {
            h.element("th", t.get("catalogue.col." + c), "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (RuleListing.Row r : listing.rules()) {
            h.open("tr", "id", "rule-" + r.id());
            h.open("td").element("strong", r.title(v.locale())).empty("br").element("code", r.id());
            if (v.e().ruleFiles.containsKey(r.id()) || r.origin() == RuleEntry.Origin.ADDED) {
                h.empty("br").element("a", t.get("catalogue.editTexts"), "href", "/company-rules#" + r.id());
            }
            h.close("td");
            h.element("td", r.clause());
            h.open("td")
                    .element("span", r.severity().name(), "class", severityBadge(r.severity()))
                    .close("td");
            h.open("td")
                    .element(
                            "span",
                            t.get("origin." + r.origin().name()),
                            "class",
                            "badge " + r.origin().name().toLowerCase(Locale.ROOT))
                    .close("td");
            h.element("td", r.description(v.locale()));
            h.open("td");
            if (r.parameters().isEmpty() && r.thresholdColumns().isEmpty()) {
                h.text("—").close("td");
                weight(h, t, r);
                h.close("tr");
                continue;
            }
            h.open("ul", "class", "plain");
            for (RuleListing.Setting s : r.parameters()) {
                h.open("li").element("code", s.key()).text(" = ").element("strong", s.value());
                if (s.origin() == ParameterValues.Origin.CHANGED) {
                    h.text(" ").element("span", t.get("default.value", s.defaultValue()), "class", "default changed");
                }
                h.close("li");
            }
            if (!r.thresholdColumns().isEmpty()) {
                h.open("li")
                        .element(
                                "a",
                                t.get("catalogue.table", String.join(", ", r.thresholdColumns())),
                                "href",
                                "/thresholds")
                        .close("li");
            }
            h.close("ul").close("td");
            weight(h, t, r);
            h.close("tr");
        }
        h.close("tbody").close("table");
        return page(v, t.get("nav.catalogue"), h);
    }

    private static void weight(Html h, Texts t, RuleListing.Row r) {
        h.open("td", "class", "num").text(Integer.toString(r.weight()));
        if (r.weightChanged()) {
            h.text(" ").element("span", t.get("catalogue.ownWeight"), "class", "badge changed");
        }
        h.close("td");
    }

    // ---------------------------------------------------------------- parameters

    /** The incident categories a code-list parameter offers as choices: the defaults, the data's and the table's. */
    static Set<String> knownCategories(View v) {
        Set<String> known = new java.util.TreeSet<>(v.info().dataCategories());
        v.e().shownRuleSet().thresholds().rows().forEach(r -> {
            if (!r.category().equals(IncidentThresholdTable.ANY)) {
                known.add(r.category());
            }
        });
        return known;
    }

    static String parameters(View v) {
        Texts t = v.t();
        RuleSet shown = v.e().shownRuleSet();
        RuleSet saved = v.e().saved.ruleSet() != null ? v.e().saved.ruleSet() : RuleSet.defaults();
        ParameterValues values = shown.parameters().parameterValues();
        ParameterValues savedValues = saved.parameters().parameterValues();
        Flash f = v.flash();
        Html h = new Html();
        h.element("p", t.get("parameters.intro", ParameterFile.NAME));
        h.open("form", "method", "post", "action", "/parameters", "id", "parameters-form");
        hiddenToken(h, v);
        h.open("table", "class", "form");
        h.open("thead").open("tr");
        for (String c : List.of("parameter", "value", "default")) {
            h.element("th", t.get("parameters.col." + c), "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (Parameter<?> p : Parameters.ALL) {
            String value = Optional.ofNullable(values.text(p.key())).orElse(p.defaultText());
            String posted = f == null ? null : f.value("parameters", p.key());
            List<String> errors = f == null ? List.of() : f.errors("parameters", p.key());
            boolean changed = !value.equals(p.defaultText());
            String savedValue = Optional.ofNullable(savedValues.text(p.key())).orElse(p.defaultText());
            h.open("tr", "class", errors.isEmpty() ? (changed ? "changed" : null) : "invalid");
            h.open("th", "scope", "row")
                    .element("label", p.key(), "for", "f-" + p.key(), "class", "key")
                    .element("p", p.clause() + " · " + p.description(v.locale()), "class", "hint")
                    .close("th");
            h.open("td");
            input(h, v, p, posted != null ? posted : value, f == null ? null : f.values("parameters", p.key()), errors);
            if (!value.equals(savedValue)) {
                h.element("p", t.get("parameters.savedValue", savedValue), "class", "hint unsaved");
            }
            fieldErrors(h, "f-" + p.key(), errors);
            h.close("td");
            h.open("td");
            h.element(
                    "span", t.get("default.value", p.defaultText()), "class", changed ? "default changed" : "default");
            h.close("td");
            h.close("tr");
        }
        h.close("tbody").close("table");

        // the staff-evaluation weights of single rules: one per rule the folder gives one
        h.element("h2", t.get("parameters.ruleWeights"));
        h.element(
                "p",
                t.get("parameters.ruleWeights.intro", Parameters.WEIGHT_ERROR.min(), Parameters.WEIGHT_ERROR.max()),
                "class",
                "hint");
        h.open("table", "class", "form").open("tbody");
        for (Map.Entry<String, Integer> w : values.ruleWeights().entrySet()) {
            String key = Parameters.RULE_WEIGHT_PREFIX + w.getKey();
            String posted = f == null ? null : f.value("parameters", key);
            List<String> errors = f == null ? List.of() : f.errors("parameters", key);
            h.open("tr", "class", errors.isEmpty() ? "changed" : "invalid");
            h.open("th", "scope", "row")
                    .element("label", key, "for", "f-" + key, "class", "key")
                    .close("th");
            h.open("td");
            h.empty(
                    "input",
                    "type",
                    "number",
                    "id",
                    "f-" + key,
                    "name",
                    key,
                    "min",
                    Long.toString(Parameters.WEIGHT_ERROR.min()),
                    "max",
                    Long.toString(Parameters.WEIGHT_ERROR.max()),
                    "step",
                    "1",
                    "value",
                    posted != null ? posted : Integer.toString(w.getValue()),
                    "aria-invalid",
                    errors.isEmpty() ? null : "true");
            h.element("span", t.get("parameters.ruleWeights.clear"), "class", "hint");
            fieldErrors(h, "f-" + key, errors);
            h.close("td").close("tr");
        }
        List<String> newErrors = f == null ? List.of() : f.errors("parameters", ConsoleServer.NEW_WEIGHT_VALUE);
        h.open("tr", "class", newErrors.isEmpty() ? null : "invalid");
        h.open("th", "scope", "row")
                .element("label", t.get("parameters.ruleWeights.add"), "for", "f-new-weight-rule")
                .close("th");
        h.open("td");
        h.open("select", "id", "f-new-weight-rule", "name", ConsoleServer.NEW_WEIGHT_RULE);
        h.element("option", "—", "value", "");
        if (v.e().shownRules() != null) {
            String chosen = f == null ? null : f.value("parameters", ConsoleServer.NEW_WEIGHT_RULE);
            for (RuleEntry r : v.e().shownRules().catalogue().entries()) {
                if (!values.ruleWeights().containsKey(r.id())) {
                    h.element("option", r.id(), "value", r.id(), "selected", r.id().equals(chosen) ? "" : null);
                }
            }
        }
        h.close("select");
        h.text(" ");
        h.empty(
                "input",
                "type",
                "number",
                "id",
                "f-new-weight-value",
                "name",
                ConsoleServer.NEW_WEIGHT_VALUE,
                "aria-label",
                t.get("parameters.ruleWeights.value"),
                "min",
                Long.toString(Parameters.WEIGHT_ERROR.min()),
                "max",
                Long.toString(Parameters.WEIGHT_ERROR.max()),
                "step",
                "1",
                "value",
                f == null ? null : f.value("parameters", ConsoleServer.NEW_WEIGHT_VALUE));
        fieldErrors(h, "f-new-weight-value", newErrors);
        h.close("td").close("tr");
        h.close("tbody").close("table");

        List<String> ownKeys = companyKeys(values);
        if (!ownKeys.isEmpty()) {
            h.element("h2", t.get("parameters.ownKeys"));
            h.element("p", t.get("parameters.ownKeys.intro"), "class", "hint");
            h.open("table", "class", "form").open("tbody");
            for (String key : ownKeys) {
                String posted = f == null ? null : f.value("parameters", key);
                List<String> errors = f == null ? List.of() : f.errors("parameters", key);
                h.open("tr", "class", errors.isEmpty() ? null : "invalid");
                h.open("th", "scope", "row")
                        .element("label", key, "for", "f-" + key, "class", "key")
                        .close("th");
                h.open("td");
                h.empty(
                        "input",
                        "type",
                        "text",
                        "id",
                        "f-" + key,
                        "name",
                        key,
                        "maxlength",
                        "1000",
                        "value",
                        posted != null ? posted : values.text(key));
                fieldErrors(h, "f-" + key, errors);
                h.close("td").close("tr");
            }
            h.close("tbody").close("table");
        }
        h.open("p", "class", "actions")
                .element("button", t.get("parameters.apply"), "type", "submit", "id", "apply-parameters")
                .text(" ")
                .element("span", t.get("form.notSaved"), "class", "hint")
                .close("p");
        h.close("form");
        return page(v, t.get("nav.parameters"), h);
    }

    /** The keys of the folder's own that no parameter definition or rule weight names. */
    static List<String> companyKeys(ParameterValues values) {
        List<String> keys = new ArrayList<>();
        values.texts().keySet().forEach(k -> {
            if (Parameters.find(k).isEmpty() && !Parameters.isRuleWeight(k)) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** The input of a parameter, typed as its definition says. */
    private static void input(
            Html h, View v, Parameter<?> p, String value, List<String> postedCodes, List<String> errors) {
        String id = "f-" + p.key();
        String invalid = errors.isEmpty() ? null : "true";
        String described = errors.isEmpty() ? null : id + "-error";
        ParameterType<?> type = p.type();
        if (type == ParameterType.TIME_OF_DAY) {
            h.empty(
                    "input",
                    "type",
                    "time",
                    "id",
                    id,
                    "name",
                    p.key(),
                    "value",
                    value,
                    "required",
                    "",
                    "aria-invalid",
                    invalid,
                    "aria-describedby",
                    described);
            return;
        }
        if (type == ParameterType.CODE_LIST) {
            Set<String> chosen = new LinkedHashSet<>();
            if (postedCodes != null && !postedCodes.isEmpty()) {
                chosen.addAll(postedCodes);
            } else {
                for (String c : value.split(",")) {
                    if (!c.isBlank()) {
                        chosen.add(c.strip());
                    }
                }
            }
            Set<String> choices = new java.util.TreeSet<>(chosen);
            choices.addAll(
                    Parameters.find(p.key()).map(d -> codes(d.defaultText())).orElse(Set.of()));
            if (isCategoryList(p)) {
                choices.addAll(knownCategories(v));
            }
            h.open("fieldset", "class", "codes", "id", id, "aria-invalid", invalid, "aria-describedby", described);
            h.element("legend", v.t().get("parameters.codes"), "class", "hint");
            h.empty("input", "type", "hidden", "name", ConsoleServer.CODES_MARK + p.key(), "value", "1");
            for (String c : choices) {
                String box = id + "-" + c;
                h.open("label", "for", box, "class", "code")
                        .empty(
                                "input",
                                "type",
                                "checkbox",
                                "id",
                                box,
                                "name",
                                p.key(),
                                "value",
                                c,
                                "checked",
                                chosen.contains(c) ? "" : null)
                        .text(" " + c)
                        .close("label");
            }
            if (!isCategoryList(p)) {
                // codes of another kind than incident categories: new ones may be typed (checked on the server)
                h.element("label", v.t().get("parameters.otherCodes"), "for", id + "-other", "class", "hint");
                h.text(" ");
                h.empty(
                        "input",
                        "type",
                        "text",
                        "id",
                        id + "-other",
                        "name",
                        p.key() + OTHER_CODES,
                        "pattern",
                        "[A-Z0-9_, ]*",
                        "value",
                        v.flash() == null ? null : v.flash().value("parameters", p.key() + OTHER_CODES));
            }
            h.close("fieldset");
            return;
        }
        if (!type.hasRange()) {
            // a kind of value without a form of its own: text, checked on the server like the file's
            h.empty(
                    "input",
                    "type",
                    "text",
                    "id",
                    id,
                    "name",
                    p.key(),
                    "value",
                    value,
                    "required",
                    "",
                    "aria-invalid",
                    invalid,
                    "aria-describedby",
                    described);
            h.text(" ").element("span", unit(v, type), "class", "unit");
            return;
        }
        h.empty(
                "input",
                "type",
                "number",
                "id",
                id,
                "name",
                p.key(),
                "value",
                value,
                "min",
                Long.toString(p.min()),
                "max",
                Long.toString(p.max()),
                "step",
                "1",
                "required",
                "",
                "inputmode",
                "numeric",
                "aria-invalid",
                invalid,
                "aria-describedby",
                described);
        h.text(" ").element("span", unit(v, type) + " (" + p.min() + "–" + p.max() + ")", "class", "unit");
    }

    /** The field beside a code list where codes not offered as boxes are typed. */
    static final String OTHER_CODES = ".other";

    /** A code list of incident categories: the emergency-plan categories, or one whose default holds only categories. */
    static boolean isCategoryList(Parameter<?> p) {
        if (p.key().equals(Parameters.PLAN_CATEGORIES.key())) {
            return true;
        }
        Set<String> defaults = codes(p.defaultText());
        return !defaults.isEmpty() && io.dutykit.core.procedure.DefaultCodes.INCIDENT_CATEGORIES.containsAll(defaults);
    }

    private static Set<String> codes(String text) {
        Set<String> codes = new LinkedHashSet<>();
        for (String c : text.split(",")) {
            if (!c.isBlank()) {
                codes.add(c.strip());
            }
        }
        return codes;
    }

    private static String unit(View v, ParameterType<?> type) {
        return v.zh() ? type.nameZh() : type.name();
    }

    private static void fieldErrors(Html h, String id, List<String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        h.open("div", "class", "field-error", "id", id + "-error", "role", "alert");
        errors.forEach(e -> h.element("p", e));
        h.close("div");
    }

    // ---------------------------------------------------------------- thresholds

    static String thresholds(View v) {
        Texts t = v.t();
        Flash f = v.flash();
        List<IncidentThresholdTable.Threshold> rows =
                v.e().shownRuleSet().thresholds().rows();
        boolean posted = f != null && "thresholds".equals(f.form());
        int count = posted ? Integer.parseInt(f.value("thresholds", "rows")) : rows.size();
        Set<String> categories = new java.util.TreeSet<>(knownCategories(v));
        rows.forEach(r -> categories.add(r.category()));
        categories.remove(IncidentThresholdTable.ANY);
        Html h = new Html();
        List<String> files = v.info().tableFiles();
        h.element("p", t.get("thresholds.intro"));
        h.element(
                "p",
                files.isEmpty()
                        ? t.get("thresholds.files.none", IncidentThresholdTable.CSV_NAME)
                        : t.get("thresholds.files", String.join(", ", files)),
                "class",
                "hint");
        h.open("form", "method", "post", "action", "/thresholds", "id", "thresholds-form");
        hiddenToken(h, v);
        h.empty("input", "type", "hidden", "name", "rows", "value", Integer.toString(count));
        h.open("table", "class", "form thresholds");
        h.open("thead").open("tr");
        for (String c : List.of("category", "severity", "supervisor", "manager", "resolution", "remove")) {
            h.element("th", t.get("thresholds.col." + c), "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (int i = 0; i < count; i++) {
            String category;
            String severity;
            String[] minutes = new String[3];
            if (posted) {
                category = f.value("thresholds", "category." + i);
                severity = f.value("thresholds", "severity." + i);
                minutes[0] = f.value("thresholds", "supervisor." + i);
                minutes[1] = f.value("thresholds", "manager." + i);
                minutes[2] = f.value("thresholds", "resolution." + i);
            } else {
                IncidentThresholdTable.Threshold r = rows.get(i);
                category = r.category();
                severity = r.severity().name();
                minutes[0] = minutes(r.supervisorWithin());
                minutes[1] = minutes(r.managerWithin());
                minutes[2] = minutes(r.resolveWithin());
            }
            List<String> errors = posted ? f.errors("thresholds", Edits.rowField(i)) : List.of();
            row(h, v, Integer.toString(i), category, severity, minutes, categories, errors);
        }
        List<String> newErrors = posted ? f.errors("thresholds", "row:new") : List.of();
        String[] none = {
            posted ? f.value("thresholds", "supervisor.new") : null,
            posted ? f.value("thresholds", "manager.new") : null,
            posted ? f.value("thresholds", "resolution.new") : null
        };
        row(
                h,
                v,
                "new",
                posted ? f.value("thresholds", "category.new") : null,
                posted ? f.value("thresholds", "severity.new") : null,
                none,
                categories,
                newErrors);
        h.close("tbody").close("table");
        h.element("p", t.get("thresholds.help"), "class", "hint");
        h.open("p", "class", "actions")
                .element("button", t.get("thresholds.apply"), "type", "submit", "id", "apply-thresholds")
                .text(" ")
                .element("span", t.get("form.notSaved"), "class", "hint")
                .close("p");
        h.close("form");
        return page(v, t.get("nav.thresholds"), h);
    }

    private static void row(
            Html h,
            View v,
            String index,
            String category,
            String severity,
            String[] minutes,
            Set<String> categories,
            List<String> errors) {
        Texts t = v.t();
        boolean fresh = index.equals("new");
        h.open("tr", "class", errors.isEmpty() ? (fresh ? "new" : null) : "invalid", "id", "row-" + index);
        h.open("td");
        h.open(
                "select",
                "name",
                "category." + index,
                "aria-label",
                t.get("thresholds.col.category"),
                "id",
                "category-" + index);
        if (fresh) {
            h.element("option", t.get("thresholds.newRow"), "value", "");
        }
        h.element(
                "option",
                t.get("thresholds.any"),
                "value",
                IncidentThresholdTable.ANY,
                "selected",
                IncidentThresholdTable.ANY.equals(category) ? "" : null);
        for (String c : categories) {
            h.element("option", c, "value", c, "selected", c.equals(category) ? "" : null);
        }
        if (category != null
                && !category.isEmpty()
                && !category.equals(IncidentThresholdTable.ANY)
                && !categories.contains(category)) {
            h.element("option", category, "value", category, "selected", "");
        }
        h.close("select").close("td");
        h.open("td");
        h.open(
                "select",
                "name",
                "severity." + index,
                "aria-label",
                t.get("thresholds.col.severity"),
                "id",
                "severity-" + index);
        for (IncidentSeverity s : IncidentSeverity.values()) {
            h.element(
                    "option", s.name(), "value", s.name(), "selected", s.name().equals(severity) ? "" : null);
        }
        h.close("select").close("td");
        String[] names = {"supervisor", "manager", "resolution"};
        IncidentThresholdTable.Threshold fallback = null;
        if (IncidentThresholdTable.ANY.equals(category) && severity != null) {
            try {
                fallback = IncidentThresholdTable.defaults()
                        .lookup(IncidentThresholdTable.ANY, IncidentSeverity.valueOf(severity));
            } catch (IllegalArgumentException e) {
                fallback = null;
            }
        }
        for (int c = 0; c < 3; c++) {
            h.open("td");
            h.empty(
                    "input",
                    "type",
                    "number",
                    "name",
                    names[c] + "." + index,
                    "id",
                    names[c] + "-" + index,
                    "aria-label",
                    t.get("thresholds.col." + names[c]),
                    "min",
                    "0",
                    "max",
                    "999999999",
                    "step",
                    "1",
                    "value",
                    minutes[c],
                    "aria-invalid",
                    errors.isEmpty() ? null : "true");
            if (fallback != null) {
                String d = minutes(
                        c == 0
                                ? fallback.supervisorWithin()
                                : c == 1 ? fallback.managerWithin() : fallback.resolveWithin());
                String shown = minutes[c] == null ? "" : minutes[c];
                h.text(" ")
                        .element(
                                "span",
                                t.get("default.value", d.isEmpty() ? "—" : d),
                                "class",
                                shown.equals(d) ? "default" : "default changed");
            }
            h.close("td");
        }
        h.open("td");
        if (!fresh) {
            h.empty(
                    "input",
                    "type",
                    "checkbox",
                    "name",
                    "remove." + index,
                    "value",
                    "1",
                    "id",
                    "remove-" + index,
                    "aria-label",
                    t.get("thresholds.col.remove"));
        }
        h.close("td");
        h.close("tr");
        if (!errors.isEmpty()) {
            h.open("tr", "class", "invalid").open("td", "colspan", "6");
            fieldErrors(h, "row-" + index, errors);
            h.close("td").close("tr");
        }
    }

    private static String minutes(Duration d) {
        return d == null ? "" : Long.toString(d.toMinutes());
    }

    // ---------------------------------------------------------------- company rules

    static String companyRules(View v) {
        Texts t = v.t();
        Html h = new Html();
        h.element("p", t.get("company.intro", CompanyMessages.FILE, CompanyMessages.FILE_ZH));
        if (v.e().shownRules() == null) {
            h.element("p", t.get("catalogue.noRules"), "class", "banner bad");
            return page(v, t.get("nav.company-rules"), h);
        }
        RuleSet shown = v.e().shownRuleSet();
        List<RuleEntry> rules = v.e().shownRules().catalogue().entries().stream()
                .filter(r -> r.origin() != RuleEntry.Origin.DEFAULT)
                .toList();
        if (rules.isEmpty()) {
            h.element("p", t.get("company.none"), "class", "hint");
        }
        ViolationMessages texts = v.e().shownRules().model().messages();
        for (RuleEntry rule : rules) {
            String form = rule.id();
            Flash f = v.flash();
            h.open("section", "class", "rule", "id", rule.id());
            h.open("h2")
                    .text(texts.title(rule.id(), v.locale()))
                    .text(" ")
                    .element("code", rule.id())
                    .close("h2");
            String file = v.e().ruleFiles.get(rule.id());
            h.element(
                    "p",
                    t.get(
                            "company.where",
                            file == null ? t.get("company.decisionTable") : file,
                            rule.clause(),
                            t.get("origin." + rule.origin().name())),
                    "class",
                    "hint");
            h.open("form", "method", "post", "action", "/company-rules", "id", "form-" + rule.id());
            hiddenToken(h, v);
            h.empty("input", "type", "hidden", "name", "rule", "value", rule.id());
            String severityField = Edits.severityField(rule.id());
            List<String> severityErrors = f == null ? List.of() : f.errors(form, severityField);
            h.open("p");
            h.element("label", t.get("company.severity"), "for", "f-" + severityField);
            h.text(" ");
            if (file != null) {
                String posted = f == null ? null : f.value(form, severityField);
                String current = posted != null ? posted : rule.severity().name();
                h.open("select", "name", severityField, "id", "f-" + severityField);
                for (ViolationSeverity s : List.of(ViolationSeverity.ERROR, ViolationSeverity.WARNING)) {
                    h.element(
                            "option",
                            s.name(),
                            "value",
                            s.name(),
                            "selected",
                            s.name().equals(current) ? "" : null);
                }
                h.close("select");
                h.text(" ").element("span", t.get("company.severity.hint", file), "class", "hint");
            } else {
                h.element("span", rule.severity().name(), "class", severityBadge(rule.severity()));
                h.text(" ").element("span", t.get("company.severity.table"), "class", "hint");
            }
            fieldErrors(h, "f-" + severityField, severityErrors);
            h.close("p");
            if (!rule.arguments().isEmpty()) {
                h.open("p", "class", "hint").text(t.get("company.arguments")).text(" ");
                for (int i = 0; i < rule.arguments().size(); i++) {
                    h.element("code", "{" + i + "}")
                            .text(" = ")
                            .element("code", rule.arguments().get(i))
                            .text(i + 1 < rule.arguments().size() ? "; " : "");
                }
                h.close("p");
            }
            h.open("table", "class", "form").open("thead").open("tr");
            h.element("th", "", "scope", "col")
                    .element("th", "English (" + CompanyMessages.FILE + ")", "scope", "col")
                    .element("th", "中文 (" + CompanyMessages.FILE_ZH + ")", "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (String suffix : List.of(".title", "", ".description")) {
                String key = rule.id() + suffix;
                h.open("tr")
                        .element("th", t.get("company.key" + (suffix.isEmpty() ? ".message" : suffix)), "scope", "row");
                for (String name : List.of(CompanyMessages.FILE, CompanyMessages.FILE_ZH)) {
                    ParameterFile source = name.equals(CompanyMessages.FILE)
                            ? shown.messages().english()
                            : shown.messages().chinese();
                    String field = Edits.messageField(name, key);
                    String posted = f == null ? null : f.value(form, field);
                    String value = posted != null
                            ? posted
                            : source.entry(key).map(ParameterFile.Entry::value).orElse("");
                    List<String> errors = f == null ? List.of() : f.errors(form, field);
                    h.open("td", "class", errors.isEmpty() ? null : "invalid");
                    if (suffix.equals(".title")) {
                        h.empty(
                                "input",
                                "type",
                                "text",
                                "name",
                                field,
                                "id",
                                "f-" + field,
                                "value",
                                value,
                                "maxlength",
                                "200",
                                "lang",
                                name.equals(CompanyMessages.FILE) ? "en" : "zh",
                                "aria-invalid",
                                errors.isEmpty() ? null : "true");
                    } else {
                        h.element(
                                "textarea",
                                value,
                                "name",
                                field,
                                "id",
                                "f-" + field,
                                "rows",
                                "3",
                                "maxlength",
                                "2000",
                                "lang",
                                name.equals(CompanyMessages.FILE) ? "en" : "zh",
                                "aria-invalid",
                                errors.isEmpty() ? null : "true");
                    }
                    fieldErrors(h, "f-" + field, errors);
                    h.close("td");
                }
                h.close("tr");
            }
            h.close("tbody").close("table");
            h.element("p", t.get("company.apostrophe"), "class", "hint");
            h.open("p", "class", "actions")
                    .element("button", t.get("company.apply"), "type", "submit", "id", "apply-" + rule.id())
                    .text(" ")
                    .element("span", t.get("form.notSaved"), "class", "hint")
                    .close("p");
            h.close("form").close("section");
        }
        return page(v, t.get("nav.company-rules"), h);
    }

    // ---------------------------------------------------------------- scenarios

    static String scenarios(View v) {
        Texts t = v.t();
        Html h = new Html();
        Evaluation.Scenarios s = v.e().scenarios();
        if (s == null) {
            h.element("p", t.get("scenarios.none", v.info().scenarios()), "class", "hint");
            return page(v, t.get("nav.scenarios"), h);
        }
        h.element("p", t.get("scenarios.intro", v.info().scenarios(), v.info().rules()));
        if (s.problem() != null) {
            h.element("p", s.problem(), "class", "banner bad");
        }
        boolean both = v.e().hasDraft();
        h.open("ul", "class", "summary", "id", "scenario-summary");
        if (both) {
            h.element("li", t.get("scenarios.summary.saved", passed(s.saved()), failed(s.saved()), errored(s.saved())));
            if (v.e().editedRules == null) {
                h.element("li", t.get("scenarios.summary.editedInvalid"));
            } else {
                h.element(
                        "li",
                        t.get("scenarios.summary.edited", passed(s.edited()), failed(s.edited()), errored(s.edited())));
            }
        } else {
            h.element("li", t.get("scenarios.summary.only", passed(s.saved()), failed(s.saved()), errored(s.saved())));
        }
        h.close("ul");
        Map<String, ScenarioResult> saved = Evaluation.Scenarios.byFile(s.saved());
        Map<String, ScenarioResult> edited = Evaluation.Scenarios.byFile(s.edited());
        h.open("table", "class", "scenarios", "id", "scenarios");
        h.open("thead").open("tr");
        h.element("th", t.get("scenarios.col.scenario"), "scope", "col");
        h.element("th", both ? t.get("scenarios.col.saved") : t.get("scenarios.col.result"), "scope", "col");
        if (both) {
            h.element("th", t.get("scenarios.col.edited"), "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (String file : s.files()) {
            ScenarioResult any = saved.getOrDefault(file, edited.get(file));
            h.open("tr", "id", "scenario-" + file);
            h.open("td")
                    .element("code", file)
                    .empty("br")
                    .text(any == null || any.name() == null ? "" : any.name())
                    .close("td");
            result(h, v, saved.get(file));
            if (both) {
                result(h, v, edited.get(file));
            }
            h.close("tr");
        }
        h.close("tbody").close("table");
        return page(v, t.get("nav.scenarios"), h);
    }

    private static long passed(List<ScenarioResult> r) {
        return r.stream().filter(ScenarioResult::passed).count();
    }

    private static long failed(List<ScenarioResult> r) {
        return r.stream().filter(ScenarioResult::failed).count();
    }

    private static long errored(List<ScenarioResult> r) {
        return r.stream().filter(ScenarioResult::couldNotRun).count();
    }

    private static void result(Html h, View v, ScenarioResult r) {
        Texts t = v.t();
        if (r == null) {
            h.element("td", "—");
            return;
        }
        if (r.passed()) {
            h.open("td", "class", "pass")
                    .element("span", t.get("scenarios.pass"), "class", "badge pass")
                    .close("td");
            return;
        }
        if (r.couldNotRun()) {
            h.open("td", "class", "fail")
                    .element("span", t.get("scenarios.error"), "class", "badge error")
                    .text(" ")
                    .text(r.problem().toString(v.locale()))
                    .close("td");
            return;
        }
        h.open("td", "class", "fail").element("span", t.get("scenarios.fail"), "class", "badge error");
        if (!r.missing().isEmpty()) {
            h.element("p", t.get("scenarios.missing", String.join(", ", r.missing())), "class", "missing");
        }
        if (!r.extra().isEmpty()) {
            h.element("p", t.get("scenarios.extra", String.join(", ", r.extra())), "class", "extra");
        }
        h.close("td");
    }

    // ---------------------------------------------------------------- preview

    static String preview(View v) {
        Texts t = v.t();
        Html h = new Html();
        if (v.info().data() == null) {
            h.element("p", t.get("preview.noData"), "class", "hint");
            return page(v, t.get("nav.preview"), h);
        }
        Evaluation.Preview p = v.e().preview();
        if (p == null || p.problem() != null) {
            String problem = p == null ? "" : p.problem();
            h.element(
                    "p",
                    "saved".equals(problem)
                            ? t.get("preview.savedInvalid")
                            : "edited".equals(problem) ? t.get("preview.editedInvalid") : problem,
                    "class",
                    "banner bad");
            return page(v, t.get("nav.preview"), h);
        }
        h.element("p", t.get("preview.intro", v.info().data(), p.periods().size()));
        h.open("ul", "class", "plain hint");
        p.periods()
                .forEach((site, period) -> h.element(
                        "li",
                        t.get(
                                "preview.period",
                                site,
                                period.from().toString(),
                                period.to().toString(),
                                local(p.asOf(), zone(v, site)))));
        h.close("ul");
        ViolationDiff diff = p.diff();
        h.open("ul", "class", "summary", "id", "preview-summary");
        h.element("li", t.get("preview.saved", p.before().size()), "id", "count-saved");
        h.element("li", t.get("preview.edited", p.after().size()), "id", "count-edited");
        h.element(
                "li",
                t.get(
                        "preview.diff",
                        diff.added().size(),
                        diff.removed().size(),
                        diff.changed().size()),
                "id",
                "count-diff");
        h.close("ul");
        if (!v.e().hasDraft()) {
            h.element("p", t.get("preview.noDraft"), "class", "hint");
        }
        ViolationMessages was = v.e().savedRules.model().messages();
        ViolationMessages is = v.e().editedRules.model().messages();

        h.element("h2", t.get("preview.byRule"));
        h.open("table", "class", "counts", "id", "by-rule").open("thead").open("tr");
        for (String c : List.of("rule", "saved", "edited", "added", "removed", "changed")) {
            h.element("th", t.get("preview.col." + c), "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        Map<String, int[]> counts = p.countsByRule();
        Map<String, ViolationDiff.RuleCount> changes = new java.util.HashMap<>();
        diff.byRule().forEach(r -> changes.put(r.rule(), r));
        counts.forEach((rule, n) -> {
            ViolationDiff.RuleCount c = changes.getOrDefault(rule, new ViolationDiff.RuleCount(rule, 0, 0, 0));
            h.open(
                    "tr",
                    "id",
                    "by-rule-" + rule,
                    "class",
                    c.added() + c.removed() + c.changed() > 0 ? "differs" : null);
            h.open("td")
                    .text(is.title(rule, v.locale()))
                    .text(" ")
                    .element("code", rule)
                    .close("td");
            h.element("td", Integer.toString(n[0]), "class", "num");
            h.element("td", Integer.toString(n[1]), "class", "num");
            h.element("td", c.added() == 0 ? "" : "+" + c.added(), "class", "num added");
            h.element("td", c.removed() == 0 ? "" : "−" + c.removed(), "class", "num removed");
            h.element("td", c.changed() == 0 ? "" : "~" + c.changed(), "class", "num");
            h.close("tr");
        });
        h.close("tbody").close("table");

        h.element("h2", t.get("preview.byPerson"));
        h.open("table", "class", "counts", "id", "by-person").open("thead").open("tr");
        for (String c : List.of("person", "site", "saved", "edited", "added", "removed")) {
            h.element("th", t.get("preview.col." + c), "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        Map<List<String>, int[]> people = p.countsByPerson();
        Map<List<String>, ViolationDiff.PersonCount> personChanges = new java.util.HashMap<>();
        diff.byPerson().forEach(c -> personChanges.put(List.of(c.site(), c.staff()), c));
        people.forEach((key, n) -> {
            ViolationDiff.PersonCount c =
                    personChanges.getOrDefault(key, new ViolationDiff.PersonCount(key.get(0), key.get(1), "", 0, 0));
            h.open(
                    "tr",
                    "id",
                    "by-person-" + key.get(0) + "-" + key.get(1),
                    "class",
                    c.added() + c.removed() > 0 ? "differs" : null);
            h.element("td", person(p.staff(), key.get(0), key.get(1), t));
            h.element("td", key.get(0));
            h.element("td", Integer.toString(n[0]), "class", "num");
            h.element("td", Integer.toString(n[1]), "class", "num");
            h.element("td", c.added() == 0 ? "" : "+" + c.added(), "class", "num added");
            h.element("td", c.removed() == 0 ? "" : "−" + c.removed(), "class", "num removed");
            h.close("tr");
        });
        h.close("tbody").close("table");

        violations(h, v, p, t.get("preview.added"), "added", diff.added(), is);
        violations(h, v, p, t.get("preview.removed"), "removed", diff.removed(), was);
        if (!diff.changed().isEmpty()) {
            h.element("h2", t.get("preview.changed"));
            h.open("table", "class", "violations", "id", "changed").open("tbody");
            for (ViolationDiff.Change c : diff.changed()) {
                Violation a = c.after();
                h.open("tr");
                h.element("td", a.date() == null ? "" : a.date().toString());
                h.open("td").element("code", a.rule()).close("td");
                h.element("td", a.subject());
                h.element(
                        "td",
                        c.before().severity() + " " + c.before().clause() + " → " + a.severity() + " " + a.clause());
                h.element("td", people(p, a, t));
                h.close("tr");
            }
            h.close("tbody").close("table");
        }
        return page(v, t.get("nav.preview"), h);
    }

    private static void violations(
            Html h,
            View v,
            Evaluation.Preview p,
            String heading,
            String id,
            List<Violation> list,
            ViolationMessages texts) {
        if (list.isEmpty()) {
            return;
        }
        Texts t = v.t();
        h.element("h2", heading);
        h.open("table", "class", "violations", "id", id).open("thead").open("tr");
        for (String c : List.of("date", "rule", "subject", "people", "message")) {
            h.element("th", t.get("preview.col." + c), "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (Violation x : list) {
            h.open("tr");
            h.element("td", x.date() == null ? "" : x.date().toString());
            h.open("td")
                    .element("span", x.severity().name(), "class", severityBadge(x.severity()))
                    .text(" ")
                    .element("code", x.rule())
                    .close("td");
            h.element("td", x.subject());
            h.element("td", people(p, x, t));
            h.element("td", texts.message(x, v.locale()));
            h.close("tr");
        }
        h.close("tbody").close("table");
    }

    private static String people(Evaluation.Preview p, Violation v, Texts t) {
        List<String> names = new ArrayList<>();
        for (String id : v.responsible()) {
            names.add(person(p.staff(), v.site(), id, t));
        }
        return names.isEmpty() ? t.get("preview.nobody") : String.join(", ", names);
    }

    private static String person(Map<String, Map<String, Staff>> staff, String site, String id, Texts t) {
        if (id.isEmpty()) {
            return t.get("preview.nobody");
        }
        Staff s = staff.getOrDefault(site, Map.of()).get(id);
        return s == null || s.name() == null || s.name().isBlank() ? id : s.name() + " (" + id + ")";
    }

    private static ZoneId zone(View v, String site) {
        return v.info().zones().getOrDefault(site, ZoneId.of("UTC"));
    }

    private static String local(Instant instant, ZoneId zone) {
        return MessageArguments.text(instant, zone) + " " + zone.getId();
    }

    // ---------------------------------------------------------------- save

    static String save(View v) {
        Texts t = v.t();
        Html h = new Html();
        Evaluation e = v.e();
        if (!e.hasDraft()) {
            h.element("p", t.get("save.nothing"), "class", "hint", "id", "nothing-to-save");
            h.element("p", t.get("save.audit", RulesFolder.AUDIT), "class", "hint");
            return page(v, t.get("nav.save"), h);
        }
        h.element("p", t.get("save.intro", v.info().rules()));
        h.open("table", "class", "changes", "id", "changes").open("thead").open("tr");
        for (String c : List.of("file", "what", "before", "after")) {
            h.element("th", t.get("save.col." + c), "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (Edits.Change c : e.edits.changes()) {
            h.open("tr");
            h.open("td").element("code", c.file()).close("td");
            h.open("td").element("code", c.what()).close("td");
            h.element("td", c.before().isEmpty() ? "—" : c.before(), "class", "before");
            h.element("td", c.after().isEmpty() ? t.get("save.removed") : c.after(), "class", "after");
            h.close("tr");
        }
        h.close("tbody").close("table");
        List<RuleProblem> errors = e.editedErrors();
        long warnings = e.editedProblems.size() - errors.size();
        if (errors.isEmpty()) {
            h.element("p", t.get("save.valid", warnings), "class", "banner good", "id", "validation");
        } else {
            h.open("div", "class", "banner bad", "id", "validation");
            h.element("p", t.get("save.invalid", errors.size()));
            problemList(h, v, errors, 50);
            h.close("div");
        }
        if (warnings > 0) {
            h.open("details").element("summary", t.get("save.warnings", warnings));
            problemList(
                    h, v, e.editedProblems.stream().filter(p -> !p.isError()).toList(), 50);
            h.close("details");
        }
        h.open("form", "method", "post", "action", "/save", "class", "inline", "id", "save-form");
        hiddenToken(h, v);
        h.element("button", t.get("save.button"), "type", "submit", "id", "save", "class", "primary");
        h.close("form");
        h.open("form", "method", "post", "action", "/discard", "class", "inline", "id", "discard-form");
        hiddenToken(h, v);
        h.element("button", t.get("save.discard"), "type", "submit", "id", "discard");
        h.close("form");
        h.element("p", t.get("save.how", RulesFolder.AUDIT, v.info().user()), "class", "hint");
        return page(v, t.get("nav.save"), h);
    }

    // ---------------------------------------------------------------- errors

    static String message(View v, String title, String text, int status) {
        Html h = new Html();
        h.element("p", text, "class", status >= 500 ? "banner bad" : "hint");
        h.open("p")
                .element("a", v.t().get("nav.catalogue"), "href", "/catalogue")
                .close("p");
        return page(v, title, h);
    }
}
