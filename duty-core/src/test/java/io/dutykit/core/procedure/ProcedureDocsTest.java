package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/rules.md and docs/rules.zh.md cannot drift from the procedure model: every parameter is listed
 * with its default, and every rule's message arguments in order. Adding a parameter or a rule without
 * documenting it fails here.
 */
class ProcedureDocsTest {
    private static List<String> lines(String doc) throws IOException {
        return Files.readAllLines(Path.of("..", "docs", doc), StandardCharsets.UTF_8);
    }

    /** The cells of a Markdown table row, trimmed. */
    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rules.md", "rules.zh.md"})
    void every_parameter_is_listed_with_its_default(String doc) throws IOException {
        List<String> lines = lines(doc);
        for (Parameter<?> p : Parameters.ALL) {
            assertThat(lines).as("%s lists %s with its default", doc, p.key()).anySatisfy(line -> {
                assertThat(line).startsWith("| `" + p.key() + "` |");
                assertThat(cells(line).get(1)).isEqualTo(p.defaultText());
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rules.md", "rules.zh.md"})
    void every_rule_is_listed_with_its_message_arguments_in_order(String doc) throws IOException {
        List<String> lines = lines(doc);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("### Message arguments") || lines.get(i).equals("### 提示信息参数")) {
                start = i;
            }
        }
        assertThat(start).as("%s has a section on message arguments", doc).isPositive();
        List<String> table = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            if (lines.get(i).startsWith("| `")) {
                table.add(lines.get(i));
            }
        }
        for (RuleEntry rule : DefaultRules.ALL) {
            String row = table.stream()
                    .filter(l -> l.startsWith("| `" + rule.id() + "` |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(doc + " lists no message arguments of " + rule.id()));
            List<String> cells = cells(row).subList(1, cells(row).size());
            for (int a = 0; a < cells.size(); a++) {
                if (a < rule.arguments().size()) {
                    assertThat(cells.get(a))
                            .as("%s {%d} in %s", rule.id(), a, doc)
                            .startsWith(rule.arguments().get(a));
                } else {
                    assertThat(cells.get(a))
                            .as(
                                    "%s has only %d arguments",
                                    rule.id(), rule.arguments().size())
                            .isEmpty();
                }
            }
        }
    }
}
