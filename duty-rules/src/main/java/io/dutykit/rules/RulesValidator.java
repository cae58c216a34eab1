package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
    private static final Pattern THEN_END = Pattern.compile("(?s)\\bthen\\b(.*?)(?m:^\\s*end\\b)");
    private static final Pattern INSERT_FINDING =
            Pattern.compile("(?s)^(insert|insertLogical)\\s*\\(\\s*(new\\s+)?Finding\\s*[.(].*\\)$");
    private static final Pattern EVAL = Pattern.compile("\\beval\\s*\\(");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^[ \\t]*function\\b");
    private static final Pattern FROM_CALL =
            Pattern.compile("\\bfrom\\s+(?!accumulate\\b|collect\\b|entry-point\\b)[^\\n;]*\\(");

    /** Java that a rule should never need: each found anywhere in a rule file is a problem. */
    private record Risk(Pattern pattern, RuleProblem.Level level, String kind) {}

    private static final List<Risk> RISKS = List.of(
            new Risk(
                    Pattern.compile(
                            "\\bSystem\\s*\\.\\s*exit\\s*\\(|\\bRuntime\\b[\\w\\s.()]*?\\.\\s*(exit|halt)\\s*\\("
                                    + "|\\bimport\\s+function\\s+java\\s*\\.\\s*lang\\s*\\.\\s*(System|Runtime)\\b"),
                    RuleProblem.Level.ERROR,
                    "TRUST_EXIT"),
            new Risk(
                    Pattern.compile(
                            "\\bjava\\s*\\.\\s*(io|nio|net)\\s*\\.|\\b(Files|Paths|FileInputStream|FileOutputStream"
                                    + "|FileReader|FileWriter|RandomAccessFile|PrintStream|PrintWriter|Socket|ServerSocket"
                                    + "|DatagramSocket|HttpClient|HttpURLConnection|URLConnection)\\b|\\bnew\\s+(File|URL)\\s*\\("
                                    + "|\\bSystem\\s*\\.\\s*(out|err|in|console|getenv|setProperty|getProperty|clearProperty"
                                    + "|setOut|setErr|setIn|load|loadLibrary)\\b|\\bProcessBuilder\\b|\\bRuntime\\b"),
                    RuleProblem.Level.WARNING,
                    "TRUST_IO"),
            new Risk(
                    Pattern.compile("\\b(Thread|Executors?|ExecutorService|CompletableFuture|ForkJoinPool|Timer"
                            + "|TimeUnit|LockSupport|CountDownLatch|Semaphore)\\b|\\bsynchronized\\b"
                            + "|\\.\\s*(wait|notify|notifyAll|sleep)\\s*\\("),
                    RuleProblem.Level.WARNING,
                    "TRUST_THREADS"),
            new Risk(Pattern.compile("\\b(while|for)\\s*\\(|\\bdo\\s*\\{"), RuleProblem.Level.WARNING, "TRUST_LOOP"),
            new Risk(
                    Pattern.compile(
                            "\\bClass\\s*\\.\\s*forName\\b|\\.\\s*(getClass|getDeclared\\w*|getMethods?|getFields?"
                                    + "|getConstructors?|setAccessible|invoke|newInstance)\\s*\\(|\\bjava\\s*\\.\\s*lang\\s*\\."
                                    + "\\s*(reflect|invoke)\\b|\\b(MethodHandles?|ClassLoader|Unsafe|ScriptEngine\\w*)\\b"),
                    RuleProblem.Level.WARNING,
                    "TRUST_REFLECTION"),
            new Risk(
                    Pattern.compile("\\bkcontext\\b|\\bdrools\\s*\\.\\s*(?!getRule\\b)\\w+"),
                    RuleProblem.Level.WARNING,
                    "TRUST_ENGINE"),
            new Risk(Pattern.compile("\\\\u+[0-9a-fA-F]{4}"), RuleProblem.Level.WARNING, "TRUST_ESCAPE"));

    private RulesValidator() {}

    /**
     * Every problem of the folder (SPEC sections 6 and 6.1), errors first; empty when it is clean.
     *
     * @throws RulesException never: a folder that cannot be read is reported as a problem
     */
    public static List<RuleProblem> validate(Path dir) {
        return validate(dir, List.of());
    }

    /**
     * Every problem of the folder, errors first: the files' (names, parameters, threshold table — see
     * {@link RuleSet#read}), the rules engine's, the rules' labels and ids and the company's messages
     * ({@link DroolsProcedureRules#of} refuses the same errors), what a reviewer should look at (a rules
     * folder is code), and categories or items that no default and no record of {@code data} names.
     *
     * @param data records whose incident categories and inventory items count as known (may be empty)
     */
    public static List<RuleProblem> validate(Path dir, Collection<SiteRecords> data) {
        RuleSet.Reading reading = RuleSet.read(dir);
        List<RuleProblem> problems = new ArrayList<>(reading.problems());
        RuleSet rules = reading.ruleSet();
        if (rules == null) {
            return sorted(problems);
        }
        RuleCompiler.Compiled compiled = RuleCompiler.compile(rules, RuleCompiler.Engine.MVEL);
        problems.addAll(compiled.problems());
        problems.addAll(FolderChecks.declarations(rules));
        if (compiled.ok()) {
            problems.addAll(FolderChecks.messages(rules, DroolsProcedureRules.catalogue(compiled.kieBase(), rules)));
        }
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            if (!file.isCompanyFile()) {
                continue;
            }
            String shown = rules.displayName(file);
            if (!file.isDecisionTable()) {
                problems.addAll(trustWarnings(shown, new String(file.content(), StandardCharsets.UTF_8)));
                continue;
            }
            try {
                problems.addAll(decisionTableWarnings(shown, RuleSources.drl(file)));
            } catch (RulesException e) {
                // already reported by RuleSet.read
            }
        }
        problems.addAll(FolderChecks.codes(rules, data));
        return sorted(problems);
    }

    private static List<RuleProblem> sorted(List<RuleProblem> problems) {
        List<RuleProblem> list = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
        list.sort(Comparator.comparing(RuleProblem::level)
                .thenComparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        return list;
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
            problems.add(
                    row > 0 ? p.framed(row, "IN_DECISION_TABLE", row) : p.framed(0, "IN_DECISION_TABLE_HEADER", null));
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
                    warnings.add(
                            RuleProblem.of(risk.level(), file, line, 0, risk.kind(), null, abbreviate(found.group())));
                }
            }
            if (risk.level() == RuleProblem.Level.ERROR) {
                errorLines.addAll(lines);
            }
        }
        Matcher m = EVAL.matcher(code);
        while (m.find()) {
            warnings.add(warning(file, code, m.start(), "TRUST_EVAL", null));
        }
        m = FUNCTION.matcher(code);
        while (m.find()) {
            warnings.add(warning(file, code, m.start(), "TRUST_FUNCTION", null));
        }
        m = FROM_CALL.matcher(code);
        while (m.find()) {
            warnings.add(warning(file, code, m.start(), "TRUST_FROM_CALL", null));
        }
        m = THEN_END.matcher(code);
        while (m.find()) {
            String consequence = m.group(1);
            int offset = m.start(1);
            int index = 0;
            for (String statement : consequence.split(";")) {
                String st = statement.strip();
                int at = offset
                        + index
                        + (statement.length() - statement.stripLeading().length());
                index += statement.length() + 1;
                if (st.isEmpty() || INSERT_FINDING.matcher(st).matches()) {
                    continue;
                }
                warnings.add(warning(file, code, at, "TRUST_ACTION", abbreviate(st)));
            }
        }
        return warnings;
    }

    private static RuleProblem warning(String file, String code, int offset, String kind, String argument) {
        return RuleProblem.of(RuleProblem.Level.WARNING, file, line(code, offset), 0, kind, null, argument);
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
