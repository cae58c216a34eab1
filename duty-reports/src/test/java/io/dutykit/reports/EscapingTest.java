package io.dutykit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a record holds, no output format lets it become markup, syntax or a formula. */
class EscapingTest {

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.of(
                "<script>",
                "</script>",
                "<",
                ">",
                "&",
                "\"",
                "'",
                "|",
                "*",
                "_",
                "`",
                "[x](y)",
                "#",
                "\\",
                ",",
                "\n",
                "\r\n",
                "=",
                "+",
                "-",
                "@",
                "=HYPERLINK(\"x\")",
                "' OR '1'='1",
                ";",
                "--",
                "\u0000",
                "\u0007",
                "王芳",
                "😀",
                " ",
                "a",
                "WATER_LEAK");
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    @Property
    void html_text_never_contains_markup_characters(@ForAll("hostile") String text) {
        String html = Escaping.html(text);

        assertThat(html).doesNotContain("<", ">", "\"", "'");
        assertThat(html.replace("&amp;", "")
                        .replace("&lt;", "")
                        .replace("&gt;", "")
                        .replace("&quot;", "")
                        .replace("&#39;", ""))
                .doesNotContain("&");
    }

    @Property
    void markdown_text_never_contains_html_or_an_unescaped_pipe_or_line_break(@ForAll("hostile") String text) {
        String md = Escaping.markdown(text);

        assertThat(md).doesNotContain("<", ">", "\n", "\r");
        assertThat(md.replace("\\\\", "").replace("\\|", "")).doesNotContain("|");
    }

    @Property
    void csv_field_reads_back_as_the_text_with_a_formula_guard(@ForAll("hostile") String text) {
        String field = Escaping.csv(text, true);

        String read = readField(field);
        boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
        assertThat(read).isEqualTo(formula ? "'" + text : text);
    }

    /** A minimal RFC 4180 reader of one field: the whole input must be exactly one field. */
    private static String readField(String field) {
        if (!field.startsWith("\"")) {
            assertThat(field).doesNotContain(",", "\"", "\n", "\r");
            return field;
        }
        assertThat(field).endsWith("\"");
        String inner = field.substring(1, field.length() - 1);
        List<String> parts = new ArrayList<>(List.of(inner.split("\"\"", -1)));
        for (String part : parts) {
            assertThat(part).doesNotContain("\"");
        }
        return String.join("\"", parts);
    }
}
