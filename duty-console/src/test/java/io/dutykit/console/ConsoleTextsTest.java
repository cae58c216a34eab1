package io.dutykit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConsoleTextsTest {
    @Test
    void the_english_and_the_chinese_bundle_have_the_same_keys() {
        assertThat(keys(Locale.ENGLISH))
                .isEqualTo(keys(Locale.SIMPLIFIED_CHINESE))
                .hasSizeGreaterThan(100);
    }

    @Test
    void any_chinese_locale_gives_chinese_and_every_other_english() {
        assertThat(Texts.of(Locale.TRADITIONAL_CHINESE).get("nav.save")).isEqualTo("保存");
        assertThat(Texts.of(Locale.GERMAN).get("nav.save")).isEqualTo("Save");
        assertThat(Texts.of(Locale.ENGLISH).get("parameters.ruleWeights.clear")).contains("severity's");
    }

    private static Set<String> keys(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "io.dutykit.console.console",
                new Locale(Texts.of(locale).locale().getLanguage()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TreeSet<>(bundle.keySet());
    }
}
