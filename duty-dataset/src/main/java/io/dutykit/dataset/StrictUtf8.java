package io.dutykit.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.dutykit.core.chain.CanonicalJson;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * Text enters a dataset as well-formed Unicode or not at all (docs/dataset.md, "Encoding"): the bytes
 * must be UTF-8 as RFC 3629 defines it — no overlong form ({@code C0 AF} for {@code /}), no encoded
 * surrogate (CESU-8, {@code ED A0 80}), no stray or missing continuation byte — and no string may hold
 * an unpaired surrogate written as a {@code \}{@code ud800} escape. The JSON parser accepts all of these;
 * the log's canonical bytes have no form for them (docs/log-integrity.md).
 */
final class StrictUtf8 {
    private StrictUtf8() {}

    /** The stream, refusing malformed UTF-8 with a {@link DatasetException} naming the byte and line. */
    static InputStream checked(InputStream in) {
        return new Checked(in);
    }

    /**
     * Refuses a tree holding a string or a key with an unpaired surrogate, naming its JSON path.
     *
     * @param path the path of {@code node}, e.g. {@code $} or {@code $[2]}
     */
    static void requireValidUnicode(JsonNode node, String path) {
        if (node == null) {
            return; // nothing to check: the decoder names what is missing
        }
        if (node.isTextual()) {
            String text = node.textValue();
            int at = CanonicalJson.unpairedSurrogate(text);
            if (at >= 0) {
                throw new DatasetException(
                        path,
                        String.format(
                                "the text holds an unpaired surrogate (\\u%04x) at character %d, which no UTF-8 text"
                                        + " holds; expected valid Unicode text (a character above U+FFFF is written"
                                        + " as a high surrogate followed by a low one)",
                                (int) text.charAt(at), at));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireValidUnicode(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String member = StrictValues.member(path, field.getKey());
                if (CanonicalJson.unpairedSurrogate(field.getKey()) >= 0) {
                    throw new DatasetException(
                            member,
                            "the field name holds an unpaired surrogate, which no UTF-8 text holds; expected valid"
                                    + " Unicode text");
                }
                requireValidUnicode(field.getValue(), member);
            }
        }
    }

    /** Checks the bytes as they pass, across reads. */
    private static final class Checked extends FilterInputStream {
        /** Continuation bytes still expected, and the range the next one must fall in. */
        private int remaining;

        private int low = 0x80;
        private int high = 0xBF;
        private long offset;
        private long line = 1;
        /** The bytes of the sequence so far, for the message. */
        private int sequence;

        private int sequenceLength;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end();
            } else {
                check((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            int n = super.read(buffer, from, length);
            if (n < 0) {
                end();
                return n;
            }
            for (int i = from; i < from + n; i++) {
                byte b = buffer[i];
                if (b >= 0 && remaining == 0) {
                    // ASCII, the common case
                    offset++;
                    if (b == '\n') {
                        line++;
                    }
                    continue;
                }
                check(b);
            }
            return n;
        }

        private void check(byte value) {
            int b = value & 0xff;
            if (remaining == 0) {
                sequence = b;
                sequenceLength = 1;
                if (b < 0x80) {
                    if (b == '\n') {
                        line++;
                    }
                } else if (b >= 0xC2 && b <= 0xDF) {
                    expect(1, 0x80, 0xBF);
                } else if (b == 0xE0) {
                    expect(2, 0xA0, 0xBF);
                } else if (b == 0xED) {
                    expect(2, 0x80, 0x9F);
                } else if (b >= 0xE1 && b <= 0xEF) {
                    expect(2, 0x80, 0xBF);
                } else if (b == 0xF0) {
                    expect(3, 0x90, 0xBF);
                } else if (b == 0xF4) {
                    expect(3, 0x80, 0x8F);
                } else if (b >= 0xF1 && b <= 0xF3) {
                    expect(3, 0x80, 0xBF);
                } else {
                    throw malformed(
                            b == 0xC0 || b == 0xC1
                                    ? "an overlong encoding (a character written with more bytes than UTF-8 allows)"
                                    : b < 0xC0
                                            ? "a continuation byte where a character should start"
                                            : "a byte UTF-8 never uses");
                }
            } else {
                sequence = (sequence << 8) | b;
                sequenceLength++;
                if (b < low || b > high) {
                    throw malformed(
                            b < 0x80 || b > 0xBF
                                    ? "a character cut short"
                                    : (sequence >>> 8) == 0xED
                                            ? "an encoded surrogate (CESU-8 or modified UTF-8, not UTF-8)"
                                            : (sequence >>> 8) == 0xF4
                                                    ? "a code point above U+10FFFF"
                                                    : "an overlong encoding");
                }
                remaining--;
                low = 0x80;
                high = 0xBF;
            }
            offset++;
        }

        private void expect(int count, int lo, int hi) {
            remaining = count;
            low = lo;
            high = hi;
        }

        private void end() {
            if (remaining > 0) {
                throw malformed("a character cut short by the end of the input");
            }
        }

        private DatasetException malformed(String what) {
            StringBuilder bytes = new StringBuilder();
            for (int i = sequenceLength - 1; i >= 0; i--) {
                bytes.append(String.format("%02X", (sequence >>> (8 * i)) & 0xff));
                if (i > 0) {
                    bytes.append(' ');
                }
            }
            long first = offset - (sequenceLength - 1);
            return new DatasetException(
                    "$",
                    "malformed UTF-8 at byte " + first + " (line " + line + "): " + bytes + " is " + what
                            + "; expected UTF-8 text — save the file as UTF-8");
        }
    }
}
