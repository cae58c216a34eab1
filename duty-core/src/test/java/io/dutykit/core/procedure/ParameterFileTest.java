package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ParameterFileTest {
    @Test
    void keeps_each_key_with_its_value_and_line() {
        ParameterFile file = ParameterFile.parse(
                "\uFEFF# comment\n! also a comment\n\n  phone.maxRings = 4  \r\nreview.deadline:09:30\nemergency.planCategories=FIRE,\\\n    FLOOD\nlast 7\n",
                "mine.properties");

        assertThat(file.entries())
                .containsExactly(
                        new ParameterFile.Entry("phone.maxRings", "4", 4, 3, 20),
                        new ParameterFile.Entry("review.deadline", "09:30", 5, 1, 17),
                        new ParameterFile.Entry("emergency.planCategories", "FIRE,FLOOD", 6, 1, 26),
                        new ParameterFile.Entry("last", "7", 8, 1, 6));
        assertThat(file.problems()).isEmpty();
        assertThat(file.source()).isEqualTo("mine.properties");
    }

    @Test
    void a_key_given_twice_keeps_the_last_value_and_is_reported() {
        ParameterFile file = ParameterFile.parse("phone.maxRings=4\nphone.maxRings=5\n", "mine.properties");

        assertThat(file.entry("phone.maxRings")).contains(new ParameterFile.Entry("phone.maxRings", "5", 2, 1, 16));
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProcedureProblem.Kind.DUPLICATE_KEY);
            assertThat(p.level()).isEqualTo(ProcedureProblem.Level.WARNING);
            assertThat(p.toString())
                    .isEqualTo("mine.properties line 2: phone.maxRings is given again (first on line 1);"
                            + " the last value counts, keep one");
        });
    }

    @Test
    void a_full_width_colon_or_equals_sign_is_an_error_at_its_column_not_a_key() {
        ParameterFile file = ParameterFile.parse(
                "phone.maxRings=4\n  handover.incomingLeadMinutes\uFF1A10\nphone.maxRings\uFF1D5\n", "mine.properties");

        assertThat(file.entries()).extracting(ParameterFile.Entry::key).containsExactly("phone.maxRings");
        assertThat(file.problems())
                .extracting(ProcedureProblem::toString)
                .containsExactly(
                        "mine.properties line 2, column 31: handover.incomingLeadMinutes is followed by a full-width"
                                + " \"\uFF1A\" (typed with a Chinese input method), so the line is no key=value and its"
                                + " value would be ignored; write handover.incomingLeadMinutes= with the ASCII equals sign",
                        "mine.properties line 3, column 15: phone.maxRings is followed by a full-width \"\uFF1D\""
                                + " (typed with a Chinese input method), so the line is no key=value and its value would"
                                + " be ignored; write phone.maxRings= with the ASCII equals sign");
        assertThat(file.problems().get(0).message(java.util.Locale.CHINESE))
                .isEqualTo("mine.properties 第 2 行第 31 列：handover.incomingLeadMinutes 后面是全角的“\uFF1A”（中文输入法输入），"
                        + "这一行不是“键=值”，其值会被忽略；请写成 handover.incomingLeadMinutes=，用半角等号");
        assertThat(file.problems()).allMatch(ProcedureProblem::isError);
    }

    @Test
    void escapes_are_read_and_a_malformed_one_is_an_error_on_its_line() {
        ParameterFile file = ParameterFile.parse("a=\\u4e2d\\t\\=x\nb=\\u12\n", "mine.properties");

        assertThat(file.entry("a"))
                .hasValueSatisfying(e -> assertThat(e.value()).isEqualTo("中\t=x"));
        assertThat(file.entry("b")).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProcedureProblem.Kind.MALFORMED_ESCAPE);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.isError()).isTrue();
        });
    }

    /** The reader agrees with java.util.Properties on what it reads (values compared trimmed). */
    @Property
    void reads_what_java_util_properties_reads(@ForAll("lines") String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, String> expected = new TreeMap<>();
        properties
                .stringPropertyNames()
                .forEach(k -> expected.put(k, properties.getProperty(k).strip()));

        Map<String, String> read = new TreeMap<>();
        ParameterFile.parse(text, "p").entries().forEach(e -> read.put(e.key(), e.value()));

        assertThat(read).isEqualTo(expected);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> lines() {
        net.jqwik.api.Arbitrary<String> key =
                net.jqwik.api.Arbitraries.of("phone.maxRings", "a.b", "weight.X", "k", "中文键");
        net.jqwik.api.Arbitrary<String> value =
                net.jqwik.api.Arbitraries.strings().withChars("ab 7:=,中#!").ofMaxLength(8);
        net.jqwik.api.Arbitrary<String> separator = net.jqwik.api.Arbitraries.of("=", ":", " ", " = ", "\t");
        net.jqwik.api.Arbitrary<String> line =
                net.jqwik.api.Combinators.combine(key, separator, value).as((k, s, v) -> k + s + v);
        net.jqwik.api.Arbitrary<String> other = net.jqwik.api.Arbitraries.of("", "# comment", "   ", "! bang");
        return net.jqwik.api.Arbitraries.oneOf(line, other).list().ofMaxSize(6).map(l -> String.join("\n", l));
    }
}
