package io.dutykit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A save that dies at any step — as a killed process would — leaves the folder as it was or, once its
 * commit point is passed, is finished whole by the next start; the audit lines are appended once.
 */
class AtomicSaveTest {
    @TempDir
    Path root;

    private static final Map<String, byte[]> FILES = files();

    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("procedure.properties", "handover.incomingLeadMinutes=10\n".getBytes());
        files.put("incident-thresholds.csv", "new csv\n".getBytes());
        files.put("sub/rule.drl", "new drl\n".getBytes());
        return files;
    }

    private void oldFolder() throws IOException {
        Files.writeString(root.resolve("procedure.properties"), "handover.incomingLeadMinutes=5\n");
        Files.writeString(root.resolve("incident-thresholds.csv"), "old csv\n");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/rule.drl"), "old drl\n");
    }

    private static final class Died extends IOException {
        private static final long serialVersionUID = 1L;

        Died(String step) {
            super("died at " + step);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "staged procedure.properties",
                "staged sub/rule.drl",
                "manifest written",
                "committed",
                "moved procedure.properties",
                "moved incident-thresholds.csv",
                "moved sub/rule.drl",
                "audit appended"
            })
    void a_save_that_dies_at_any_step_is_all_or_nothing_and_audited_once(String step) throws Exception {
        oldFolder();
        Path real = root.toRealPath();
        AtomicSave dying = new AtomicSave(real, real.resolve("audit.txt"), name -> {
            if (name.equals(step)) {
                throw new Died(name);
            }
        });
        assertThatThrownBy(() -> dying.write(FILES, List.of("a\tline", "another\tline")))
                .hasRootCauseInstanceOf(Died.class);

        new AtomicSave(real, real.resolve("audit.txt")).recover();

        boolean committed = !step.startsWith("staged") && !step.equals("manifest written");
        assertThat(Files.readString(root.resolve("procedure.properties")))
                .isEqualTo(committed ? "handover.incomingLeadMinutes=10\n" : "handover.incomingLeadMinutes=5\n");
        assertThat(Files.readString(root.resolve("incident-thresholds.csv")))
                .isEqualTo(committed ? "new csv\n" : "old csv\n");
        assertThat(Files.readString(root.resolve("sub/rule.drl"))).isEqualTo(committed ? "new drl\n" : "old drl\n");
        if (committed) {
            assertThat(Files.readAllLines(root.resolve("audit.txt"))).containsExactly("a\tline", "another\tline");
        } else {
            assertThat(root.resolve("audit.txt")).doesNotExist();
        }
        assertThat(root.resolve(AtomicSave.WORK).resolve("pending")).doesNotExist();
    }

    @Test
    void a_target_outside_the_folder_is_refused() throws Exception {
        Path real = root.toRealPath();
        AtomicSave save = new AtomicSave(real, real.resolve("audit.txt"));
        for (String target : List.of("../escape.txt", "/etc/passwd", "sub/../../escape.txt", ".duty-console/x", "")) {
            assertThatThrownBy(() -> save.write(Map.of(target, new byte[] {1}), List.of()))
                    .as(target)
                    .isInstanceOf(ConsoleException.class);
        }
        assertThat(root.getParent().resolve("escape.txt")).doesNotExist();
        Files.createDirectories(root.getParent().resolve("outside"));
        Files.createSymbolicLink(root.resolve("linked"), root.getParent().resolve("outside"));
        assertThatThrownBy(() -> save.write(Map.of("linked/x.drl", new byte[] {1}), List.of()))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("outside the rules folder");
        assertThat(root.getParent().resolve("outside/x.drl")).doesNotExist();
    }
}
