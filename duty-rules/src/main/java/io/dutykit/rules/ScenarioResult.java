package io.dutykit.rules;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of one rule scenario: passed, failed (violations missing or extra), or could not run
 * (a malformed file, an invalid dataset, an expectation naming a rule that does not exist — {@link
 * #problem}, with file, line and column).
 *
 * @param file the scenario file, relative to the scenario folder
 * @param missing expected violations that were not found, as {@code RULE subject} (with {@code
 *     (ERROR)} when the expectation names a severity)
 * @param extra violations found that were not expected, as {@code RULE subject}
 * @param problem why the scenario could not run, or null
 * @param actual every violation found, as {@code RULE subject}, in order (empty when it could not run)
 */
public record ScenarioResult(
        String file, String name, List<String> missing, List<String> extra, RuleProblem problem, List<String> actual) {
    public ScenarioResult {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        actual = List.copyOf(actual);
    }

    public boolean passed() {
        return problem == null && missing.isEmpty() && extra.isEmpty();
    }

    /** True when the scenario ran and found other violations than it expects. */
    public boolean failed() {
        return problem == null && !passed();
    }

    /** True when the scenario could not run (bad input: {@code duty rules test} exits 2). */
    public boolean couldNotRun() {
        return problem != null;
    }

    /** Why the scenario could not run, in English, or null. */
    public String error() {
        return problem == null ? null : problem.message();
    }

    /** The ids of the rules that fired, in order, each once. */
    public List<String> firedRules() {
        return actual.stream()
                .map(a -> a.substring(0, a.indexOf(' ')))
                .distinct()
                .toList();
    }

    /** One line in English (see {@link #line(Locale)}). */
    public String line() {
        return line(Locale.ENGLISH);
    }

    /**
     * One line for a console: {@code PASS file — name}, {@code FAIL file — name: missing […]; extra […]}
     * or {@code ERROR file:line:column — what is wrong}; in Chinese for a {@code zh} locale.
     */
    public String line(Locale locale) {
        boolean zh = "zh".equals(locale.getLanguage());
        if (passed()) {
            return (zh ? "通过 " : "PASS ") + file + " — " + name;
        }
        if (problem != null) {
            String where = problem.file()
                    + (problem.line() > 0 ? ":" + problem.line() : "")
                    + (problem.line() > 0 && problem.column() > 0 ? ":" + problem.column() : "");
            String scenario =
                    problem.file().equals(file) ? "" : (zh ? "（场景 " : " (scenario ") + file + (zh ? "）" : ")");
            return (zh ? "无法运行 " : "ERROR ") + where + " — " + problem.message(locale) + scenario;
        }
        StringBuilder b = new StringBuilder((zh ? "失败 " : "FAIL ") + file + " — " + name + (zh ? "：" : ":"));
        if (!missing.isEmpty()) {
            b.append(zh ? " 缺少 " : " missing ").append(missing);
        }
        if (!extra.isEmpty()) {
            b.append(missing.isEmpty() ? "" : (zh ? "；" : ";"))
                    .append(zh ? " 多出 " : " extra ")
                    .append(extra);
        }
        return b.toString();
    }
}
