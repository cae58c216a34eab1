package io.dutykit.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, findings 2 and 7: stored text that is hostile — nested 100 000 deep, not JSON at all, or
 * holding an unpaired surrogate — is refused with a {@link CanonicalJsonException} naming the
 * problem, never a {@link StackOverflowError} and never a {@code ?} that hashes like a real one.
 */
class CanonicalJsonHostileTest {
    private static final Instant T = Instant.parse("2026-11-02T09:25:00Z");

    private static String nested(String open, String inner, String close, int depth) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    @Test
    void json_nested_deeper_than_the_limit_is_refused_not_a_stack_overflow() {
        for (int depth : new int[] {CanonicalJson.MAX_DEPTH + 1, 10_000, 100_000}) {
            String arrays = nested("[", "", "]", depth);
            String objects = nested("{\"a\":", "1", "}", depth);
            for (String text : List.of(arrays, objects, "{\"id\":\"x\",\"deep\":" + arrays + "}")) {
                assertThatThrownBy(() -> CanonicalJson.read(text))
                        .isInstanceOfSatisfying(CanonicalJsonException.class, e -> assertThat(e.problem())
                                .isEqualTo(CanonicalJsonException.Problem.TOO_DEEP))
                        .hasMessageContaining("more than " + CanonicalJson.MAX_DEPTH + " deep");
            }
            // the skipping reader (key fields only) passes over the deep value without building it
            String skipped = "{\"id\":\"x\",\"deep\":" + arrays + "}";
            assertThatThrownBy(() -> CanonicalJson.readFields(skipped, Set.of("id")))
                    .isInstanceOfSatisfying(CanonicalJsonException.class, e -> assertThat(e.problem())
                            .isEqualTo(CanonicalJsonException.Problem.TOO_DEEP));
        }
    }

