package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import io.dutykit.core.check.ViolationMessages;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company's own rule texts (SPEC section 6.1): {@value #FILE} (English) and {@value #FILE_ZH}
 * (Chinese) in its rules folder, in the {@code .properties} syntax of the parameters file and read by
 * the same reader ({@link ParameterFile}, which keeps lines): {@code RULE_ID=message with {0}…} (the
 * rule's arguments, as in the default bundles), {@code RULE_ID.title=…} and {@code
 * RULE_ID.description=…}. {@link #over} makes them part of the {@link ViolationMessages} every output
 * renders with; {@link #check} finds what would not show as meant, with file, line and column.
 */
public final class CompanyMessages {
    /** The company's English (default) texts. */
    public static final String FILE = "messages.properties";
    /** The company's Chinese texts. */
    public static final String FILE_ZH = "messages_zh.properties";

    private static final String TITLE = ".title";
    private static final String DESCRIPTION = ".description";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)");
    private static final CompanyMessages NONE =
            new CompanyMessages(ParameterFile.empty(FILE), ParameterFile.empty(FILE_ZH));

    private final ParameterFile english;
    private final ParameterFile chinese;

    private CompanyMessages(ParameterFile english, ParameterFile chinese) {
        this.english = Checks.required(english, "english");
        this.chinese = Checks.required(chinese, "chinese");
    }

    /** No company texts. */
    public static CompanyMessages none() {
        return NONE;
    }

    /** The texts of the two files (either may be {@link ParameterFile#empty}). */
    public static CompanyMessages of(ParameterFile english, ParameterFile chinese) {
        return new CompanyMessages(english, chinese);
    }

    public ParameterFile english() {
        return english;
    }

    public ParameterFile chinese() {
        return chinese;
    }

    /** {@code base} with these texts added, each winning in its language. */
    public ViolationMessages over(ViolationMessages base) {
        return base.with(texts(english), texts(chinese));
    }

    private static Map<String, String> texts(ParameterFile file) {
        Map<String, String> texts = new LinkedHashMap<>();
        file.entries().forEach(e -> texts.put(e.key(), e.value()));
        return texts;
    }

    /**
     * Everything in the files that would not show as meant, given the rules in effect: a key that names
     * no rule, or has a suffix other than {@code .title} or {@code .description} (errors, with the key
     * probably meant); a message that is no valid pattern, holds a single apostrophe, or uses a
     * placeholder beyond the arguments the rule gives (errors); a rule the company added that has no
     * message in either file, or a message but no title (one warning). The files' own reading problems
     * come first.
     */
    public List<ProcedureProblem> check(RuleCatalogue catalogue) {
        List<ProcedureProblem> problems = new ArrayList<>();
        problems.addAll(english.problems());
        problems.addAll(chinese.problems());
        List<String> ids = catalogue.entries().stream().map(RuleEntry::id).toList();
        for (ParameterFile file : List.of(english, chinese)) {
            for (ParameterFile.Entry entry : file.entries()) {
                check(file.source(), entry, catalogue, ids, problems);
            }
        }
        for (RuleEntry rule : catalogue.entries()) {
            if (rule.origin() != RuleEntry.Origin.ADDED) {
                continue;
            }
            if (english.entry(rule.id()).isEmpty() && chinese.entry(rule.id()).isEmpty()) {
                problems.add(ProcedureProblem.warning(
                        english.source(), 0, 0, ProcedureProblem.Kind.MESSAGE_MISSING, null, rule.id(), FILE, FILE_ZH));
            } else if (english.entry(rule.id() + TITLE).isEmpty()
                    && chinese.entry(rule.id() + TITLE).isEmpty()) {
                problems.add(ProcedureProblem.warning(
                        english.source(), 0, 0, ProcedureProblem.Kind.TITLE_MISSING, null, rule.id(), FILE, FILE_ZH));
            }
        }
        return problems;
    }

    private static void check(
            String source,
            ParameterFile.Entry entry,
            RuleCatalogue catalogue,
            List<String> ids,
            List<ProcedureProblem> problems) {
        String key = entry.key();
        int dot = key.indexOf('.');
        String rule = dot < 0 ? key : key.substring(0, dot);
        String suffix = dot < 0 ? "" : key.substring(dot);
        if (!suffix.isEmpty() && !suffix.equals(TITLE) && !suffix.equals(DESCRIPTION)) {
            problems.add(ProcedureProblem.error(
                    source,
                    entry.line(),
                    entry.column(),
                    ProcedureProblem.Kind.MESSAGE_UNKNOWN_SUFFIX,
                    NearMiss.nearest(suffix, List.of(TITLE, DESCRIPTION))
                            .map(s -> rule + s)
                            .orElse(null),
                    key));
            return;
        }
        Optional<RuleEntry> found = catalogue.find(rule);
        if (found.isEmpty()) {
            problems.add(ProcedureProblem.error(
                    source,
                    entry.line(),
                    entry.column(),
                    ProcedureProblem.Kind.MESSAGE_UNKNOWN_RULE,
                    NearMiss.nearest(rule, ids).map(r -> r + suffix).orElse(null),
                    key,
                    rule));
            return;
        }
        if (suffix.isEmpty()) {
            checkMessage(source, entry, found.get(), problems);
        }
    }

    private static void checkMessage(
            String source, ParameterFile.Entry entry, RuleEntry rule, List<ProcedureProblem> problems) {
        String text = entry.value();
        int apostrophe = singleApostrophe(text);
        if (apostrophe >= 0) {
            problems.add(ProcedureProblem.error(
                    source,
                    entry.line(),
                    column(entry, apostrophe),
                    ProcedureProblem.Kind.MESSAGE_APOSTROPHE,
                    null,
                    entry.key()));
            return;
        }
        try {
            new MessageFormat(text, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            problems.add(ProcedureProblem.error(
                    source,
                    entry.line(),
                    entry.valueColumn(),
                    ProcedureProblem.Kind.MESSAGE_MALFORMED,
                    null,
                    entry.key(),
                    e.getMessage()));
            return;
        }
        int count = rule.arguments().size();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index >= count) {
                problems.add(ProcedureProblem.error(
                        source,
                        entry.line(),
                        column(entry, m.start()),
                        ProcedureProblem.Kind.MESSAGE_PLACEHOLDER,
                        null,
                        entry.key(),
                        "{" + index + "}",
                        count,
                        count == 0 ? "-" : String.join(", ", rule.arguments())));
                return;
            }
        }
    }

    private static int column(ParameterFile.Entry entry, int offset) {
        return entry.valueColumn() == 0 ? 0 : entry.valueColumn() + offset;
    }

    /** The index of an apostrophe that is not doubled, or -1. */
    static int singleApostrophe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\'') {
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
