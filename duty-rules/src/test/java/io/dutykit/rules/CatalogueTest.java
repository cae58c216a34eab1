package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.procedure.RuleCatalogue;
import io.dutykit.core.procedure.RuleEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue is read from the compiled rules: the default DRL agrees with the core's DefaultRules. */
class CatalogueTest {
    @TempDir
    Path folder;

    @Test
    void the_compiled_default_rules_are_the_default_catalogue() {
        RuleCatalogue compiled = DroolsProcedureRules.defaults().catalogue();

        assertThat(compiled).isEqualTo(RuleCatalogue.defaults());
        assertThat(compiled.entries())
                .extracting(RuleEntry::id)
                .containsExactlyElementsOf(
                        DefaultRules.ALL.stream().map(RuleEntry::id).toList());
        assertThat(DroolsProcedureRules.defaults().model().parameters())
                .isEqualTo(RuleSet.defaults().parameters().parameterValues());
    }

    @Test
    void a_company_folder_changes_and_adds_rules_in_the_catalogue() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/company/night-patrol.drl")) {
            Files.write(folder.resolve("night-patrol.drl"), in.readAllBytes());
        }
        String calls = new String(
                        getClass()
                                .getResourceAsStream("/io/dutykit/rules/calls.drl")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace(
                        "@id(CALL_MISSED) @clause(\"4.1.5\") @severity(ERROR)",
                        "@id(CALL_MISSED) @clause(\"4.1.5\") @severity(WARNING)");
        Files.writeString(folder.resolve("calls.drl"), calls);

        RuleCatalogue catalogue =
                DroolsProcedureRules.of(RuleSet.withFolder(folder)).catalogue();

        assertThat(catalogue.get("CALL_MISSED").severity()).isEqualTo(ViolationSeverity.WARNING);
        assertThat(catalogue.get("CALL_MISSED").origin()).isEqualTo(RuleEntry.Origin.CHANGED);
        assertThat(catalogue.get("CALL_MISSED").arguments()).containsExactly("line");
        assertThat(catalogue.get("HOTLINE_DIALLED_OUT").origin())
                .as("in the replaced file, unchanged but the company's now")
                .isEqualTo(RuleEntry.Origin.CHANGED);
        assertThat(catalogue.get("HANDOVER_MISSING").origin()).isEqualTo(RuleEntry.Origin.DEFAULT);
        assertThat(catalogue.entries())
                .filteredOn(e -> e.origin() == RuleEntry.Origin.ADDED)
                .extracting(RuleEntry::id)
                .containsExactly("NIGHT_PATROL_TOO_FEW");
    }
}
