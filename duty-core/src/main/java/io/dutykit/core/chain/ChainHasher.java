package io.dutykit.core.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Hashes log records the way {@link LogChain#hashOf(LogRecord)} does, from their fields and the stored
 * canonical text of their data, for walking a long chain as a store reads it: one digest and one byte
 * buffer for the whole walk, the envelope written straight as UTF-8 bytes, no record objects, no hex
 * text unless asked for. The bytes hashed are exactly {@link LogChain#canonicalBytes} followed by the
 * ASCII bytes of {@code prevHash}. Not thread-safe: one per walk.
 */
public final class ChainHasher {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest;
    private final byte[] hash = new byte[32];
    private byte[] buffer = new byte[512];
    private int length;

    public ChainHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Whether the record with these fields and this stored canonical data text hashes to {@code
     * storedHash} (64 lower-case hex digits, as {@link LogChain#hashOf(LogRecord)} writes them).
     *
     * @throws CanonicalJsonException naming the field, when a text holds an unpaired surrogate: it has no
     *     canonical bytes (a tampered record; a store reports it as a break at this record)
     */
    public boolean matches(
            long seq,
            String id,
            String type,
            Instant at,
            String actor,
            String canonicalData,
            String prevHash,
            String storedHash) {
        compute(seq, id, type, at, actor, canonicalData, prevHash);
        if (storedHash == null || storedHash.length() != 64) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            int b = hash[i] & 0xff;
            if (storedHash.charAt(2 * i) != HEX[b >>> 4] || storedHash.charAt(2 * i + 1) != HEX[b & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The hash of the record in lower-case hex: {@link LogChain#hashOf(LogRecord, String)}.
     *
     * @throws CanonicalJsonException as {@link #matches} does
     */
    public String hashOf(
            long seq, String id, String type, Instant at, String actor, String canonicalData, String prevHash) {
        compute(seq, id, type, at, actor, canonicalData, prevHash);
        byte[] hex = new byte[64];
        for (int i = 0; i < 32; i++) {
            int b = hash[i] & 0xff;
            hex[2 * i] = HEX[b >>> 4];
            hex[2 * i + 1] = HEX[b & 0xf];
        }
        return new String(hex, StandardCharsets.US_ASCII);
    }

    private void compute(
            long seq, String id, String type, Instant at, String actor, String canonicalData, String prevHash) {
        // {"actor":…,"at":"…","data":…,"id":…,"prevHash":…,"seq":N,"type":…} ‖ prevHash
        length = 0;
        ascii("{\"actor\":");
        stringOrNull("actor", actor);
        ascii(",\"at\":\"");
        instant(at);
        ascii("\",\"data\":");
        digest.update(buffer, 0, length);
        length = 0;
        // the stored text as it is: text that is not canonical hashes differently, as any change should;
        // but text with no UTF-8 form is refused (getBytes would write an unpaired surrogate as '?')
        digest.update(CanonicalJson.utf8(canonicalData, "data"));
        ascii(",\"id\":");
        stringOrNull("id", id);
        ascii(",\"prevHash\":");
        stringOrNull("prevHash", prevHash);
        ascii(",\"seq\":");
        number(seq);
        ascii(",\"type\":");
        stringOrNull("type", type);
        put((byte) '}');
        if (prevHash != null && isPlainAscii(prevHash)) {
            ascii(prevHash);
        } else {
            bytes(String.valueOf(prevHash).getBytes(StandardCharsets.US_ASCII));
        }
        digest.update(buffer, 0, length);
        try {
            digest.digest(hash, 0, hash.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
        }
    }

    /** The text as a JSON string (or null), as {@link CanonicalJson} writes it, in UTF-8. */
    private void stringOrNull(String field, String text) {
        if (text == null) {
            ascii("null");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                StringBuilder escaped = new StringBuilder(text.length() + 8);
                try {
                    CanonicalJson.string(text, escaped);
                } catch (CanonicalJsonException e) {
                    throw e.under(field);
                }
                bytes(escaped.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        put((byte) '"');
        ascii(text);
        put((byte) '"');
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@link CanonicalJson#instant}: UTC, three fraction digits. */
    private void instant(Instant at) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        long seconds = millis.getEpochSecond();
        if (seconds < 0 || seconds >= 253402300800L) {
            ascii(CanonicalJson.instant(millis));
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        digits(date.getYear(), 4);
        put((byte) '-');
        digits(date.getMonthValue(), 2);
        put((byte) '-');
        digits(date.getDayOfMonth(), 2);
        put((byte) 'T');
        digits(secondOfDay / 3600, 2);
        put((byte) ':');
        digits(secondOfDay / 60 % 60, 2);
        put((byte) ':');
        digits(secondOfDay % 60, 2);
        put((byte) '.');
        digits(millis.getNano() / 1_000_000, 3);
        put((byte) 'Z');
    }

    private void number(long value) {
        if (value < 0 || value >= 1_000_000_000_000_000_000L) {
            ascii(Long.toString(value));
            return;
        }
        int width = 1;
        for (long limit = 10; width < 18 && value >= limit; limit *= 10) {
            width++;
        }
        ensure(width);
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            buffer[length + i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += width;
    }

    private void digits(int value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buffer[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    /** Text known to hold only characters below 0x80. */
    @SuppressWarnings("deprecation")
    private void ascii(String text) {
        int n = text.length();
        ensure(n);
        // copies the low byte of each char, which for ASCII text is its UTF-8 byte: one array copy
        // instead of a loop over charAt (the envelope around each record is a third of the walk's work)
        text.getBytes(0, n, buffer, length);
        length += n;
    }

    private void bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
