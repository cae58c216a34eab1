package io.dutykit.core.check;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Renders a {@link Violation} as a sentence in a language: English (the default) or Chinese
 * ({@code zh}), from the bundles {@code io/dutykit/core/check/violations*.properties} keyed by rule
 * id. A key the bundles do not know (a company's own rule) renders as the rule id.
 */
public final class ViolationMessages {
    private static final String BUNDLE = "io.dutykit.core.check.violations";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ViolationMessages() {}

    /** The violation's message in the locale, its arguments filled in. */
    public static String render(Violation violation, Locale locale) {
        return template(violation.messageKey(), locale)
                .map(t -> new MessageFormat(t, locale)
                        .format(violation.arguments().toArray()))
                .orElse(violation.rule());
    }

    /** The message template of a key in the locale, if the bundles have one. */
    public static Optional<String> template(String key, Locale locale) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(
                    BUNDLE, locale, ViolationMessages.class.getClassLoader(), NO_DEFAULT_LOCALE);
            return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
