package io.dutykit.rules;

import io.dutykit.core.DutyKitException;
import java.time.Duration;

/**
 * The rules ran longer than the time limit set with {@link DroolsProcedureRules#withTimeout}: a rule
 * that loops or waits (a rules folder is code). Names the rule file — and the rule or function — that
 * was running when the limit was reached, where the engine's stack shows it.
 */
public final class RuleTimeoutException extends DutyKitException {
    private static final long serialVersionUID = 1L;

    private final String site;
    private final Duration timeout;
    private final String ruleFile;
    private final String rule;

    RuleTimeoutException(String site, Duration timeout, String ruleFile, String rule) {
        super(message(site, timeout, ruleFile, rule));
        this.site = site;
        this.timeout = timeout;
        this.ruleFile = ruleFile;
        this.rule = rule;
    }

    private static String message(String site, Duration timeout, String ruleFile, String rule) {
        String running = ruleFile == null
                ? "the engine was inside a condition that does not say which rule it belongs to; look for loops,"
                        + " waits and slow calls in the company's rule files (duty rules validate DIR warns about them)"
                : rule + " in " + ruleFile + " was still running: a loop that does not end, or a wait";
        return "the rules ran longer than the rule timeout of " + seconds(timeout) + " on site " + site + ": " + running
                + ". Fix the rule; if the data really needs longer, raise --rule-timeout";
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** The site whose evaluation was stopped. */
    public String site() {
        return site;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The file of the rule that was running (e.g. {@code company.drl}, {@code prices.drl.csv}), or null. */
    public String ruleFile() {
        return ruleFile;
    }

    /** What was running in that file ({@code rule "NAME"} or {@code function name}), or null. */
    public String rule() {
        return rule;
    }
}
