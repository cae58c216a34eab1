package io.dutykit.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalJsonFieldsTest {
    private static final String TEXT = "{\"at\":\"2026-11-02T09:25:00.000Z\",\"id\":\"e-1\","
            + "\"items\":[{\"id\":\"inner\",\"n\":-3,\"ok\":true,\"x\":null},[],{}],"
            + "\"note\":\"a \\\"quoted\\\" \\u00e9 \\\\ line\\n\",\"signatures\":{\"id\":\"nested\"}}";

    @Test
    void reads_only_the_named_top_level_fields_with_the_values_read_gives() {
        Map<String, Object> fields = CanonicalJson.readFields(TEXT, Set.of("id", "at", "month"));

        assertThat(fields).containsOnlyKeys("at", "id");
        Map<String, Object> whole = CanonicalJson.readObject(TEXT);
        assertThat(fields.get("id")).isEqualTo(whole.get("id")).isEqualTo("e-1");
        assertThat(fields.get("at")).isEqualTo(whole.get("at"));
        assertThat(CanonicalJson.readFields(TEXT, Set.of("items", "note")))
                .containsEntry("items", whole.get("items"))
                .containsEntry("note", whole.get("note"));
    }

    @Test
    void refuses_what_read_refuses_even_in_skipped_values() {
        for (String bad : List.of(
                "{\"id\":\"a\",\"x\":[1,}",
                "{\"id\":\"a\",\"x\":\"\\q\"}",
                "{\"id\":\"a\",\"x\":\"\\u12g4\"}",
                "{\"id\":\"a\",\"x\":1.5}",
                "{\"id\":\"a\",\"x\":\"open}",
                "{\"id\":\"a\"} trailing",
                "[\"id\"]")) {
            assertThatThrownBy(() -> CanonicalJson.readObject(bad)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> CanonicalJson.readFields(bad, Set.of("id")))
                    .as(bad)
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void the_hash_from_stored_text_is_the_hash_of_the_canonical_bytes() {
        Map<String, Object> data = new LinkedHashMap<>(CanonicalJson.readObject(TEXT));
        for (String actor : new String[] {"li \"the\" officer\u0001", null}) {
            LogRecord record = new LogRecord(
                    7,
                    "id-\\7",
                    "ENTRY_APPENDED",
                    Instant.parse("2026-11-02T09:25:00.123456Z"),
                    actor,
                    data,
                    LogRecord.GENESIS,
                    null);
            byte[] canonical = LogChain.canonicalBytes(record);
            var digest = CanonicalJson.sha256();
            digest.update(canonical);
            digest.update(LogRecord.GENESIS.getBytes(StandardCharsets.US_ASCII));
            String expected = HexFormat.of().formatHex(digest.digest());

            assertThat(LogChain.hashOf(record)).isEqualTo(expected);
            assertThat(LogChain.hashOf(record, CanonicalJson.write(data))).isEqualTo(expected);
        }
    }
}
