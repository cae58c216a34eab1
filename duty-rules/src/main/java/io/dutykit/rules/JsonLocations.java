package io.dutykit.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each value of a JSON text is (line and column of its member name, or of an array element), so
 * that an error found in the tree — a dataset's {@code $.handovers[0].incomingArrivedAt}, a scenario's
 * {@code $.expect[1]} — can name the place a person edits; and what a syntax error means, in words a
 * compliance officer can act on (a full-width comma typed with a Chinese input method, an extra
 * comma, a missing one).
 */
final class JsonLocations {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]|\\[\"([^\"]*)\"]");
    /** Characters a Chinese input method types where JSON wants ASCII punctuation, with the ASCII meant. */
    private static final Map<Character, String> FULL_WIDTH = Map.of(
            '\uFF0C', ",", '\uFF1A', ":", '\u201C', "\"", '\u201D', "\"", '\uFF5B', "{", '\uFF5D', "}", '\uFF3B', "[",
            '\uFF3D', "]", '\u3001', ",", '\uFF02', "\"");

    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.)' \\(code (\\d+)");

    private final Map<String, int[]> places;

    private JsonLocations(Map<String, int[]> places) {
        this.places = places;
    }

    /** The places of every value of a text that is valid JSON (nothing is known of an invalid one). */
    static JsonLocations of(String text) {
        Map<String, int[]> places = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != null) {
                walk(parser, "", places);
            }
        } catch (IOException e) {
            // an invalid text has no places; its syntax error is reported on its own
        }
        return new JsonLocations(places);
    }

    private static void walk(JsonParser parser, String pointer, Map<String, int[]> places) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        places.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String child = pointer + "/" + parser.currentName();
                JsonLocation name = parser.currentTokenLocation();
                places.put(child, new int[] {name.getLineNr(), name.getColumnNr()});
                parser.nextToken();
                walk(parser, child, places);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                walk(parser, pointer + "/" + index++, places);
            }
        }
    }

    /** The line and column of the value at a JSON path ({@code $.a.b[0]}), or of its nearest parent in the text. */
    int[] find(String path) {
        String pointer = pointer(path);
        while (true) {
            int[] place = places.get(pointer);
            if (place != null || pointer.isEmpty()) {
                return place == null ? new int[] {0, 0} : place;
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
    }

    /** True when the text holds a value at the path (not only a parent of it). */
    boolean has(String path) {
        return places.containsKey(pointer(path));
    }

    /** {@code $.dataset.handovers[0].id} as {@code /dataset/handovers/0/id}. */
    static String pointer(String path) {
        StringBuilder pointer = new StringBuilder();
        Matcher m = STEP.matcher(path.startsWith("$") ? path.substring(1) : path);
        while (m.find()) {
            pointer.append('/').append(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return pointer.toString();
    }

    /** A syntax error as a problem of the file: where it is and what it means, zh and en. */
    static RuleProblem syntaxError(String file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        String original = String.valueOf(e.getOriginalMessage());
        String kind;
        Object[] arguments;
        Matcher m = UNEXPECTED.matcher(original);
        if (m.find()) {
            char c = (char) Integer.parseInt(m.group(2));
            if (FULL_WIDTH.containsKey(c)) {
                kind = "JSON_FULL_WIDTH";
                arguments = new Object[] {String.valueOf(c), String.format("%04X", (int) c), FULL_WIDTH.get(c)};
            } else if (c == ','
                    || (c == '}' || c == ']')
                            && (original.contains("expecting double-quote") || original.contains("expected a value"))) {
                kind = "JSON_EXTRA_COMMA";
                arguments = new Object[] {String.valueOf(c)};
            } else if (original.contains("was expecting comma")) {
                kind = "JSON_MISSING_COMMA";
                arguments = new Object[0];
            } else if (original.contains("expecting double-quote")) {
                kind = "JSON_UNQUOTED";
                arguments = new Object[0];
            } else {
                kind = "JSON_UNEXPECTED";
                arguments = new Object[] {"'" + visible(c) + "'"};
            }
        } else if (original.startsWith("Unrecognized token")) {
            kind = "JSON_UNQUOTED";
            arguments = new Object[0];
        } else if (original.contains("end-of-input")) {
            kind = "JSON_END";
            arguments = new Object[0];
        } else {
            kind = "JSON_OTHER";
            arguments = new Object[] {original.lines().findFirst().orElse("")};
        }
        String en = RuleProblem.text(java.util.Locale.ENGLISH, kind, null, arguments);
        String zh = RuleProblem.text(java.util.Locale.SIMPLIFIED_CHINESE, kind, null, arguments);
        return new RuleProblem(
                RuleProblem.Level.ERROR,
                file,
                line,
                column,
                "SCENARIO_JSON",
                RuleProblem.text(java.util.Locale.ENGLISH, "SCENARIO_JSON", null, en),
                RuleProblem.text(java.util.Locale.SIMPLIFIED_CHINESE, "SCENARIO_JSON", null, zh),
                null);
    }

    /** How a character is shown in a message: itself, or {@code U+XXXX} when it is a control or space character. */
    private static String visible(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", (int) c)
                : String.valueOf(c);
    }
}
