package io.dutykit.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The quick reading of canonical instants gives what the ISO parser gives, or steps aside. */
class CanonicalInstantTest {
    @Property(tries = 500)
    void reads_back_every_canonical_instant(@ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long millis) {
        Instant at = Instant.ofEpochMilli(millis);

        assertThat(CanonicalJson.canonicalInstant(CanonicalJson.instant(at))).isEqualTo(at);
    }

    @Provide
    Arbitrary<String> nearlyCanonical() {
        // the canonical shape with any digits: invalid months, days, hours, leap seconds, 29 February
        return Arbitraries.strings()
                .withChars("0123456789")
                .ofLength(17)
                .map(d -> d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8) + "T"
                        + d.substring(8, 10) + ":" + d.substring(10, 12) + ":" + d.substring(12, 14) + "."
                        + d.substring(14, 17) + "Z")
                .injectDuplicates(0.01)
                .edgeCases(e -> e.add("2024-02-29T23:59:59.999Z")
                        .add("2023-02-29T00:00:00.000Z")
                        .add("2026-11-02T09:25:60.000Z")
                        .add("0000-01-01T00:00:00.000Z"));
    }

    @Property(tries = 1000)
    void agrees_with_the_iso_parser_or_steps_aside(@ForAll("nearlyCanonical") String text) {
        Instant quick = CanonicalJson.canonicalInstant(text);
        Instant iso;
        try {
            iso = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            iso = null;
        }
        if (quick != null) {
            assertThat(quick).isEqualTo(iso);
        }
        if (iso != null && !text.substring(17, 19).equals("60")) {
            assertThat(quick).isEqualTo(iso.truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
