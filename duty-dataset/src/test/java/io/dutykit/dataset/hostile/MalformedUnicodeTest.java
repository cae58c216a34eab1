package io.dutykit.dataset.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dutykit.core.SiteRecords;
import io.dutykit.dataset.DatasetException;
import io.dutykit.dataset.DatasetReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 7: the reader refuses bytes that are not UTF-8 — an overlong {@code C0 AF} (read as
 * {@code /} before), CESU-8's encoded surrogates, a cut-short character — and text holding an unpaired
 * surrogate written as an escape, naming the byte or the JSON path. The log's canonical bytes have no
 * form for any of them (before, a lone surrogate was hashed as {@code ?}).
 */
class MalformedUnicodeTest {
    private static final String MARK = "@@TEXT@@";

    /** The example with the first entry's text replaced by {@code bytes}, written as raw bytes. */
    private static byte[] withTextBytes(String hex) throws Exception {
        ObjectNode root = Example.gardenCourt();
        ((ObjectNode) root.get("entries").get(0)).put("text", MARK);
        String json = Example.JSON.writeValueAsString(root);
        int at = json.indexOf(MARK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write("pipe ".getBytes(StandardCharsets.US_ASCII));
        out.write(HexFormat.of().parseHex(hex.replace(" ", "")));
        out.write(json.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static DatasetException refused(byte[] bytes) {
        DatasetException[] caught = new DatasetException[1];
        assertThatThrownBy(() -> new DatasetReader().read(new ByteArrayInputStream(bytes), "hostile.json"))
                .isInstanceOfSatisfying(DatasetException.class, e -> caught[0] = e);
        return caught[0];
    }

    @Test
    void overlong_cesu_8_and_cut_short_bytes_are_refused_naming_the_byte() throws Exception {
        record Case(String hex, String shown, String what) {}
        for (Case c : List.of(
                new Case("C0 AF", "C0", "an overlong encoding"),
                new Case("E0 80 AF", "E0 80", "an overlong encoding"),
                new Case("ED A0 BD ED B8 92", "ED A0", "an encoded surrogate (CESU-8"),
                new Case("ED B0 80", "ED B0", "an encoded surrogate"),
                new Case("F4 90 80 80", "F4 90", "a code point above U+10FFFF"),
                new Case("E6 97 41", "E6 97 41", "a character cut short"),
                new Case("80", "80", "a continuation byte where a character should start"),
                new Case("FF", "FF", "a byte UTF-8 never uses"))) {
            byte[] bytes = withTextBytes(c.hex());
            int expectedOffset = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("pipe ") + 5;

            DatasetException e = refused(bytes);

            assertThat(e.getMessage())
                    .as(c.hex())
                    .contains("malformed UTF-8 at byte " + expectedOffset)
                    .contains(c.shown() + " is " + c.what())
                    .contains("save the file as UTF-8");
            assertThat(e.source()).contains("hostile.json");
        }
    }

    @Test
    void an_escaped_unpaired_surrogate_is_refused_at_its_path() throws Exception {
        ObjectNode root = Example.gardenCourt();
        ((ObjectNode) root.get("entries").get(0)).put("text", "pipe @@ burst");
        String json = Example.JSON.writeValueAsString(root).replace("@@", "\\ud800");

        DatasetException e = refused(json.getBytes(StandardCharsets.UTF_8));

        assertThat(e.path()).isEqualTo("$.entries[0].text");
        assertThat(e.getMessage()).contains("unpaired surrogate (\\ud800) at character 5");
        // a Java string handed to readString is refused too, rather than encoded with a '?'
        assertThatThrownBy(() -> new DatasetReader().readString(json.replace("\\ud800", "\ud800")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void valid_four_byte_and_escaped_pairs_are_read_exactly() throws Exception {
        SiteRecords raw = new DatasetReader().read(new ByteArrayInputStream(withTextBytes("F0 9F 9A 92 E7 81 AB")));
        assertThat(raw.entries().get(0).text()).isEqualTo("pipe 🚒火");

        ObjectNode root = Example.gardenCourt();
        ((ObjectNode) root.get("entries").get(0)).put("text", "🚒");
        String escaped = Example.JSON.writeValueAsString(root).replace("🚒", "\\ud83d\\ude92");
        assertThat(new DatasetReader().readString(escaped).entries().get(0).text())
                .isEqualTo("🚒");
    }

    @Test
    void a_multi_site_list_names_the_site_of_the_bad_text() throws Exception {
        ObjectNode bad = Example.gardenCourt();
        ((ObjectNode) bad.get("site")).put("id", "second");
        ((ObjectNode) bad.get("entries").get(1)).put("text", "@@");
        String json = "[" + Example.JSON.writeValueAsString(Example.gardenCourt()) + ","
                + Example.JSON.writeValueAsString(bad).replace("@@", "\\udc00") + "]";

        assertThatThrownBy(() -> new DatasetReader()
                        .forEachSite(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null, s -> {}))
                .isInstanceOfSatisfying(
                        DatasetException.class, e -> assertThat(e.path()).isEqualTo("$[1].entries[1].text"));
    }
}
