package io.dutykit.dataset.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.SiteRecords;
import io.dutykit.dataset.DatasetException;
import io.dutykit.dataset.DatasetReader;
import io.dutykit.dataset.DatasetWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Hostile input for the strict reader, extending {@code DatasetMutationPropertyTest} (which drops
 * fields, changes types, adds unknown fields, duplicates elements and puts hostile text anywhere) with
 * the input errors it does not aim at — references to unknown staff, duplicated ids, the four
 * out-of-order instants of SPEC section 5 — which must be refused at the exact {@code $}-path; with
 * control characters and 1 MB strings in free text, which must be kept exactly; and with deeply nested
 * JSON, which must be refused with a {@code $}-path, never a {@link StackOverflowError}.
 */
class HostileDatasetPropertyTest {
    /** Fields that name a staff member, by the list they are in. */
    private static final Set<String> STAFF_REFERENCES = Set.of(
            "author",
            "outgoing",
            "incoming",
            "reportedBy",
            "staff",
            "supervisor",
            "publishedBy",
            "approvedBy",
            "substitute",
            "coveredBy",
            "to",
            "attendees");

    private static final List<String> REFERENCES = references(Example.gardenCourt(), "");

    private static List<String> references(JsonNode node, String pointer) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = pointer + "/" + field.getKey();
                if (STAFF_REFERENCES.contains(field.getKey())
                        && field.getValue().isTextual()
                        && !pointer.equals("/site")) {
                    out.add(child);
                } else if (field.getKey().equals("attendees")) {
                    for (int i = 0; i < field.getValue().size(); i++) {
                        out.add(child + "/" + i);
                    }
                } else {
                    out.addAll(references(field.getValue(), child));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(references(node.get(i), pointer + "/" + i));
            }
        }
        return out;
    }

    static DatasetException refused(ObjectNode root) {
        Throwable thrown = catchThrowable(() -> new DatasetReader().readString(Example.text(root)));
        assertThat(thrown).as("refused with a DatasetException").isInstanceOf(DatasetException.class);
        DatasetException e = (DatasetException) thrown;
        assertThat(e.path()).startsWith("$");
        assertThat(e.getMessage()).startsWith(e.path() + ": ");
        return e;
    }

    @Test
    void the_example_reads() {
        assertThat(new DatasetReader()
                        .readString(Example.text(Example.gardenCourt()))
                        .entries())
                .isNotEmpty();
        assertThat(REFERENCES).hasSizeGreaterThan(30);
    }

    @Property(tries = 200)
    void a_reference_to_an_unknown_staff_member_is_refused_at_its_path(
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll("ids") String unknown) {
        ObjectNode root = Example.gardenCourt();
        String pointer = REFERENCES.get(where % REFERENCES.size());
        set(root, pointer, "nobody-" + unknown);

        DatasetException e = refused(root);

        assertThat(e.path()).isEqualTo(Example.path(pointer));
        assertThat(e.getMessage()).contains("nobody-" + unknown);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
    }

    @Property(tries = 150)
    void a_duplicated_id_is_refused_naming_the_list(
            @ForAll("listsWithIds") String list, @ForAll @IntRange(min = 0, max = 1000) int which) {
        ObjectNode root = Example.gardenCourt();
        ArrayNode items = (ArrayNode) root.get(list);
        ObjectNode copy = ((ObjectNode) items.get(which % items.size())).deepCopy();
        if (items.size() > 1) {
            // another element takes the id of this one
            int other = (which + 1) % items.size();
            ((ObjectNode) items.get(other)).set("id", copy.get("id"));
        } else {
            items.add(copy);
        }

        DatasetException e = refused(root);

        assertThat(e.path()).startsWith("$." + list + "[");
        assertThat(e.getMessage()).contains(copy.get("id").asText());
    }

    @Provide
    Arbitrary<String> listsWithIds() {
        return Arbitraries.of("staff", "leaves", "handovers", "entries", "incidents", "calls", "absences");
    }

    /** The four orderings SPEC section 5 makes input errors: the later instant set before the earlier. */
    enum Ordering {
        ABSENCE("absences", "from", "to"),
        ENTRY("entries", "at", "closedAt"),
        INCIDENT("incidents", "openedAt", "resolvedAt"),
        LEAVE("leaves", "requestedAt", "approvedAt");

        final String list;
        final String earlier;
        final String later;

        Ordering(String list, String earlier, String later) {
            this.list = list;
            this.earlier = earlier;
            this.later = later;
        }
    }

    @Property(tries = 150)
    void instants_out_of_order_are_refused_at_the_later_one(
            @ForAll Ordering ordering,
            @ForAll @IntRange(min = 0, max = 1000) int which,
            @ForAll @IntRange(min = 1, max = 5_000_000) int secondsBefore) {
        ObjectNode root = Example.gardenCourt();
        ArrayNode items = (ArrayNode) root.get(ordering.list);
        int index = which % items.size();
        ObjectNode item = (ObjectNode) items.get(index);
        OffsetDateTime earlier = OffsetDateTime.parse(item.get(ordering.earlier).asText());
        item.put(ordering.later, earlier.minusSeconds(secondsBefore).toString());

        DatasetException e = refused(root);

        assertThat(e.path()).startsWith("$." + ordering.list + "[" + index + "]");
    }

    @Provide
    Arbitrary<String> controlText() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\u001f')
                .withChars('\u007f', '\u2028', '\u2029', '\ufeff', '"', '\\', '\'', ';', '-', '值', '班')
                .ofMinLength(1)
                .ofMaxLength(40);
    }

    @Property(tries = 150)
    void control_characters_in_free_text_are_kept_exactly(@ForAll("controlText") String text) {
        ObjectNode root = Example.gardenCourt();
        ((ObjectNode) root.get("entries").get(0)).put("text", text);
        ((ObjectNode) root.get("absences").get(0)).put("reason", text);
        ((ObjectNode) root.get("staff").get(0)).put("name", text);

        SiteRecords records = new DatasetReader().readString(Example.text(root));

        assertThat(records.entries().get(0).text()).isEqualTo(text);
        assertThat(records.absences().get(0).reason()).isEqualTo(text);
        assertThat(new DatasetReader().readString(new DatasetWriter().toJson(records)))
                .isEqualTo(records);
    }

    @Property(tries = 150)
    void control_characters_in_ids_and_codes_are_accepted_or_refused_with_a_path(
            @ForAll("controlText") String text, @ForAll @IntRange(min = 0, max = 3) int where) {
        ObjectNode root = Example.gardenCourt();
        String pointer = List.of(
                        "/entries/3/id", "/incidents/0/category", "/site/zone", "/handovers/0/inventory/0/item")
                .get(where);
        set(root, pointer, text);
        Throwable thrown = catchThrowable(() -> new DatasetReader().readString(Example.text(root)));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(DatasetException.class);
            assertThat(((DatasetException) thrown).path()).startsWith("$");
        }
    }

    @Test
    void a_one_megabyte_string_is_kept_exactly() {
        StringBuilder big = new StringBuilder(1 << 20);
        while (big.length() < (1 << 20)) {
            big.append("值班记录 duty log; ' OR '1'='1 -- \u0001 ");
        }
        String text = big.substring(0, 1 << 20);
        ObjectNode root = Example.gardenCourt();
        ((ObjectNode) root.get("entries").get(0)).put("text", text);
        ((ObjectNode) root.get("incidents").get(0)).put("process", text);

        SiteRecords records = new DatasetReader().readString(Example.text(root));

        assertThat(records.entries().get(0).text()).isEqualTo(text);
        assertThat(records.incidents().get(0).process()).isEqualTo(text);
    }

    @Test
    void a_one_megabyte_id_is_accepted_or_refused_with_a_path() {
        ObjectNode root = Example.gardenCourt();
        ((ObjectNode) root.get("entries").get(0)).put("id", "e".repeat(1 << 20));
        Throwable thrown = catchThrowable(() -> new DatasetReader().readString(Example.text(root)));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(DatasetException.class);
            assertThat(((DatasetException) thrown).path()).startsWith("$");
        }
    }

    @Property(tries = 12)
    void deeply_nested_json_is_refused_with_a_path_not_a_stack_overflow(
            @ForAll("depths") int depth, @ForAll("nestingPlaces") String place) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        String json = Example.text(Example.gardenCourt());
        String hostile =
                switch (place) {
                    case "root" -> nested;
                    case "unknown field" -> json.replaceFirst("\\{", "{\"deep\":" + nested + ",");
                    case "entry text" -> json.replaceFirst("\"text\":\"[^\"]*\"", "\"text\":" + nested);
                    default -> json.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":" + nested);
                };

        Throwable thrown = catchThrowable(() -> new DatasetReader().readString(hostile));

        assertThat(thrown).as("depth %d at %s", depth, place).isInstanceOf(DatasetException.class);
        assertThat(((DatasetException) thrown).path()).startsWith("$");
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.of(1_001, 5_000, 100_000, 1_000_000);
    }

    @Provide
    Arbitrary<String> nestingPlaces() {
        return Arbitraries.of("root", "unknown field", "entry text", "roles");
    }

    private static void set(ObjectNode root, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).put(last, value);
        }
    }
}
