package io.dutykit.rules;

import io.dutykit.core.procedure.ProcedureProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a company's rules folder before it is used (SPEC section 6): compiles it together with the
 * defaults and returns every problem with file, line and what to do. A rules folder is trusted code
 * (DRL can call Java), so it also warns about what a reviewer should look at closely: consequences
 * that do more than insert a {@code Finding}, {@code eval}, {@code function}, {@code from} with a
 * method call, and — anywhere in a rule, conditions and {@code Finding} arguments included — I/O,
 * threads and waiting, loops, reflection and reaching into the engine. A call that ends the process
 * ({@code System.exit}, {@code Runtime.halt}) is an error. Decision tables ({@code .drl.csv}, {@code
 * .drl.xlsx}) are compiled to DRL by Drools' decision-table compiler and that DRL is inspected; their
 * problems name the spreadsheet row. This is a reviewer's aid, not a sandbox: Java can always hide what
 * it calls from a text scan, which is why a rules folder is reviewed like code.
 */
public final class RulesValidator {
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s+(\"[^\"]*\"|\\S+)");
    private static final Pattern THEN_END = Pattern.compile("(?s)\\bthen\\b(.*?)(?m:^\\s*end\\b)");
    private static final Pattern INSERT_FINDING =
            Pattern.compile("(?s)^(insert|insertLogical)\\s*\\(\\s*(new\\s+)?Finding\\s*[.(].*\\)$");
    private static final Pattern EVAL = Pattern.compile("\\beval\\s*\\(");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^[ \\t]*function\\b");
    private static final Pattern FROM_CALL =
            Pattern.compile("\\bfrom\\s+(?!accumulate\\b|collect\\b|entry-point\\b)[^\\n;]*\\(");

    /** Java that a rule should never need: each found anywhere in a rule file is a problem. */
    private record Risk(Pattern pattern, RuleProblem.Level level, String what) {}

    private static final List<Risk> RISKS = List.of(
            new Risk(
                    Pattern.compile(
                            "\\bSystem\\s*\\.\\s*exit\\s*\\(|\\bRuntime\\b[\\w\\s.()]*?\\.\\s*(exit|halt)\\s*\\("
                                    + "|\\bimport\\s+function\\s+java\\s*\\.\\s*lang\\s*\\.\\s*(System|Runtime)\\b"),
                    RuleProblem.Level.ERROR,
                    "ends the Java process (System.exit, Runtime.exit or halt): a check would stop at once with an"
                            + " exit code of the rule's choosing, which can pass a CI gate; a rule must only report"
                            + " violations — remove it"),
            new Risk(
                    Pattern.compile(
                            "\\bjava\\s*\\.\\s*(io|nio|net)\\s*\\.|\\b(Files|Paths|FileInputStream|FileOutputStream"
                                    + "|FileReader|FileWriter|RandomAccessFile|PrintStream|PrintWriter|Socket|ServerSocket"
                                    + "|DatagramSocket|HttpClient|HttpURLConnection|URLConnection)\\b|\\bnew\\s+(File|URL)\\s*\\("
                                    + "|\\bSystem\\s*\\.\\s*(out|err|in|console|getenv|setProperty|getProperty|clearProperty"
                                    + "|setOut|setErr|setIn|load|loadLibrary)\\b|\\bProcessBuilder\\b|\\bRuntime\\b"),
                    RuleProblem.Level.WARNING,
                    "reads or writes outside the rules (files, network, console, environment, processes): a rule"
                            + " should only read the facts; review it like a code change"),
            new Risk(
                    Pattern.compile("\\b(Thread|Executors?|ExecutorService|CompletableFuture|ForkJoinPool|Timer"
                            + "|TimeUnit|LockSupport|CountDownLatch|Semaphore)\\b|\\bsynchronized\\b"
                            + "|\\.\\s*(wait|notify|notifyAll|sleep)\\s*\\("),
                    RuleProblem.Level.WARNING,
                    "uses threads or waits: a rule that waits or starts work can hang or outlive the check (a"
                            + " check stops rules that run longer than --rule-timeout); review it like a code change"),
            new Risk(
                    Pattern.compile("\\b(while|for)\\s*\\(|\\bdo\\s*\\{"),
                    RuleProblem.Level.WARNING,
                    "loops: a loop that does not end hangs the check until --rule-timeout stops it; a rule"
                            + " should match facts rather than loop over them"),
            new Risk(
                    Pattern.compile(
                            "\\bClass\\s*\\.\\s*forName\\b|\\.\\s*(getClass|getDeclared\\w*|getMethods?|getFields?"
                                    + "|getConstructors?|setAccessible|invoke|newInstance)\\s*\\(|\\bjava\\s*\\.\\s*lang\\s*\\."
                                    + "\\s*(reflect|invoke)\\b|\\b(MethodHandles?|ClassLoader|Unsafe|ScriptEngine\\w*)\\b"),
                    RuleProblem.Level.WARNING,
                    "uses reflection or class loading, which can reach any code while hiding what it calls; review"
                            + " it like a code change"),
            new Risk(
                    Pattern.compile("\\bkcontext\\b|\\bdrools\\s*\\.\\s*(?!getRule\\b)\\w+"),
                    RuleProblem.Level.WARNING,
                    "reaches into the rules engine (drools.…, kcontext) beyond drools.getRule(): it can change"
                            + " what other rules see or stop them; review it like a code change"),
            new Risk(
                    Pattern.compile("\\\\u+[0-9a-fA-F]{4}"),
                    RuleProblem.Level.WARNING,
                    "writes a \\\\u escape outside a string: Java reads it as the character it encodes, so it can"
                            + " hide what the rule calls; write the character itself"));