    @Test
    void the_limit_itself_is_read_and_written() {
        String deepest = nested("[", "1", "]", CanonicalJson.MAX_DEPTH);
        Object value = CanonicalJson.read(deepest);
        assertThat(CanonicalJson.write(value)).isEqualTo(deepest);
        assertThat(CanonicalJson.readFields(
                        "{\"d\":" + nested("[", "", "]", CanonicalJson.MAX_DEPTH - 1) + "}", Set.of()))
                .isEmpty();

        Object tooDeep = List.of(value);
        assertThatThrownBy(() -> CanonicalJson.write(tooDeep))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> assertThat(e.problem())
                        .isEqualTo(CanonicalJsonException.Problem.TOO_DEEP));
    }

    @Test
    void text_that_is_not_json_is_malformed_and_is_an_invalid_value() {
        for (String text : List.of("not json", "", "{\"a\":", "[1,2", "\"x\"")) {
            assertThatThrownBy(() -> CanonicalJson.readObject(text))
                    .as(text)
                    .isInstanceOf(InvalidValueException.class)
                    .isInstanceOfSatisfying(CanonicalJsonException.class, e -> assertThat(e.problem())
                            .isEqualTo(CanonicalJsonException.Problem.MALFORMED));
            assertThatThrownBy(() -> CanonicalJson.readFields(text, Set.of("id")))
                    .isInstanceOf(CanonicalJsonException.class);
        }
    }

    @Test
    void an_unpaired_surrogate_has_no_canonical_bytes_and_the_error_names_the_field() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", "e-1");
        data.put("items", List.of("ok", Map.of("name", "pipe\ud800")));

        assertThatThrownBy(() -> CanonicalJson.bytes(data))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CanonicalJsonException.Problem.UNPAIRED_SURROGATE);
                    assertThat(e.field()).isEqualTo("items[1].name");
                })
                .hasMessageStartingWith("items[1].name: ")
                .hasMessageContaining("U+D800");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("text", "\udc00 alone")))
                .hasMessageStartingWith("text: ");
        assertThatThrownBy(() -> CanonicalJson.utf8("x\ud83d", "note")).hasMessageStartingWith("note: ");
        assertThatThrownBy(() -> CanonicalJson.sha256Hex("\ud800")).isInstanceOf(CanonicalJsonException.class);
    }

    @Test
    void a_question_mark_and_an_unpaired_surrogate_no_longer_hash_alike() {
        LogRecord real = LogChain.link(null, "e-1", "ENTRY_APPENDED", T, "wang", Map.of("text", "leak?"));
        // what a database writer would put in the stored data: the same text with '?' swapped for U+D800
        String forged = "{\"text\":\"leak\ud800\"}";
        ChainHasher hasher = new ChainHasher();

        assertThatThrownBy(() -> hasher.matches(
                        1, "e-1", "ENTRY_APPENDED", real.at(), "wang", forged, real.prevHash(), real.hash()))
                .isInstanceOfSatisfying(
                        CanonicalJsonException.class, e -> assertThat(e.field()).isEqualTo("data"));
        assertThatThrownBy(() -> LogChain.hashOf(real, forged)).isInstanceOf(CanonicalJsonException.class);
        assertThatThrownBy(() -> hasher.hashOf(1, "e-\ud800", "ENTRY_APPENDED", T, null, "{}", LogRecord.GENESIS))
                .isInstanceOfSatisfying(
                        CanonicalJsonException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThatThrownBy(() -> LogChain.link(null, "e-1", "ENTRY_APPENDED", T, "wang\udfff", Map.of()))
                .isInstanceOfSatisfying(
                        CanonicalJsonException.class, e -> assertThat(e.field()).isEqualTo("actor"));
    }

    @Test
    void a_log_record_without_canonical_bytes_is_a_located_break_not_an_exception() {
        LogRecord first = LogChain.link(null, "e-1", "ENTRY_APPENDED", T, "wang", Map.of("text", "a"));
        LogRecord second = LogChain.link(first, "e-2", "ENTRY_APPENDED", T, "wang", Map.of("text", "b?"));
        Map<String, Object> forged = new LinkedHashMap<>(second.data());
        forged.put("text", "b\ud800");
        LogRecord tampered = new LogRecord(
                2, "e-2", "ENTRY_APPENDED", second.at(), "wang", forged, second.prevHash(), second.hash());

        ChainVerification verification = LogChain.verify(List.of(first, tampered));

        assertThat(verification.isIntact()).isFalse();
        assertThat(verification.firstBreak().problem()).isEqualTo(ChainBreak.Problem.MALFORMED);
        assertThat(verification.firstBreak().recordId()).isEqualTo("e-2");
        assertThat(verification.firstBreak().message()).contains("data.text").contains("U+D800");
    }

    @Test
    void escaped_surrogates_are_read_in_pairs_only() {
        assertThat(CanonicalJson.read("\"\\ud83d\\ude92 fire\"")).isEqualTo("🚒 fire");
        for (String text : List.of("\"\\ud800\"", "\"\\udc00\"", "\"\\ud800x\"", "\"\\ud800\\u0041\"")) {
            assertThatThrownBy(() -> CanonicalJson.read(text))
                    .as(text)
                    .isInstanceOfSatisfying(CanonicalJsonException.class, e -> assertThat(e.problem())
                            .isEqualTo(CanonicalJsonException.Problem.UNPAIRED_SURROGATE));
            assertThatThrownBy(() -> CanonicalJson.readFields("{\"skipped\":" + text + "}", Set.of()))
                    .isInstanceOf(CanonicalJsonException.class);
        }
    }

    @Provide
    Arbitrary<String> validText() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(40),
                        Arbitraries.of("王芳 🚒", "\u0000\u001f\"\\", "é", "\ud83d\ude92\ud83d\ude92"))
                .filter(s -> CanonicalJson.unpairedSurrogate(s) < 0);
    }

    @Property(tries = 300)
    void valid_text_encodes_exactly_as_before(@ForAll("validText") String text) {
        assertThat(CanonicalJson.utf8(text, "text")).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        String canonical = CanonicalJson.write(Map.of("text", text));
        assertThat(CanonicalJson.read(canonical)).isEqualTo(Map.of("text", text));
        List<Object> list = new ArrayList<>();
        list.add(text);
        assertThat(CanonicalJson.bytes(list))
                .isEqualTo(CanonicalJson.write(list).getBytes(StandardCharsets.UTF_8));
    }
}
