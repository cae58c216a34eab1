package io.dutykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.SiteRecords;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever is done to a valid dataset — a required field dropped, a type changed, an unknown field
 * added, an element duplicated, text made hostile — the reader either accepts it (and then writing and
 * reading it again gives the same records) or refuses it with a {@link DatasetException} at a
 * {@code $}-path; it never throws anything else.
 */
class DatasetMutationPropertyTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> POINTERS = pointers(TestData.gardenCourt(), "");

    enum Mutation {
        DROP,
        CHANGE_TYPE,
        ADD_UNKNOWN_FIELD,
        DUPLICATE_ELEMENT,
        HOSTILE_TEXT
    }

    private static List<String> pointers(JsonNode node, String pointer) {
        List<String> out = new ArrayList<>();
        if (!pointer.isEmpty()) {
            out.add(pointer);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.addAll(pointers(field.getValue(), pointer + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(pointers(node.get(i), pointer + "/" + i));
            }
        }
        return out;
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(30),
                        Arbitraries.of(
                                "' OR '1'='1", "--", ";", "\"quoted\"", "\\", "值班记录", "😀🚒", "\u0000\u001f", "", " "))
                .filter(s -> s.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= 0xFFFF));
    }

    @Property(tries = 250)
    void a_mutated_dataset_is_accepted_or_refused_with_a_path(
            @ForAll Mutation mutation,
            @ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll @IntRange(min = 0, max = 7) int variant,
            @ForAll("hostile") String text) {
        ObjectNode root = TestData.gardenCourt();
        apply(root, POINTERS.get(where % POINTERS.size()), mutation, variant, text);
        acceptedOrRefusedWithAPath(root);
    }

    @Property(tries = 150)
    void two_mutations_are_accepted_or_refused_with_a_path(
            @ForAll Mutation first,
            @ForAll Mutation second,
            @ForAll @IntRange(min = 0, max = 100_000) int whereFirst,
            @ForAll @IntRange(min = 0, max = 100_000) int whereSecond,
            @ForAll @IntRange(min = 0, max = 7) int variant,
            @ForAll("hostile") String text) {
        ObjectNode root = TestData.gardenCourt();
        apply(root, POINTERS.get(whereFirst % POINTERS.size()), first, variant, text);
        String pointer = POINTERS.get(whereSecond % POINTERS.size());
        if (!root.at(pointer).isMissingNode()) {
            apply(root, pointer, second, variant + 1, text);
        }
        acceptedOrRefusedWithAPath(root);
    }

    private static void acceptedOrRefusedWithAPath(ObjectNode root) {
        String json = TestData.text(root);

        SiteRecords records;
        try {
            records = new DatasetReader().readString(json);
        } catch (DatasetException e) {
            assertThat(e.path()).startsWith("$");
            assertThat(e.getMessage()).startsWith(e.path() + ": ");
            return;
        }
        DatasetWriter writer = new DatasetWriter();
        assertThat(new DatasetReader().readString(writer.toJson(records))).isEqualTo(records);
    }

    @Property(tries = 100)
    void free_text_is_kept_exactly(@ForAll("hostile") String text) {
        ObjectNode root = TestData.gardenCourt(d -> {
            TestData.set(d, "/entries/0/text", text);
            TestData.set(d, "/incidents/0/process", text);
            TestData.set(d, "/staff/0/name", text);
        });

        SiteRecords records = TestData.read(root);
        SiteRecords again = new DatasetReader().readString(new DatasetWriter().toJson(records));

        assertThat(records.entries().get(0).text()).isEqualTo(text);
        assertThat(again).isEqualTo(records);
    }

    private static void apply(ObjectNode root, String pointer, Mutation mutation, int variant, String text) {
        JsonNode target = root.at(pointer);
        switch (mutation) {
            case DROP -> TestData.remove(root, pointer);
            case CHANGE_TYPE -> TestData.set(root, pointer, otherValue(target, variant));
            case ADD_UNKNOWN_FIELD -> {
                JsonNode holder = target.isObject() ? target : root.at(parent(pointer));
                if (holder instanceof ObjectNode object) {
                    object.put("unknown" + variant, variant);
                } else {
                    root.put("unknown" + variant, variant);
                }
            }
            case DUPLICATE_ELEMENT -> {
                JsonNode holder = root.at(parent(pointer));
                if (holder instanceof ArrayNode array) {
                    array.add(target.deepCopy());
                } else if (target instanceof ArrayNode array && !array.isEmpty()) {
                    array.add(array.get(variant % array.size()).deepCopy());
                }
            }
            case HOSTILE_TEXT -> {
                if (target.isTextual()) {
                    TestData.set(root, pointer, text);
                }
            }
        }
    }

    private static JsonNode otherValue(JsonNode current, int variant) {
        List<JsonNode> candidates = List.of(
                NODES.textNode("x"),
                NODES.numberNode(new BigDecimal("1.5")),
                NODES.numberNode(7),
                NODES.booleanNode(true),
                NODES.nullNode(),
                NODES.objectNode(),
                NODES.arrayNode(),
                NODES.numberNode(-3));
        JsonNode pick = candidates.get(variant % candidates.size());
        return pick.getNodeType() == current.getNodeType() ? candidates.get((variant + 1) % candidates.size()) : pick;
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }
}
