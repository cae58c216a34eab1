package io.dutykit.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one Jackson set-up of this module: strict JSON, duplicate keys refused (while the tree is built,
 * which costs far less than the parser's own duplicate detection), numbers kept as written.
 */
final class Json {
    static final JsonFactory FACTORY =
            JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    static final JsonMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {}

    /** A malformed-JSON error at the path where the parser stopped, with its line and column. */
    static DatasetException malformed(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String path = e.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "$";
        String reason = e.getOriginalMessage() == null ? "" : ": " + firstLine(e.getOriginalMessage());
        return new DatasetException(
                path, "malformed JSON" + where + reason + "; expected well-formed JSON (RFC 8259)", null, e);
    }

    /** The JSON path of a parser position, e.g. {@code $[2].handovers[0].id}. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push(StrictValues.member("", c.getCurrentName()));
            }
        }
        return "$" + String.join("", parts);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
