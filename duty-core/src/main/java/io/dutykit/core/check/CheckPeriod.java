package io.dutykit.core.check;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The range of duty dates a check looks at, {@code from} to {@code to} inclusive (SPEC section 4).
 *
 * <p>A period is bounded, so that a mistyped or hostile one is refused up front instead of exhausting
 * memory (a check makes facts for every duty date): it lies between {@link #EARLIEST} and {@link
 * #LATEST} and spans at most {@link #MAX_DAYS} days (ten years; records are kept three).
 */
public record CheckPeriod(LocalDate from, LocalDate to) {
    /** The first duty date a period may start on. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The last duty date a period may end on. */
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    /** The most days a period may span, both ends included: ten years. */
    public static final int MAX_DAYS = 3653;

    public CheckPeriod {
        Checks.required(from, "from");
        Checks.required(to, "to");
        if (to.isBefore(from)) {
            throw InvalidValueException.of(
                    "the period ends (%s) before it starts (%s); give --from before --to", to, from);
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw InvalidValueException.of(
                    "the period %s to %s lies outside %s to %s; give --from and --to within those dates",
                    from, to, EARLIEST, LATEST);
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw InvalidValueException.of(
                    "the period %s to %s spans %d days, more than the %d (ten years) a check or report covers;"
                            + " give a shorter --from/--to and check the rest separately",
                    from, to, days, MAX_DAYS);
        }
    }

    public static CheckPeriod of(YearMonth month) {
        return new CheckPeriod(month.atDay(1), month.atEndOfMonth());
    }

    /**
     * The months a site's rosters cover, from the first day of the earliest to the last day of the latest:
     * the period a check, a report or a rules diff takes when none is given; empty when the site has no
     * roster.
     */
    public static Optional<CheckPeriod> rostered(SiteRecords site) {
        Optional<YearMonth> first = site.rosters().stream().map(r -> r.month()).min(YearMonth::compareTo);
        Optional<YearMonth> last = site.rosters().stream().map(r -> r.month()).max(YearMonth::compareTo);
        return first.map(f -> new CheckPeriod(f.atDay(1), last.orElseThrow().atEndOfMonth()));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** True when the month overlaps the period. */
    public boolean overlaps(YearMonth month) {
        return !month.atEndOfMonth().isBefore(from) && !month.atDay(1).isAfter(to);
    }

    /** True when the inclusive date range overlaps the period. */
    public boolean overlaps(LocalDate first, LocalDate last) {
        return !last.isBefore(from) && !first.isAfter(to);
    }
}
