package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.port.LiveSlice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The records {@code due} reads for one question "what falls due in {@code [asOf, until]}"
 * ({@link Deadlines#window}): a store needs to load only this slice of a site's history, however
 * long the history is. Everything else — entries, calls, absences, leaves, trainings, reviews and
 * reports of other dates — cannot change the answer.
 *
 * @param firstDate the first duty date whose handovers, duty reports and log reviews are read
 * @param lastDate the last such duty date
 * @param firstMonth the first month whose roster is read
 * @param lastMonth the last such month
 * @param openedFrom incidents opened at or after this instant are read …
 * @param openedUntil … up to this instant, inclusive
 */
public record DueWindow(
        LocalDate firstDate,
        LocalDate lastDate,
        YearMonth firstMonth,
        YearMonth lastMonth,
        Instant openedFrom,
        Instant openedUntil) {
    public DueWindow {
        Checks.required(firstDate, "firstDate");
        Checks.required(lastDate, "lastDate");
        Checks.required(firstMonth, "firstMonth");
        Checks.required(lastMonth, "lastMonth");
        Checks.required(openedFrom, "openedFrom");
        Checks.required(openedUntil, "openedUntil");
    }

    /** True when the duty date's handovers, duty reports and reviews are read. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(firstDate) && !date.isAfter(lastDate);
    }

    /** True when the month's roster is read. */
    public boolean covers(YearMonth month) {
        return !month.isBefore(firstMonth) && !month.isAfter(lastMonth);
    }

    /** True when an incident opened at the instant is read. */
    public boolean coversOpening(Instant openedAt) {
        return !openedAt.isBefore(openedFrom) && !openedAt.isAfter(openedUntil);
    }

    /**
     * What a store reads for this window ({@link io.dutykit.core.port.LiveReader}): the staff, the
     * rosters of the window's months, the handovers, leaves, duty reports and reviews of its dates, and
     * the incidents opened in it.
     */
    public LiveSlice liveSlice() {
        return LiveSlice.dates(firstDate, lastDate)
                .withMonths(firstMonth, lastMonth)
                .withIncidentsOpened(openedFrom, openedUntil);
    }

    /** Only what {@code due} reads of the records: {@link #liveSlice()} applied to them. */
    public SiteRecords slice(SiteRecords records) {
        return liveSlice().apply(records);
    }
}
