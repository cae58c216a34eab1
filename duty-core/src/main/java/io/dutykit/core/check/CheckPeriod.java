package io.dutykit.core.check;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import java.time.LocalDate;
import java.time.YearMonth;

/** The range of duty dates a check looks at, {@code from} to {@code to} inclusive (SPEC section 4). */
public record CheckPeriod(LocalDate from, LocalDate to) {
    public CheckPeriod {
        Checks.required(from, "from");
        Checks.required(to, "to");
        if (to.isBefore(from)) {
            throw InvalidValueException.of(
                    "the period ends (%s) before it starts (%s); give --from before --to", to, from);
        }
    }

    public static CheckPeriod of(YearMonth month) {
        return new CheckPeriod(month.atDay(1), month.atEndOfMonth());
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
