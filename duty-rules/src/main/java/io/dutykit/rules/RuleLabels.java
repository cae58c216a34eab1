package io.dutykit.rules;

import io.dutykit.core.check.ViolationSeverity;
import java.util.List;
import java.util.Optional;

/**
 * Changes the labels of a rule in its DRL text, and nothing else (SPEC section 6.2: a company rule's
 * severity is changed in the rule console, while the DRL stays a file a person reviews). The labels are
 * found where {@link RuleSet#read} finds them — comments and strings cannot be mistaken for them — so a
 * change touches exactly the characters between the parentheses of the rule's {@code @severity(...)}.
 */
public final class RuleLabels {
    private RuleLabels() {}

    /**
     * The DRL text with the {@code @severity} label of every rule whose {@code @id} is {@code ruleId} (one
     * id may report from several rules) set to {@code severity}; every other character is kept.
     *
     * @throws RulesException when no rule of the text has that id, or one of them has no {@code @severity}
     *     label to change
     */
    public static String withSeverity(String drl, String ruleId, ViolationSeverity severity) {
        List<RuleDeclarations.Declaration> rules = RuleDeclarations.of(drl).rules().stream()
                .filter(r -> r.reportedId().equals(ruleId))
                .toList();
        if (rules.isEmpty()) {
            throw new RulesException("no rule with @id(" + ruleId + ") in this file");
        }
        StringBuilder text = new StringBuilder(drl);
        // from the last label to the first, so that earlier offsets stay right
        for (int i = rules.size() - 1; i >= 0; i--) {
            RuleDeclarations.Declaration rule = rules.get(i);
            RuleDeclarations.Label label = rule.severity();
            if (label == null) {
                throw new RulesException("the rule " + rule.name() + " has no @severity label to change");
            }
            int at = offset(drl, label.line(), label.column());
            int open = drl.indexOf('(', at);
            int close = drl.indexOf(')', open);
            if (open < 0 || close < 0) {
                throw new RulesException("the @severity label of the rule " + rule.name() + " is not closed");
            }
            String inside = drl.substring(open + 1, close);
            String value = inside.strip();
            boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
            int start = open + 1 + inside.indexOf(value);
            text.replace(start, start + value.length(), quoted ? "\"" + severity.name() + "\"" : severity.name());
        }
        return text.toString();
    }

    /**
     * The value of the {@code @severity} label of the first rule whose {@code @id} is {@code ruleId}, as
     * written ({@code WARNING}), or empty when no rule of the text has that id or it has no such label.
     */
    public static Optional<String> severity(String drl, String ruleId) {
        return RuleDeclarations.of(drl).rules().stream()
                .filter(r -> r.reportedId().equals(ruleId) && r.severity() != null)
                .map(r -> r.severity().value())
                .findFirst();
    }

    /** The offset of a 1-based line and column in the text. */
    private static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at + column - 1;
    }
}
