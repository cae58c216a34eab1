package io.dutykit.core.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The texts of the rules — each rule's message ({@code RULE_ID}), title ({@code RULE_ID.title}) and
 * description ({@code RULE_ID.description}) — in English (the default) and Chinese ({@code zh}), and
 * how a {@link Violation} becomes a sentence. The default rules' texts are the bundles {@code
 * io/dutykit/core/check/violations*.properties}; a company adds or changes texts with its own
 * bundles ({@link #with}: {@code messages.properties} and {@code messages_zh.properties} of its rules
 * folder, SPEC section 6.1), which win over the defaults in their language. Every output — the
 * command line's text, JSON, JUnit and SARIF, and every report — renders through one instance of
 * this class, so a company rule's message reaches all of them as a default rule's does.
 *
 * <p>A text is looked up in the requested language first (the company's, then the default), then in
 * the other language. A violation whose rule has no message at all (a company rule without one) reads
 * as the rule's title, or its id, followed by the values the rule passed: {@code NIGHT_PATROL_TOO_FEW:
 * 1} — the text a rule hands to {@code Finding.of} is never dropped.
 */
public final class ViolationMessages {
    private static final String BUNDLE = "violations";
    private static final Map<String, String> DEFAULT_ENGLISH = load(BUNDLE + ".properties");
    private static final Map<String, String> DEFAULT_CHINESE = load(BUNDLE + "_zh.properties");
    private static final ViolationMessages DEFAULTS = new ViolationMessages(Map.of(), Map.of());

    private final Map<String, String> english;
    private final Map<String, String> chinese;

    private ViolationMessages(Map<String, String> english, Map<String, String> chinese) {
        this.english = Collections.unmodifiableMap(new LinkedHashMap<>(english));
        this.chinese = Collections.unmodifiableMap(new LinkedHashMap<>(chinese));
    }

    /** The default rules' texts alone. */
    public static ViolationMessages defaults() {
        return DEFAULTS;
    }

    /**
     * These texts with a company's added or changed ones: {@code english} from its {@code
     * messages.properties}, {@code chinese} from its {@code messages_zh.properties}; each key given wins
     * over this instance's in its language.
     */
    public ViolationMessages with(Map<String, String> english, Map<String, String> chinese) {
        Map<String, String> en = new LinkedHashMap<>(this.english);
        en.putAll(english);
        Map<String, String> zh = new LinkedHashMap<>(this.chinese);
        zh.putAll(chinese);
        return new ViolationMessages(en, zh);
    }

    /** The company's texts (English), by key; empty for the defaults alone. */
    public Map<String, String> companyEnglish() {
        return english;
    }

    /** The company's texts (Chinese), by key; empty for the defaults alone. */
    public Map<String, String> companyChinese() {
        return chinese;
    }

    /** The text of a key in the locale: the language asked for first, then the other one. */
    public Optional<String> text(String key, Locale locale) {
        for (Map<String, String> texts : chinese(locale)
                ? List.of(chinese, DEFAULT_CHINESE, english, DEFAULT_ENGLISH)
                : List.of(english, DEFAULT_ENGLISH, chinese, DEFAULT_CHINESE)) {
            String text = texts.get(key);
            if (text != null) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The violation as a sentence in the locale, its arguments filled in (see the class comment). */
    public String message(Violation violation, Locale locale) {
        Optional<String> template = text(violation.messageKey(), locale);
        if (template.isPresent()) {
            return new MessageFormat(template.get(), locale)
                    .format(violation.arguments().toArray());
        }
        String title = title(violation.rule(), locale);
        return violation.arguments().isEmpty() ? title : title + ": " + String.join(", ", violation.arguments());
    }

    /** The rule's short title in the locale, or its id when it has none. */
    public String title(String rule, Locale locale) {
        return text(rule + ".title", locale).orElse(rule);
    }

    /** The rule's plain-language description in the locale, if it has one. */
    public Optional<String> description(String rule, Locale locale) {
        return text(rule + ".description", locale);
    }

    /** The violation's message in the locale under the default rules' texts. */
    public static String render(Violation violation, Locale locale) {
        return DEFAULTS.message(violation, locale);
    }

    /** The default rules' text of a key in the locale, if there is one. */
    public static Optional<String> template(String key, Locale locale) {
        return DEFAULTS.text(key, locale);
    }

    private static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    private static Map<String, String> load(String name) {
        try (InputStream in = ViolationMessages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + ViolationMessages.class);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
            return Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ViolationMessages m && m.english.equals(english) && m.chinese.equals(chinese);
    }

    @Override
    public int hashCode() {
        return english.hashCode() * 31 + chinese.hashCode();
    }
}
