package io.dutykit.console;

import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.CompanyMessages;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.Parameter;
import io.dutykit.core.procedure.ParameterFile;
import io.dutykit.core.procedure.ParameterType;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.RuleEntry;
import io.dutykit.rules.RuleLabels;
import io.dutykit.rules.RuleProblem;
import io.dutykit.rules.RuleSet;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP side (Javalin on Jetty): the pages, the form posts and what guards them. Every
 * request must name the console in its {@code Host} header; every post must come from the console's own
 * page and carry the session's token ({@link Guard}); every answer forbids scripts, frames and foreign
 * resources. A post changes the draft or the folder and redirects (post/redirect/get); its outcome
 * travels to the next page as a {@link Flash}.
 */
final class ConsoleServer {
    static final String CSRF_FIELD = "csrf";
    static final String NEW_WEIGHT_RULE = "new-weight-rule";
    static final String NEW_WEIGHT_VALUE = "new-weight-value";
    /** The hidden field beside a list of check boxes (a box left unchecked posts nothing). */
    static final String CODES_MARK = "codes.";

    private static final String LANG_COOKIE = "dutykit-console-lang";
    private static final int MAX_ROWS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final Console console;
    private final Locale defaultLocale;
    private final String user;
    private final Supplier<Pages.Info> info;
    private final AtomicReference<Guard> guard = new AtomicReference<>();
    private final Map<String, Flash> flashes =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Flash> eldest) {
                    return size() > 256;
                }
            });
    private String sessionCookie = "dutykit-console";

    ConsoleServer(Console console, Locale defaultLocale, String user, Supplier<Pages.Info> info) {
        this.console = console;
        this.defaultLocale = defaultLocale;
        this.user = user;
        this.info = info;
    }

    /** Starts listening; the guard is set as soon as the port is known. */
    Javalin start(String bind, int port, java.util.function.IntFunction<Set<String>> hostsForPort) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 1_000_000L;
            config.jetty.modifyServer(server -> server.setStopTimeout(2_000));
            config.routes.before(this::guard);
            config.routes.get("/", ctx -> ctx.redirect("/catalogue", HttpStatus.SEE_OTHER));
            config.routes.get("/console.css", this::css);
            config.routes.get("/catalogue", ctx -> html(ctx, "/catalogue", Pages::catalogue));
            config.routes.get("/parameters", ctx -> html(ctx, "/parameters", Pages::parameters));
            config.routes.get("/thresholds", ctx -> html(ctx, "/thresholds", Pages::thresholds));
            config.routes.get("/company-rules", ctx -> html(ctx, "/company-rules", Pages::companyRules));
            config.routes.get("/scenarios", ctx -> html(ctx, "/scenarios", Pages::scenarios));
            config.routes.get("/preview", ctx -> html(ctx, "/preview", Pages::preview));
            config.routes.get("/save", ctx -> html(ctx, "/save", Pages::save));
            config.routes.post("/parameters", this::postParameters);
            config.routes.post("/thresholds", this::postThresholds);
            config.routes.post("/company-rules", this::postCompanyRules);
            config.routes.post("/save", this::postSave);
            config.routes.post("/discard", this::postDiscard);
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("the console could not answer {} {}", ctx.method(), ctx.path(), e);
                String message =
                        e instanceof io.dutykit.core.DutyKitException || e instanceof java.io.UncheckedIOException
                                ? e.getMessage()
                                : texts(ctx).get("error.internal", e.getClass().getSimpleName());
                plain(ctx, 500, message);
            });
        });
        app.start(bind, port);
        sessionCookie = "dutykit-console-" + app.port();
        guard.set(new Guard(hostsForPort.apply(app.port())));
        return app;
    }

    // ---------------------------------------------------------------- what guards every request

    private void guard(Context ctx) {
        ctx.header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
                        + " base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // "no-referrer" would make the browser send "Origin: null" with the console's own forms
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        Guard g = guard.get();
        if (g == null) {
            refuse(ctx, 503, "the console is starting");
            return;
        }
        String host = ctx.header("Host");
        if (!g.hostAllowed(host)) {
            refuse(
                    ctx,
                    403,
                    "refused: the console answers to " + String.join(", ", new java.util.TreeSet<>(g.hosts()))
                            + ", not to Host " + host);
            return;
        }
        String method = ctx.req().getMethod();
        boolean reading = (method.equals("GET") || method.equals("HEAD"))
                && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD);
        String session = ctx.cookie(sessionCookie);
        if (reading) {
            if (session == null || session.length() > 64) {
                session = Guard.newSession();
                ctx.res()
                        .addHeader("Set-Cookie", sessionCookie + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
            }
            ctx.attribute("session", session);
            String lang = ctx.queryParam("lang");
            if (lang != null && (lang.equals("zh") || lang.equals("en"))) {
                ctx.res().addHeader("Set-Cookie", LANG_COOKIE + "=" + lang + "; Path=/; SameSite=Strict");
                ctx.redirect(ctx.path(), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
            }
            return;
        }
        String crossOrigin = g.crossOrigin(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), host);
        if (crossOrigin != null) {
            refuse(ctx, 403, "refused: the request does not come from the console's own page (" + crossOrigin + ")");
            return;
        }
        if (!g.tokenValid(session, ctx.formParam(CSRF_FIELD))) {
            refuse(
                    ctx,
                    403,
                    "refused: the form's token is missing or is not this browser session's;"
                            + " open the page again and repeat the change");
            return;
        }
        ctx.attribute("session", session);
    }

    private static void refuse(Context ctx, int status, String message) {
        plain(ctx, status, message);
        ctx.skipRemainingHandlers();
    }

    private static void plain(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
    }

    // ---------------------------------------------------------------- pages

    private void css(Context ctx) throws IOException {
        try (InputStream in = ConsoleServer.class.getResourceAsStream("console.css")) {
            if (in == null) {
                throw new IllegalStateException("console.css is missing beside " + ConsoleServer.class);
            }
            ctx.contentType("text/css; charset=utf-8").result(in.readAllBytes());
        }
    }

    private Texts texts(Context ctx) {
        String lang = ctx.cookie(LANG_COOKIE);
        return Texts.of(lang == null ? defaultLocale : Locale.forLanguageTag(lang.equals("zh") ? "zh-CN" : "en"));
    }

    private Pages.View view(Context ctx, String path) {
        String session = ctx.attribute("session");
        Flash flash = session == null ? null : flashes.remove(session);
        return new Pages.View(texts(ctx), guard.get().token(session), console.current(), flash, path, info.get());
    }

    private void html(Context ctx, String path, java.util.function.Function<Pages.View, String> page) {
        ctx.contentType("text/html; charset=utf-8").result(page.apply(view(ctx, path)));
    }

    private void flash(Context ctx, Flash flash) {
        String session = ctx.attribute("session");
        flashes.put(session, flash);
    }

    private void back(Context ctx, String path) {
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    /** The posted form without the token: what a refused form shows again. */
    private static Map<String, List<String>> posted(Context ctx) {
        Map<String, List<String>> form = new LinkedHashMap<>(ctx.formParamMap());
        form.remove(CSRF_FIELD);
        return form;
    }

    // ---------------------------------------------------------------- parameters

    private void postParameters(Context ctx) {
        Texts t = texts(ctx);
        Evaluation e = console.current();
        Draft draft = console.draft();
        ParameterValues saved = savedRuleSet(e).parameters().parameterValues();
        ParameterValues shown = e.shownRuleSet().parameters().parameterValues();
        Map<String, String> values = new LinkedHashMap<>(draft.parameters());
        Set<String> removed = new LinkedHashSet<>(draft.removedParameters());
        Map<String, List<String>> early = new LinkedHashMap<>();
        for (Parameter<?> p : Parameters.ALL) {
            String value;
            if (p.type() == ParameterType.CODE_LIST) {
                // the form marks each list of boxes: without the mark, the list is not part of the post
                if (ctx.formParam(CODES_MARK + p.key()) == null) {
                    continue;
                }
                List<String> ticked = new ArrayList<>(ctx.formParams(p.key()));
                if (!Pages.isCategoryList(p)) {
                    for (String typed : Optional.ofNullable(ctx.formParam(p.key() + Pages.OTHER_CODES))
                            .orElse("")
                            .split("[,\\s]+")) {
                        if (!typed.isBlank()) {
                            ticked.add(typed.strip());
                        }
                    }
                }
                value = codes(Optional.ofNullable(saved.text(p.key())).orElse(p.defaultText()), ticked);
            } else {
                value = ctx.formParam(p.key());
                if (value == null) {
                    continue;
                }
                value = value.strip();
            }
            change(
                    values,
                    removed,
                    p.key(),
                    value,
                    Optional.ofNullable(saved.text(p.key())).orElse(p.defaultText()),
                    false);
        }
        Set<String> weights = new LinkedHashSet<>(saved.ruleWeights().keySet());
        weights.addAll(shown.ruleWeights().keySet());
        for (String rule : weights) {
            String key = Parameters.RULE_WEIGHT_PREFIX + rule;
            String value = ctx.formParam(key);
            if (value != null) {
                change(
                        values,
                        removed,
                        key,
                        value.strip(),
                        saved.entry(key).map(ParameterFile.Entry::value).orElse(null),
                        true);
            }
        }
        String newRule =
                Optional.ofNullable(ctx.formParam(NEW_WEIGHT_RULE)).orElse("").strip();
        String newValue =
                Optional.ofNullable(ctx.formParam(NEW_WEIGHT_VALUE)).orElse("").strip();
        String newKey = null;
        if (!newRule.isEmpty()) {
            if (e.shownRules() == null || !e.shownRules().catalogue().contains(newRule)) {
                early.put(NEW_WEIGHT_VALUE, List.of(t.get("parameters.ruleWeights.unknown", newRule)));
            } else if (newValue.isEmpty()) {
                early.put(NEW_WEIGHT_VALUE, List.of(t.get("parameters.ruleWeights.empty", newRule)));
            } else {
                newKey = Parameters.RULE_WEIGHT_PREFIX + newRule;
                values.put(newKey, newValue);
                removed.remove(newKey);
            }
        } else if (!newValue.isEmpty()) {
            early.put(NEW_WEIGHT_VALUE, List.of(t.get("parameters.ruleWeights.noRule")));
        }
        Set<String> own = new LinkedHashSet<>(Pages.companyKeys(saved));
        own.addAll(Pages.companyKeys(shown));
        for (String key : own) {
            String value = ctx.formParam(key);
            if (value != null) {
                change(values, removed, key, value.strip(), saved.text(key), false);
            }
        }
        if (!early.isEmpty()) {
            flash(ctx, Flash.refused("parameters", posted(ctx), early, List.of(), t.get("form.refused")));
            back(ctx, "/parameters");
            return;
        }
        Console.Outcome outcome = console.propose(draft.withParameters(values, removed));
        String renamed = newKey;
        finish(ctx, t, "parameters", "/parameters", outcome, field -> field.equals(renamed) ? NEW_WEIGHT_VALUE : field);
    }

    /**
     * The codes ticked, as the file would list them: in the saved order, new ones after; the saved text
     * itself when the same codes are ticked (the boxes' order is no change).
     */
    private static String codes(String saved, List<String> ticked) {
        Set<String> chosen =
                new LinkedHashSet<>(ticked.stream().map(String::strip).toList());
        Set<String> before = new LinkedHashSet<>();
        for (String code : saved.split(",")) {
            if (!code.isBlank()) {
                before.add(code.strip());
            }
        }
        Set<String> ordered = new LinkedHashSet<>(before);
        ordered.retainAll(chosen);
        ordered.addAll(chosen);
        return ordered.equals(before) ? saved : String.join(",", ordered);
    }

    /**
     * Keeps a posted value in the draft when it differs from the saved one, and forgets it when it is the
     * saved one again; for a rule's own weight an empty value takes the weight away.
     */
    private static void change(
            Map<String, String> values,
            Set<String> removed,
            String key,
            String value,
            String saved,
            boolean removable) {
        if (removable && value.isEmpty()) {
            values.remove(key);
            if (saved != null) {
                removed.add(key);
            } else {
                removed.remove(key);
            }
            return;
        }
        removed.remove(key);
        if (value.equals(saved)) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    private static RuleSet savedRuleSet(Evaluation e) {
        return e.saved.ruleSet() != null ? e.saved.ruleSet() : RuleSet.defaults();
    }

    /** Redirects with the outcome: a notice when kept; the posted values and each problem beside its field when refused. */
    private void finish(
            Context ctx,
            Texts t,
            String form,
            String path,
            Console.Outcome outcome,
            java.util.function.UnaryOperator<String> fieldName) {
        if (outcome.kept()) {
            flash(ctx, Flash.notice(t.get("form.kept"), true));
            back(ctx, path);
            return;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        outcome.byField().forEach((field, problems) -> errors.computeIfAbsent(
                        fieldName.apply(field), f -> new ArrayList<>())
                .addAll(problems.stream().map(p -> p.message(t.locale())).toList()));
        List<String> general =
                outcome.others().stream().map(p -> p.toString(t.locale())).toList();
        flash(ctx, Flash.refused(form, posted(ctx), errors, general, t.get("form.refused")));
        back(ctx, path);
    }

    // ---------------------------------------------------------------- thresholds

    private void postThresholds(Context ctx) {
        Texts t = texts(ctx);
        int count;
        try {
            count = Integer.parseInt(Optional.ofNullable(ctx.formParam("rows")).orElse("-1"));
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0 || count > MAX_ROWS) {
            plain(ctx, 400, t.get("thresholds.badForm"));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (ctx.formParam("remove." + i) == null) {
                rows.add(cells(ctx, Integer.toString(i)));
            }
        }
        String newCategory =
                Optional.ofNullable(ctx.formParam("category.new")).orElse("").strip();
        if (!newCategory.isEmpty()) {
            rows.add(cells(ctx, "new"));
        }
        // the rows as the form will show them again if refused: removed rows gone, a new row in the table
        Map<String, List<String>> shown = new LinkedHashMap<>();
        shown.put("rows", List.of(Integer.toString(rows.size())));
        String[] names = {"category", "severity", "supervisor", "manager", "resolution"};
        for (int k = 0; k < rows.size(); k++) {
            for (int c = 0; c < names.length; c++) {
                shown.put(names[c] + "." + k, List.of(rows.get(k).get(c)));
            }
        }
        List<IncidentThresholdTable.Row> table = new ArrayList<>();
        table.add(new IncidentThresholdTable.Row(1, IncidentThresholdTable.COLUMNS));
        for (int k = 0; k < rows.size(); k++) {
            table.add(new IncidentThresholdTable.Row(k + 2, rows.get(k)));
        }
        IncidentThresholdTable.Reading reading = IncidentThresholdTable.read(table, IncidentThresholdTable.CSV_NAME);
        if (!reading.ok()) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            reading.problems().stream().filter(p -> p.isError()).forEach(p -> {
                if (p.line() >= 2) {
                    errors.computeIfAbsent(Edits.rowField(p.line() - 2), f -> new ArrayList<>())
                            .add(p.what(t.locale()));
                } else {
                    general.add(p.what(t.locale()));
                }
            });
            flash(ctx, Flash.refused("thresholds", shown, errors, general, t.get("form.refused")));
            back(ctx, "/thresholds");
            return;
        }
        Evaluation e = console.current();
        Draft draft = console.draft();
        IncidentThresholdTable saved = savedRuleSet(e).thresholds();
        List<IncidentThresholdTable.Threshold> edited = reading.table().rows();
        Draft candidate = edited.equals(saved.rows())
                ? draft.withThresholds(null, null)
                : draft.withThresholds(edited, draft.thresholdBase() != null ? draft.thresholdBase() : saved);
        Console.Outcome outcome = console.propose(candidate);
        if (outcome.kept()) {
            finish(ctx, t, "thresholds", "/thresholds", outcome, f -> f);
            return;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        outcome.byField().forEach((field, problems) -> errors.computeIfAbsent(field, f -> new ArrayList<>())
                .addAll(problems.stream().map(p -> p.message(t.locale())).toList()));
        List<String> general =
                outcome.others().stream().map(p -> p.toString(t.locale())).toList();
        flash(ctx, Flash.refused("thresholds", shown, errors, general, t.get("form.refused")));
        back(ctx, "/thresholds");
    }

    private static List<String> cells(Context ctx, String index) {
        List<String> cells = new ArrayList<>();
        for (String name : List.of("category", "severity", "supervisor", "manager", "resolution")) {
            cells.add(Optional.ofNullable(ctx.formParam(name + "." + index))
                    .orElse("")
                    .strip());
        }
        return cells;
    }

    // ---------------------------------------------------------------- company rules

    private void postCompanyRules(Context ctx) {
        Texts t = texts(ctx);
        Evaluation e = console.current();
        String rule = Optional.ofNullable(ctx.formParam("rule")).orElse("");
        Optional<RuleEntry> entry = e.shownRules() == null
                ? Optional.empty()
                : e.shownRules().catalogue().find(rule);
        if (entry.isEmpty() || entry.get().origin() == RuleEntry.Origin.DEFAULT) {
            plain(ctx, 404, t.get("company.unknown", rule));
            return;
        }
        Draft draft = console.draft();
        RuleSet saved = savedRuleSet(e);
        Map<String, String> en = new LinkedHashMap<>(draft.english());
        Map<String, String> zh = new LinkedHashMap<>(draft.chinese());
        for (String suffix : List.of(".title", "", ".description")) {
            String key = rule + suffix;
            for (String file : List.of(CompanyMessages.FILE, CompanyMessages.FILE_ZH)) {
                String value = ctx.formParam(Edits.messageField(file, key));
                if (value == null) {
                    continue;
                }
                ParameterFile source = file.equals(CompanyMessages.FILE)
                        ? saved.messages().english()
                        : saved.messages().chinese();
                String before =
                        source.entry(key).map(ParameterFile.Entry::value).orElse("");
                Map<String, String> map = file.equals(CompanyMessages.FILE) ? en : zh;
                // a text is one line in the file: line breaks typed into the box become spaces
                String text = value.replaceAll("[\\r\\n]+", " ").strip();
                if (text.equals(before)) {
                    map.remove(key);
                } else {
                    map.put(key, text);
                }
            }
        }
        Map<String, ViolationSeverity> severities = new LinkedHashMap<>(draft.severities());
        String file = e.ruleFiles.get(rule);
        String severityField = Edits.severityField(rule);
        String posted = ctx.formParam(severityField);
        if (file != null && posted != null) {
            if (!posted.equals("ERROR") && !posted.equals("WARNING")) {
                flash(
                        ctx,
                        Flash.refused(
                                rule,
                                posted(ctx),
                                Map.of(severityField, List.of(t.get("company.badSeverity", posted))),
                                List.of(),
                                t.get("form.refused")));
                back(ctx, "/company-rules#" + rule);
                return;
            }
            String before = console.folder()
                    .text(file)
                    .flatMap(drl -> RuleLabels.severity(drl, rule))
                    .orElse("");
            if (posted.equals(before)) {
                severities.remove(rule);
            } else {
                severities.put(rule, ViolationSeverity.valueOf(posted));
            }
        }
        Console.Outcome outcome = console.propose(draft.withMessages(en, zh).withSeverities(severities));
        if (!outcome.kept() && file != null) {
            // a problem the severity label brings to the rule's file is the severity field's
            Map<String, List<RuleProblem>> byField = new LinkedHashMap<>(outcome.byField());
            List<RuleProblem> others = new ArrayList<>();
            for (RuleProblem p : outcome.others()) {
                if (p.file().equals(file)) {
                    byField.computeIfAbsent(severityField, f -> new ArrayList<>())
                            .add(p);
                } else {
                    others.add(p);
                }
            }
            outcome = new Console.Outcome(false, byField, others);
        }
        finish(ctx, t, rule, "/company-rules#" + rule, outcome, f -> f);
    }

    // ---------------------------------------------------------------- save and discard

    private void postSave(Context ctx) {
        Texts t = texts(ctx);
        Console.SaveOutcome outcome = console.save(user);
        if (outcome.saved()) {
            Set<String> files = new java.util.TreeSet<>();
            outcome.changes().forEach(c -> files.add(c.file()));
            flash(
                    ctx,
                    Flash.notice(
                            t.get(
                                    "save.done",
                                    String.join(", ", files),
                                    outcome.changes().size(),
                                    RulesFolder.AUDIT),
                            true));
        } else if (outcome.conflict() != null) {
            flash(ctx, Flash.notice(t.get("save.conflict"), false));
        } else if (!outcome.errors().isEmpty()) {
            flash(
                    ctx,
                    Flash.refused(
                            "save",
                            Map.of(),
                            Map.of(),
                            outcome.errors().stream()
                                    .map(p -> p.toString(t.locale()))
                                    .toList(),
                            t.get("save.refused", outcome.errors().size())));
        } else {
            flash(ctx, Flash.notice(t.get("save.nothing"), true));
        }
        back(ctx, "/save");
    }

    private void postDiscard(Context ctx) {
        console.discard();
        flash(ctx, Flash.notice(texts(ctx).get("save.discarded"), true));
        back(ctx, "/save");
    }
}
