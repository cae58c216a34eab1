package io.dutykit.dataset.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's example dataset ({@code examples/data/garden-court.json}), fresh for each change. */
final class Example {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path FILE = locate();
    private static final ObjectNode GARDEN_COURT = load();

    private Example() {}

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/data/garden-court.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "examples/data/garden-court.json not found above " + Path.of("").toAbsolutePath());
    }

    private static ObjectNode load() {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode gardenCourt() {
        return GARDEN_COURT.deepCopy();
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code $}-path of a JSON pointer: {@code /entries/0/author} is {@code $.entries[0].author}. */
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
}
