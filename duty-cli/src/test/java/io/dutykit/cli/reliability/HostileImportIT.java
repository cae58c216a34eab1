package io.dutykit.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.storage.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code duty import} of hostile input (SPEC section 10): exit 2, one message naming the {@code
 * $}-path, no stack trace, and nothing written — the database holds no site afterwards. The reader's
 * own properties are in duty-dataset ({@code hostile} package); this is the command's side.
 */
class HostileImportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path example() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("examples/data/garden-court.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/data/garden-court.json not found");
    }

    static ObjectNode gardenCourt() throws IOException {
        return (ObjectNode) JSON.readTree(example().toFile());
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of(
                        "unknown field", "$.entries[2].colour", (UnaryOperator<String>) null, edit(root -> ((ObjectNode)
                                        root.get("entries").get(2))
                                .put("colour", "red"))),
                Arguments.of("wrong type", "$.calls[0].rings", null, edit(root -> ((ObjectNode)
                                root.get("calls").get(0))
                        .put("rings", "three"))),
                Arguments.of("missing field", "$.handovers[1].incoming", null, edit(root -> ((ObjectNode)
                                root.get("handovers").get(1))
                        .remove("incoming"))),
                Arguments.of("unknown staff", "$.entries[5].author", null, edit(root -> ((ObjectNode)
                                root.get("entries").get(5))
                        .put("author", "mallory"))),
                Arguments.of("duplicated id", "$.entries[1].id", null, edit(root -> ((ObjectNode)
                                root.get("entries").get(1))
                        .put("id", root.get("entries").get(0).get("id").asText()))),
                Arguments.of("out of order", "$.absences[0].to", null, edit(root -> ((ObjectNode)
                                root.get("absences").get(0))
                        .put("to", "2026-11-01T11:00:00+08:00"))),
                Arguments.of("control characters in an id", "$.entries[0]", null, edit(root -> ((ObjectNode)
                                root.get("entries").get(0))
                        .put("date", "2026-11-01\u0000"))),
                // issue 18, finding 9: valid input a store cannot keep, refused at its path before any SQL
                Arguments.of("an id longer than a store keeps", "$.entries[0].id", null, edit(root -> ((ObjectNode)
                                root.get("entries").get(0))
                        .put("id", "e".repeat(600)))),
                Arguments.of("a text longer than a store keeps", "$.entries[0]", null, edit(root -> ((ObjectNode)
                                root.get("entries").get(0))
                        .put("text", "x".repeat(1_000_000)))),
                Arguments.of(
                        "malformed", "$", (UnaryOperator<String>) text -> text.substring(0, text.length() / 2), null),
                Arguments.of(
                        "deeply nested",
                        "$",
                        (UnaryOperator<String>) text -> text.replaceFirst(
                                "\\{", "{\"deep\":" + "[".repeat(100_000) + "]".repeat(100_000) + ","),
                        null),
                Arguments.of(
                        "second site bad",
                        "$[1]",
                        (UnaryOperator<String>) text -> {
                            String other = text.replace("\"id\":\"garden-court\"", "\"id\":\"other-court\"");
                            String bad = text.replace("\"author\":\"wang\"", "\"author\":\"nobody\"");
                            return "[" + other + "," + bad + "]";
                        },
                        null));
    }

    private static UnaryOperator<ObjectNode> edit(java.util.function.Consumer<ObjectNode> change) {
        return root -> {
            change.accept(root);
            return root;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostile_input_exits_2_naming_the_path_and_writes_nothing(
            String what, String path, UnaryOperator<String> textEdit, UnaryOperator<ObjectNode> treeEdit)
            throws IOException {
        ObjectNode root = gardenCourt();
        String text = JSON.writeValueAsString(treeEdit == null ? root : treeEdit.apply(root));
        if (textEdit != null) {
            text = textEdit.apply(text);
        }
        Path file = dir.resolve("hostile.json");
        Files.writeString(file, text);
        String url = "jdbc:h2:file:" + dir.resolve("db/dutykit");

        Duty imported = Duty.run("import", file.toString(), "--db", url);

        assertThat(imported.exit()).as(imported.toString()).isEqualTo(2);
        assertThat(imported.err()).as(imported.toString()).contains(path).doesNotContain("\tat ");
        assertThat(imported.err().lines()).as("one clear message").hasSize(1);
        assertThat(dir.resolve("db/dutykit.trace.db"))
                .as("no SQL error reached H2")
                .doesNotExist();
        assertThat(JdbcStores.open(url).siteIds()).as("nothing written").isEmpty();
    }

    @Test
    void input_over_the_limit_exits_2_and_writes_nothing() throws IOException {
        ArrayNode sites = JSON.createArrayNode();
        ObjectNode root = gardenCourt();
        ((ObjectNode) root.get("entries").get(0)).put("text", "x".repeat(2 << 20));
        sites.add(root);
        Path file = dir.resolve("big.json");
        JSON.writeValue(file.toFile(), sites);
        String url = "jdbc:h2:file:" + dir.resolve("db/dutykit");

        Duty imported = Duty.run("import", file.toString(), "--db", url, "--max-input-mb", "1");

        assertThat(imported.exit()).as(imported.toString()).isEqualTo(2);
        assertThat(imported.err()).contains("$").contains("1 MiB");
        assertThat(JdbcStores.open(url).siteIds()).isEmpty();
    }

    @Test
    void a_multi_site_import_whose_second_log_does_not_verify_writes_no_site() throws IOException {
        // an export (with its chained log) of garden-court, tampered, after a valid site in the same file
        String scratch = "jdbc:h2:file:" + dir.resolve("scratch/dutykit");
        assertThat(Duty.run("import", example().toString(), "--db", scratch).exit())
                .isZero();
        Path exported = dir.resolve("exported.json");
        assertThat(Duty.run("export", "--db", scratch, "--out", exported.toString())
                        .exit())
                .isZero();
        JsonNode tree = JSON.readTree(exported.toFile());
        ObjectNode tampered = (ObjectNode) (tree.isArray() ? tree.get(0) : tree);
        ((ObjectNode) tampered.get("log").get(3)).put("actor", "mallory");
        ObjectNode other = gardenCourt();
        ((ObjectNode) other.get("site")).put("id", "other-court");
        ArrayNode both = JSON.createArrayNode().add(other).add(tampered);
        Path file = dir.resolve("both.json");
        JSON.writeValue(file.toFile(), both);
        String url = "jdbc:h2:file:" + dir.resolve("db/dutykit");

        Duty imported = Duty.run("import", file.toString(), "--db", url);

        assertThat(imported.exit()).as(imported.toString()).isIn(2, 3);
        assertThat(imported.err()).doesNotContain("\tat ");
        assertThat(JdbcStores.open(url).siteIds())
                .as("an import is all-or-nothing")
                .isEmpty();
    }
}
