package io.dutykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written fast path for instants and dates agrees with java.time's ISO parsers. */
class InstantParsingPropertyTest {

    @Provide
    Arbitrary<String> instants() {
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> year = Arbitraries.of("2026", "2024", "0000", "9999", "202", "20260");
        Arbitrary<String> seconds =
                Arbitraries.of("", ":00", ":59", ":60", ":5", ":07.1", ":07.123456789", ":07.1234567891", ":07.");
        Arbitrary<String> offset = Arbitraries.of(
                "Z", "z", "+08:00", "-03:30", "+18:00", "+19:00", "+08:60", "+0800", "+08", "", "+08:00:00");
        Arbitrary<String> separator = Arbitraries.of("T", "t", " ");
        return Combinators.combine(year, two, two, separator, two, two, seconds, offset)
                .as((y, mo, d, t, h, mi, s, o) -> y + "-" + mo + "-" + d + t + h + ":" + mi + s + o);
    }

    @Property(tries = 2000)
    void the_reader_accepts_exactly_what_offset_date_time_accepts(@ForAll("instants") String text) {
        Instant expected;
        try {
            expected = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> StrictValues.instant(TextNode.valueOf(text), "$.at"))
                    .isInstanceOf(DatasetException.class);
            return;
        }
        assertThat(StrictValues.instant(TextNode.valueOf(text), "$.at")).isEqualTo(expected);
    }

    @Property(tries = 500)
    void the_reader_accepts_exactly_the_valid_calendar_dates(
            @ForAll("years") String year, @ForAll("twoDigits") String month, @ForAll("twoDigits") String day) {
        String text = year + "-" + month + "-" + day;
        LocalDate expected;
        try {
            expected = LocalDate.parse(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> StrictValues.date(TextNode.valueOf(text), "$.date"))
                    .isInstanceOf(DatasetException.class);
            return;
        }
        assertThat(StrictValues.date(TextNode.valueOf(text), "$.date")).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> years() {
        return Arbitraries.of("2026", "2024", "2100", "0000", "999", "12026");
    }

    @Provide
    Arbitrary<String> twoDigits() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 35).map(i -> String.format("%02d", i)),
                Arbitraries.of("1", "a1", "001"));
    }
}
