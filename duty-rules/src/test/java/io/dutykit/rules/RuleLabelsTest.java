package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.check.ViolationSeverity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLabelsTest {
    private static final String DRL = "package x;\n"
            + "// @severity(WARNING) in a comment is no label\n"
            + "rule \"A\"\n"
            + "    @id(A) @clause(\"G2\") @severity( WARNING )\n"
            + "when\n    eval(\"@severity(WARNING)\" != null)\nthen\nend\n"
            + "rule \"A for incidents\" @id(A) @severity(\"WARNING\") @clause(\"G2\")\nwhen\nthen\nend\n"
            + "rule \"B\" @id(B) @clause(\"G2\") @severity(ERROR)\nwhen\nthen\nend\n";

    @Test
    void only_the_labels_of_the_rule_change_every_other_character_stays() {
        String changed = RuleLabels.withSeverity(DRL, "A", ViolationSeverity.ERROR);
        assertThat(changed)
                .isEqualTo(DRL.replace("@severity( WARNING )", "@severity( ERROR )")
                        .replace("@severity(\"WARNING\")", "@severity(\"ERROR\")"));
        assertThat(RuleLabels.severity(changed, "A")).contains("ERROR");
        assertThat(RuleLabels.severity(changed, "B")).contains("ERROR");
        assertThat(RuleLabels.severity(DRL, "C")).isEmpty();
    }

    @Test
    void a_rule_that_is_not_in_the_text_is_an_error() {
        assertThatThrownBy(() -> RuleLabels.withSeverity(DRL, "C", ViolationSeverity.ERROR))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("@id(C)");
    }

    @Test
    void the_folder_names_the_file_of_each_company_rule(@TempDir Path dir) throws Exception {
        StarterFolder.write(dir, Locale.ENGLISH);
        Files.createDirectories(dir.resolve("more"));
        Files.writeString(dir.resolve("more/b.drl"), "package y;\n" + DRL.substring(DRL.indexOf("rule \"B\"")));
        assertThat(RuleSet.withFolder(dir).companyRuleFiles())
                .isEqualTo(Map.of("NIGHT_PATROL_TOO_FEW", "night-patrol.drl", "B", "more/b.drl"));
        assertThat(RuleSet.defaults().companyRuleFiles()).isEmpty();
    }
}
