package io.dutykit.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --lang zh|en} of the {@code duty rules} commands (SPEC section 6.1): the language of every
 * message they print. Without it, the language of the JVM's locale (from {@code LANG} or the system
 * settings): Chinese for a Chinese locale, English otherwise.
 */
final class RulesLanguage {
    @Option(
            names = "--lang",
            paramLabel = "LANG",
            description = "zh or en (default: the locale's language, Chinese for a Chinese locale, else English)")
    LanguageOption.Language lang;

    boolean isChinese() {
        return lang == null ? "zh".equals(Locale.getDefault().getLanguage()) : lang == LanguageOption.Language.zh;
    }

    Locale locale() {
        return isChinese() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The English or the Chinese text, as this option says. */
    String pick(String english, String chinese) {
        return isChinese() ? chinese : english;
    }
}
