package io.dutykit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a DRL text declares, read from the text with lines and columns (the engine keeps neither for a
 * rule's labels): each rule with its {@code @id}, {@code @clause} and {@code @severity} and the message
 * arguments its {@code Finding.of} passes; the parameter keys it reads ({@code $p.text("my.key")}); the
 * codes it compares categories and items with ({@code category == "WATER_LEAK"}). Comments and string
 * contents are skipped where they could be mistaken for code.
 */
final class RuleDeclarations {
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s+(\"[^\"\\n]*\"|\\S+)");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\b");
    private static final Pattern LABEL = Pattern.compile("@(\\w+)\\s*\\(");
    private static final Pattern FINDING = Pattern.compile("\\bFinding\\s*\\.\\s*of\\s*\\(");
    private static final Pattern KEY_READ = Pattern.compile("\\.\\s*(?:text|minutes|value)\\s*\\(\\s*\"");
    private static final Pattern CODE_COMPARED = Pattern.compile("\\b(category|item)\\s*(?:==|!=)\\s*\"");
    private static final Pattern CODE_IN = Pattern.compile("\\b(category|item)\\s+(?:not\\s+)?in\\s*\\(");
    /** Finding.of(rule, subject, responsible, date, at, arguments...): the arguments start at the sixth. */
    private static final int FIRST_ARGUMENT = 5;

    /** A label's value (quotes removed) and where it is. */
    record Label(String value, int line, int column) {}

    /**
     * One rule.
     *
     * @param id its {@code @id}, or null
     * @param arguments the expressions its {@code Finding.of} passes as message arguments (the fewest of
     *     its calls), or empty
     */
    record Declaration(
            String name, int line, int column, Label id, Label clause, Label severity, List<String> arguments) {
        /** The id its findings report: its {@code @id}, else its name. */
        String reportedId() {
            return id != null && !id.value().isBlank() ? id.value() : name;
        }
    }

    /** A string compared with a fact's {@code category} or {@code item}. */
    record Code(String field, String value, int line, int column) {}

    /** A key read with {@code text("…")}, {@code minutes("…")} or {@code value("…")}. */
    record KeyRead(String key, int line, int column) {}

    private final List<Declaration> rules;
    private final List<Code> codes;
    private final List<KeyRead> keys;

    private RuleDeclarations(List<Declaration> rules, List<Code> codes, List<KeyRead> keys) {
        this.rules = List.copyOf(rules);
        this.codes = List.copyOf(codes);
        this.keys = List.copyOf(keys);
    }

    static RuleDeclarations of(String drl) {
        String code = RulesValidator.withoutComments(drl);
        List<Declaration> rules = new ArrayList<>();
        Matcher rule = RULE.matcher(code);
        List<int[]> starts = new ArrayList<>();
        while (rule.find()) {
            starts.add(new int[] {rule.start(1), rule.end(1)});
        }
        for (int i = 0; i < starts.size(); i++) {
            int nameStart = starts.get(i)[0];
            int nameEnd = starts.get(i)[1];
            int limit = i + 1 < starts.size() ? starts.get(i + 1)[0] : code.length();
            rules.add(declaration(drl, code, nameStart, nameEnd, limit));
        }
        List<Code> codes = new ArrayList<>();
        Matcher m = CODE_COMPARED.matcher(code);
        while (m.find()) {
            int open = m.end() - 1;
            codes.add(new Code(m.group(1), string(drl, code, open), line(code, open), column(code, open + 1)));
        }
        m = CODE_IN.matcher(code);
        while (m.find()) {
            int close = closing(code, m.end() - 1);
            int at = code.indexOf('"', m.end());
            while (at >= 0 && at < close) {
                codes.add(new Code(m.group(1), string(drl, code, at), line(code, at), column(code, at + 1)));
                int end = code.indexOf('"', at + 1);
                at = end < 0 ? -1 : code.indexOf('"', end + 1);
            }
        }
        List<KeyRead> keys = new ArrayList<>();
        m = KEY_READ.matcher(code);
        while (m.find()) {
            int open = m.end() - 1;
            keys.add(new KeyRead(string(drl, code, open), line(code, open), column(code, open + 1)));
        }
        return new RuleDeclarations(rules, codes, keys);
    }

    private static Declaration declaration(String drl, String code, int nameStart, int nameEnd, int limit) {
        String name = drl.substring(nameStart, nameEnd);
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        Matcher when = WHEN.matcher(code).region(nameEnd, limit);
        int headerEnd = when.find() ? when.start() : limit;
        Label id = null;
        Label clause = null;
        Label severity = null;
        Matcher label = LABEL.matcher(code).region(nameEnd, headerEnd);
        while (label.find()) {
            int open = label.end() - 1;
            int close = closing(code, open);
            String raw = drl.substring(open + 1, Math.min(close, drl.length())).strip();
            String value = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
                    ? raw.substring(1, raw.length() - 1).strip()
                    : raw;
            Label found = new Label(value, line(code, label.start()), column(code, label.start()));
            switch (label.group(1).toLowerCase(Locale.ROOT)) {
                case "id" -> id = found;
                case "clause" -> clause = found;
                case "severity" -> severity = found;
                default -> {
                    // other labels (attributes of a company's own) are not read
                }
            }
        }
        List<String> arguments = null;
        Matcher then = THEN.matcher(code).region(headerEnd, limit);
        if (then.find()) {
            Matcher end = END.matcher(code).region(then.end(), limit);
            int consequenceEnd = end.find() ? end.start() : limit;
            Matcher finding = FINDING.matcher(code).region(then.end(), consequenceEnd);
            while (finding.find()) {
                List<String> all = arguments(drl, code, finding.end() - 1);
                List<String> passed = all.size() > FIRST_ARGUMENT ? all.subList(FIRST_ARGUMENT, all.size()) : List.of();
                if (arguments == null || passed.size() < arguments.size()) {
                    arguments = List.copyOf(passed);
                }
            }
        }
        return new Declaration(
                name,
                line(code, nameStart),
                column(code, nameStart),
                id,
                clause,
                severity,
                arguments == null ? List.of() : arguments);
    }

    /** The top-level arguments of the call whose opening parenthesis is at {@code open}. */
    private static List<String> arguments(String drl, String code, int open) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    String last = drl.substring(start, i).strip();
                    if (!last.isEmpty() || !arguments.isEmpty()) {
                        arguments.add(last);
                    }
                    return arguments;
                }
            } else if (c == ',' && depth == 1) {
                arguments.add(drl.substring(start, i).strip());
                start = i + 1;
            }
        }
        return arguments;
    }

    /** The index of the parenthesis closing the one at {@code open} (strings blanked), or the text's end. */
    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** The contents of the string literal whose opening quote is at {@code quote}, from the original text. */
    private static String string(String drl, String code, int quote) {
        int end = code.indexOf('"', quote + 1);
        return drl.substring(quote + 1, end < 0 ? drl.length() : end);
    }

    static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int column(String text, int offset) {
        return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
    }

    List<Declaration> rules() {
        return rules;
    }

    List<Code> codes() {
        return codes;
    }

    List<KeyRead> keys() {
        return keys;
    }
}
