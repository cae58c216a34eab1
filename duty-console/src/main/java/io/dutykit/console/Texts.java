package io.dutykit.console;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The console's own words in one language: the bundles {@code console_en} and {@code console_zh}. */
final class Texts {
    private static final String BUNDLE = "io.dutykit.console.console";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Chinese for any Chinese locale, English for every other. */
    static Texts of(Locale requested) {
        Locale locale = isChinese(requested) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                new Locale(locale.getLanguage()),
                Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Texts(bundle, locale);
    }

    static boolean isChinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    Locale locale() {
        return locale;
    }

    boolean isChinese() {
        return isChinese(locale);
    }

    /** {@code zh-CN} or {@code en}, for the page's {@code lang}. */
    String tag() {
        return locale.toLanguageTag();
    }

    /** The text of the key, its {@code {0}}… filled with the arguments. */
    String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
