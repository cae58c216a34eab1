package io.dutykit.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The streaming hasher hashes exactly the canonical bytes that {@link LogChain#hashOf(LogRecord)} hashes. */
class ChainHasherTest {
    private static final Instant T = Instant.parse("2026-11-02T09:25:00.123Z");

    @Provide
    Arbitrary<String> texts() {
        // hostile text: quotes, back-slashes, control characters, lone surrogates, emoji, Chinese
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of(
                        "王芳",
                        "\"; DROP TABLE duty_log; --",
                        "' OR '1'='1",
                        "a\\b\"c\u0001\u001f",
                        "🚒",
                        "\ud800",
                        "x\udc00y",
                        ""));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(-62_000_000_000_000L, 260_000_000_000_000L)
                .map(Instant::ofEpochMilli)
                .flatMap(at -> Arbitraries.integers().between(0, 999_999).map(at::plusNanos));
    }

    @Property(tries = 500)
    void hashes_the_bytes_log_chain_hashes(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seq,
            @ForAll("texts") String id,
            @ForAll("texts") String type,
            @ForAll("instants") Instant at,
            @ForAll("texts") String actor,
            @ForAll("texts") String text,
            @ForAll("texts") String prevHash) {
        String recordId = id.isBlank() ? "id" + id : id;
        String recordType = type.isBlank() ? "T" + type : type;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", text);
        data.put("list", List.of(text, 1L, true));
        LogRecord record = new LogRecord(seq, recordId, recordType, at, actor, data, prevHash, null);
        ChainHasher hasher = new ChainHasher();
        boolean valid = java.util.stream.Stream.of(recordId, recordType, actor, text, prevHash)
                .allMatch(t -> t == null || CanonicalJson.unpairedSurrogate(t) < 0);
        if (!valid) {
            // text with an unpaired surrogate has no UTF-8 bytes: both refuse it rather than hash a '?'
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogChain.hashOf(record))
                    .isInstanceOf(CanonicalJsonException.class);
            String data0 = "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> hasher.hashOf(seq, recordId, recordType, at, actor, data0, prevHash))
                    .isInstanceOf(CanonicalJsonException.class);
            return;
        }
        String expected = LogChain.hashOf(record);

        String canonical = CanonicalJson.write(data);
        assertThat(hasher.hashOf(seq, recordId, recordType, at, actor, canonical, prevHash))
                .isEqualTo(expected);
        assertThat(hasher.matches(seq, recordId, recordType, at, actor, canonical, prevHash, expected))
                .isTrue();
        assertThat(hasher.matches(seq, recordId, recordType, at, null, canonical, prevHash, expected))
                .isEqualTo(actor == null);
        assertThat(hasher.matches(seq, recordId, recordType, at, actor, canonical, prevHash, expected.toUpperCase()))
                .isEqualTo(expected.equals(expected.toUpperCase()));
    }

    @Test
    void hashes_the_documented_canonical_bytes_followed_by_prev_hash() throws Exception {
        String data = "{\"id\":\"e-1\",\"text\":\"水管\\\"漏\\u0001\"}";
        String expectedText = "{\"actor\":\"wang\",\"at\":\"2026-11-02T09:25:00.123Z\",\"data\":" + data
                + ",\"id\":\"e-1\",\"prevHash\":\"" + LogRecord.GENESIS + "\",\"seq\":1,\"type\":\"ENTRY_APPENDED\"}";
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(expectedText.getBytes(StandardCharsets.UTF_8));
        digest.update(LogRecord.GENESIS.getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(digest.digest());

        ChainHasher hasher = new ChainHasher();

        assertThat(hasher.hashOf(1, "e-1", "ENTRY_APPENDED", T.plusNanos(456_789), "wang", data, LogRecord.GENESIS))
                .isEqualTo(expected);
        assertThat(hasher.matches(1, "e-1", "ENTRY_APPENDED", T, "wang", data, LogRecord.GENESIS, expected))
                .isTrue();
        assertThat(hasher.matches(
                        1, "e-1", "ENTRY_APPENDED", T.plusMillis(1), "wang", data, LogRecord.GENESIS, expected))
                .isFalse();
        assertThat(hasher.matches(1, "e-1", "ENTRY_APPENDED", T, "wang", data, LogRecord.GENESIS, expected + " "))
                .isFalse();
    }
}
