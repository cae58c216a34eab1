package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --from}, {@code --to} and {@code --as-of}. */
final class PeriodOptions {
    /** Tests pin "now" through this clock. */
    static Clock clock = Clock.systemUTC();

    @Option(
            names = "--from",
            paramLabel = "D",
            description = "first duty date of the period (default: first month a roster covers)")
    String from;

    @Option(
            names = "--to",
            paramLabel = "D",
            description = "last duty date of the period (default: last month a roster covers)")
    String to;

    @Option(
            names = "--as-of",
            paramLabel = "INSTANT",
            description = "\"now\" for the check, ISO-8601 with offset (default: now)")
    String asOf;

    Instant asOf() {
        if (asOf == null) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw UserError.of(
                    "--as-of %s is not an instant; give ISO-8601 with an offset such as 2026-11-30T23:59:00+08:00",
                    asOf);
        }
    }

    CheckPeriod periodFor(SiteRecords site) {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (first == null || last == null) {
            CheckPeriod rostered = CheckCommand.rosterPeriod(site);
            first = first == null ? rostered.from() : first;
            last = last == null ? rostered.to() : last;
        }
        if (last.isBefore(first)) {
            throw UserError.of("--to %s is before --from %s", last, first);
        }
        return new CheckPeriod(first, last);
    }

    /**
     * The period reported for a site whose stored records cannot be read (only its broken chain is
     * reported): {@code --from} and {@code --to}, or else the as-of day.
     */
    CheckPeriod periodWithoutRecords(Instant asOf) {
        LocalDate day = asOf.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        first = first == null ? (last == null || !last.isBefore(day) ? day : last) : first;
        last = last == null || last.isBefore(first) ? first : last;
        return new CheckPeriod(first, last);
    }

    static LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw UserError.of("%s %s is not a date; give YYYY-MM-DD such as 2026-11-02", option, value);
        }
    }
}
