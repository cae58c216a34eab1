package io.dutykit.dataset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.SiteRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;

/** The garden-court example as a JSON tree to mutate, and short ways to read one. */
final class TestData {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode GARDEN_COURT = load();

    private TestData() {}

    private static ObjectNode load() {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(ExampleDatasetTest.GARDEN_COURT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh copy of the example dataset. */
    static ObjectNode gardenCourt() {
        return GARDEN_COURT.deepCopy();
    }

    static ObjectNode gardenCourt(Consumer<ObjectNode> change) {
        ObjectNode root = gardenCourt();
        change.accept(root);
        return root;
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SiteRecords read(JsonNode node) {
        return new DatasetReader().readString(text(node));
    }

    /** The error reading the example changed by {@code change}. */
    static DatasetException refused(Consumer<ObjectNode> change) {
        return refusedText(text(gardenCourt(change)));
    }

    static DatasetException refusedText(String json) {
        DatasetException[] caught = new DatasetException[1];
        assertThatThrownBy(() -> new DatasetReader().readString(json))
                .isInstanceOf(DatasetException.class)
                .satisfies(e -> caught[0] = (DatasetException) e);
        return caught[0];
    }

    /** The object at a JSON pointer such as {@code /handovers/2}. */
    static ObjectNode object(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    static ArrayNode array(JsonNode root, String pointer) {
        return (ArrayNode) root.at(pointer);
    }

    /** {@code /handovers/2/id} as the reader's path {@code $.handovers[2].id}. */
    static String path(String pointer) {
        StringBuilder out = new StringBuilder("$");
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit)) {
                out.append('[').append(part).append(']');
            } else {
                out.append('.').append(part);
            }
        }
        return out.toString();
    }

    /** Sets the value at a pointer (its parent must exist). */
    static void set(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    static void set(JsonNode root, String pointer, String value) {
        set(root, pointer, JSON.getNodeFactory().textNode(value));
    }

    static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }
}