    private RulesValidator() {}

    /**
     * Every problem of the folder, errors first; empty when it compiles cleanly.
     *
     * @throws RulesException never: a folder that cannot be read is reported as a problem
     */
    public static List<RuleProblem> validate(Path dir) {
        List<RuleProblem> problems = new ArrayList<>();
        RuleSet rules;
        try {
            rules = RuleSet.withFolder(dir);
        } catch (RulesException e) {
            problems.add(new RuleProblem(RuleProblem.Level.ERROR, dir.toString(), 0, e.getMessage()));
            return problems;
        }
        problems.addAll(RuleCompiler.compile(rules, RuleCompiler.Engine.MVEL).problems());
        // the parameters file and the threshold table: what is not an error yet (an unknown key) is a warning
        for (ProcedureProblem p : rules.warnings()) {
            problems.add(new RuleProblem(
                    RuleProblem.Level.WARNING,
                    Path.of(p.source()).getFileName().toString(),
                    p.line(),
                    p.what(Locale.ENGLISH)));
        }
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            if (file.origin().startsWith("classpath:")) {
                continue;
            }
            if (!file.isDecisionTable()) {
                problems.addAll(trustWarnings(file.name(), new String(file.content(), StandardCharsets.UTF_8)));
                continue;
            }
            try {
                problems.addAll(decisionTableWarnings(file.name(), RuleSources.drl(file)));
            } catch (RulesException e) {
                problems.add(new RuleProblem(RuleProblem.Level.ERROR, file.name(), 0, e.getMessage()));
            }
        }
        problems.sort(Comparator.comparing(RuleProblem::level)
                .thenComparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line));
        return problems;
    }

    /** True when none of the problems is an error. */
    public static boolean isValid(List<RuleProblem> problems) {
        return problems.stream().noneMatch(p -> p.level() == RuleProblem.Level.ERROR);
    }

    /**
     * The problems of the DRL a decision table compiles to, each naming the spreadsheet row of the rule
     * it is in (0 for the table's header: imports, functions, variables).
     */
    static List<RuleProblem> decisionTableWarnings(String file, String drl) {
        int[] rows = RuleSources.spreadsheetRows(drl);
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleProblem p : trustWarnings(file, drl)) {
            int row = p.line() > 0 && p.line() < rows.length ? rows[p.line()] : 0;
            problems.add(new RuleProblem(
                    p.level(),
                    p.file(),
                    row,
                    "(in the DRL this decision table compiles to" + (row > 0 ? ", from row " + row : "") + ") "
                            + p.message()));
        }
        return problems;
    }

    static List<RuleProblem> trustWarnings(String file, String text) {
        String code = withoutComments(text);
        List<RuleProblem> warnings = new ArrayList<>();
        java.util.Set<Integer> errorLines = new java.util.HashSet<>();
        for (Risk risk : RISKS) {
            Matcher found = risk.pattern().matcher(code);
            java.util.Set<Integer> lines = new java.util.HashSet<>();
            while (found.find()) {
                int line = line(code, found.start());
                // one problem of a kind per line, however often the line repeats it; an error says enough
                if (lines.add(line) && !errorLines.contains(line)) {
                    warnings.add(new RuleProblem(
                            risk.level(), file, line, risk.what() + " (" + abbreviate(found.group()) + ")"));
                }
            }
            if (risk.level() == RuleProblem.Level.ERROR) {
                errorLines.addAll(lines);
            }
        }
        Matcher m = EVAL.matcher(code);
        while (m.find()) {
            warnings.add(warning(
                    file,
                    code,
                    m.start(),
                    "uses eval(...), which runs arbitrary code in a condition and"
                            + " defeats the engine's indexing; write the test as a field constraint if you can, and review it"
                            + " like a code change"));
        }
        m = FUNCTION.matcher(code);
        while (m.find()) {
            warnings.add(warning(
                    file,
                    code,
                    m.start(),
                    "declares a function, which is Java code inside the rules;" + " review it like a code change"));
        }
        m = FROM_CALL.matcher(code);
        while (m.find()) {
            warnings.add(warning(
                    file,
                    code,
                    m.start(),
                    "uses 'from' with a method call, which runs Java code while"
                            + " matching; review it like a code change"));
        }
        Matcher rule = RULE.matcher(code);
        while (rule.find()) {
            int when = code.indexOf("when", rule.end());
            String header = code.substring(rule.end(), when < 0 ? code.length() : when);
            if (!header.contains("@id(")) {
                String name = text.substring(rule.start(1), rule.end(1));
                warnings.add(warning(
                        file,
                        code,
                        rule.start(1),
                        "rule " + name + " has no @id(...):"
                                + " its violations are reported under the rule's name; give it a stable id, a @clause and a"
                                + " @severity"));
            }
        }
        m = THEN_END.matcher(code);
        while (m.find()) {
            String consequence = m.group(1);
            int offset = m.start(1);
            int index = 0;
            for (String statement : consequence.split(";")) {
                String s = statement.strip();
                int at = offset
                        + index
                        + (statement.length() - statement.stripLeading().length());
                index += statement.length() + 1;
                if (s.isEmpty() || INSERT_FINDING.matcher(s).matches()) {
                    continue;
                }
                warnings.add(warning(
                        file,
                        code,
                        at,
                        "the action after 'then' does more than insert a Finding ("
                                + abbreviate(s) + "); a rule should only report a violation. Rules that change facts,"
                                + " print or call other code can change every result; review it like a code change"));
            }
        }
        return warnings;
    }

    private static RuleProblem warning(String file, String code, int offset, String message) {
        return new RuleProblem(RuleProblem.Level.WARNING, file, line(code, offset), message);
    }

    private static int line(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String abbreviate(String statement) {
        String s = statement.replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** Blanks out comments and string contents, keeping line breaks so line numbers stay right. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                while (i < text.length()
                        && !(text.charAt(i) == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                out.append("  ");
                i += 2;
            } else if (c == '"') {
                out.append('"');
                i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    out.append(text.charAt(i) == '\\' ? ' ' : 'x');
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        out.append(' ');
                        i++;
                    }
                    i++;
                }
                if (i < text.length()) {
                    out.append(text.charAt(i));
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
