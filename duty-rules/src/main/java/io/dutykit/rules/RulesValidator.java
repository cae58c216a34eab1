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
 * that do more than insert a {@code Finding}, {@code eval}, {@code function}, and {@code from} with a
 * method call.
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
            if (!file.origin().startsWith("classpath:") && !file.isDecisionTable()) {
                problems.addAll(trustWarnings(file.name(), new String(file.content(), StandardCharsets.UTF_8)));
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

    static List<RuleProblem> trustWarnings(String file, String text) {
        String code = withoutComments(text);
        List<RuleProblem> warnings = new ArrayList<>();
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
