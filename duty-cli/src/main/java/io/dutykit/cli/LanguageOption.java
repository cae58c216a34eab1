package io.dutykit.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --lang zh|en}: the language of messages and reports. */
final class LanguageOption {
    enum Language {
        zh,
        en
    }

    @Option(
            names = "--lang",
            paramLabel = "LANG",
            defaultValue = "en",
            description = "zh or en (default ${DEFAULT-VALUE})")
    Language lang;

    boolean isChinese() {
        return lang == Language.zh;
    }

    Locale locale() {
        return isChinese() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
