package io.dutykit.rules;

import java.util.Locale;

/**
 * Which rule file a stack of the rules engine is in: the engine compiles each rule's consequence and
 * {@code eval} into a class {@code Rule_<name><digits>} of the rule's package, and each DRL function into
 * a class named after it, so the first such frame names the rule (or function) and, through its file's
 * package and names, the file. Used to say which rule ran too long.
 */
record RunningRule(String file, String what) {
    /** The rule or function that the stack is in, or null when no frame is one of the rules'. */
    static RunningRule of(StackTraceElement[] stack, RuleSet rules) {
        for (StackTraceElement frame : stack) {
            String className = frame.getClassName();
            int dot = className.lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            String pkg = className.substring(0, dot);
            String simple = className.substring(dot + 1);
            int inner = simple.indexOf('$');
            simple = inner < 0 ? simple : simple.substring(0, inner);
            RunningRule found = find(pkg, simple, rules);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static RunningRule find(String pkg, String simple, RuleSet rules) {
        RunningRule best = null;
        int bestLength = -1;
        for (RuleSet.RuleFile file : rules.ruleFiles()) {
            String drl;
            try {
                drl = RuleSources.drl(file);
            } catch (RulesException e) {
                continue;
            }
            if (!RuleSources.packageOf(drl).equals(pkg)) {
                continue;
            }
            if (simple.startsWith("Rule_")) {
                String generated = identifier(simple.substring("Rule_".length()));
                for (String rule : RuleSources.ruleNames(drl)) {
                    String name = identifier(rule);
                    if (!name.isEmpty() && generated.startsWith(name) && name.length() > bestLength) {
                        best = new RunningRule(file.name(), "rule \"" + rule + "\"");
                        bestLength = name.length();
                    }
                }
            } else {
                for (String function : RuleSources.functionNames(drl)) {
                    if (simple.equals(function.substring(0, 1).toUpperCase(Locale.ROOT) + function.substring(1))) {
                        return new RunningRule(file.name(), "function " + function);
                    }
                }
            }
        }
        return best;
    }

    /** Letters and digits only: the engine replaces what a Java name may not hold. */
    private static String identifier(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
