package io.dutykit.cli;

import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationMessages;
import java.util.Locale;
import java.util.function.Function;
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

    /** Violations as sentences in this language, with the rules' texts given (a company's included). */
    Function<Violation, String> messages(ViolationMessages texts) {
        Locale locale = locale();
        return v -> texts.message(v, locale);
    }
}
