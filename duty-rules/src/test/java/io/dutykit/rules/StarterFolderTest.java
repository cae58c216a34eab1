package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.RuleEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code duty rules init}: the folder it writes is clean, its scenario passes, and nothing is overwritten. */
class StarterFolderTest {
    @TempDir
    Path dir;

    @Test
    void writes_every_editable_default_a_sample_rule_with_its_messages_and_a_scenario() throws IOException {
        Path folder = dir.resolve("my-rules");

        List<Path> written = StarterFolder.write(folder, Locale.SIMPLIFIED_CHINESE);

        assertThat(written)
                .extracting(p -> folder.relativize(p).toString().replace('\\', '/'))
                .containsExactly(
                        "procedure.properties",
                        "incident-thresholds.csv",
                        "night-patrol.drl",
                        "messages.properties",
                        "messages_zh.properties",
                        "scenarios/base.json",
                        "scenarios/night-patrol-too-few.json");
        assertThat(Files.readString(folder.resolve("procedure.properties")))
                .isEqualTo(Parameters.template(Locale.SIMPLIFIED_CHINESE))
                .contains("接班人员在交接班前到岗的分钟数");
        assertThat(RulesValidator.validate(folder)).isEmpty();

        DroolsProcedureRules rules = DroolsProcedureRules.of(RuleSet.withFolder(folder));
        assertThat(rules.model().thresholds()).isEqualTo(IncidentThresholdTable.defaults());
        assertThat(rules.catalogue().get("NIGHT_PATROL_TOO_FEW").origin()).isEqualTo(RuleEntry.Origin.ADDED);
        assertThat(rules.catalogue().get("NIGHT_PATROL_TOO_FEW").arguments()).containsExactly("$n.intValue()");
        assertThat(rules.catalogue().title("NIGHT_PATROL_TOO_FEW", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("夜间巡查次数不足");
        assertThat(new ScenarioRunner(rules).run(folder.resolve("scenarios")))
                .extracting(ScenarioResult::line)
                .containsExactly("PASS night-patrol-too-few.json — NIGHT_PATROL_TOO_FEW fires: only two patrols"
                        + " between 00:00 and 06:00 (02:00 and 05:00)");
    }

    @Test
    void refuses_a_folder_that_is_not_empty_and_writes_nothing() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> StarterFolder.write(dir, Locale.ENGLISH))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("is not empty");
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("notes.txt");
        }
    }
}
