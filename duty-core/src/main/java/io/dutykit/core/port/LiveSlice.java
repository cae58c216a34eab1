package io.dutykit.core.port;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a live call reads of a site (SPEC 8.1: "a bounded slice … through indexed queries, never the
 * whole history"): every part a range a store answers from an index, so its cost does not grow with the
 * years of history. The site and its staff are always read; a part left null is not read at all.
 * {@link #apply} is the one definition of what each part keeps: {@link LiveReader}s return exactly
 * that (the JDBC store through its indexes, the in-memory one by filtering).
 *
 * @param firstDate the first duty date whose handovers, leaves, supervisor reviews and duty reports are
 *     read (with {@code lastDate}; both null: none)
 * @param lastDate the last such duty date, inclusive (before {@code firstDate}: none)
 * @param firstMonth the first month whose roster is read (with {@code lastMonth}; both null: none)
 * @param lastMonth the last such month, inclusive
 * @param openedFrom incidents opened at or after this instant are read (with {@code openedUntil}; both
 *     null: none)
 * @param openedUntil … up to this instant, inclusive
 * @param openAt the site's open work at this instant is read: entries that can be open work without a
 *     {@code closedAt} at or before it, incidents without a {@code resolvedAt} at or before it (null:
 *     none). This is "open work of a site"; SPEC 4 "owned" work narrows it by owner
 * @param loggedFrom entries and calls whose {@code at} lies at or after this instant are read (with
 *     {@code loggedUntil}; both null: none)
 * @param loggedUntil … up to this instant, inclusive
 * @param handoversFrom handovers are read from this duty date on (up to {@code lastDate}) when it is
 *     earlier than {@code firstDate}: the handovers that may have carried over the entries read (null:
 *     from {@code firstDate}; only with the dates)
 * @param carriersOfOpenWork the completed handovers that carried over any entry or incident open at
 *     {@link #openAt} are read too, whatever their date: who owns the open work (SPEC 4 "owned"), through
 *     the carried-over table, never every handover of the site
 * @param carriersOf the completed handovers that carried over any of these ids (entries or incidents)
 *     are read too, whatever their date: who has owned these items (SPEC 4 "owned"), through the
 *     carried-over table (empty: none)
 */
public record LiveSlice(
        LocalDate firstDate,
        LocalDate lastDate,
        YearMonth firstMonth,
        YearMonth lastMonth,
        Instant openedFrom,
        Instant openedUntil,
        Instant openAt,
        Instant loggedFrom,
        Instant loggedUntil,
        LocalDate handoversFrom,
        boolean carriersOfOpenWork,
        Set<String> carriersOf) {

    public LiveSlice {
        pair(firstDate, lastDate, "firstDate", "lastDate");
        pair(firstMonth, lastMonth, "firstMonth", "lastMonth");
        pair(openedFrom, openedUntil, "openedFrom", "openedUntil");
        pair(loggedFrom, loggedUntil, "loggedFrom", "loggedUntil");
        if (carriersOfOpenWork && openAt == null) {
            throw InvalidValueException.of("carriersOfOpenWork is read only with openAt");
        }
        if (handoversFrom != null && firstDate == null) {
            throw InvalidValueException.of(
                    "handoversFrom (%s) is given only with firstDate and lastDate", handoversFrom);
        }
        carriersOf = carriersOf == null ? Set.of() : Set.copyOf(carriersOf);
    }

    private static void pair(Object first, Object last, String firstName, String lastName) {
        if ((first == null) != (last == null)) {
            throw InvalidValueException.of(
                    "%s (%s) and %s (%s) are given together or not at all", firstName, first, lastName, last);
        }
    }

    /** Only the site and its staff. */
    public static LiveSlice none() {
        return new LiveSlice(null, null, null, null, null, null, null, null, null, null, false, Set.of());
    }

    /** The handovers, leaves, reviews and duty reports of the duty dates {@code first} to {@code last}. */
    public static LiveSlice dates(LocalDate first, LocalDate last) {
        return none().withDates(Checks.required(first, "first"), Checks.required(last, "last"));
    }

    /**
     * What deciding a handover's completion at {@code at} reads (4.2.2): the handovers of the current
     * and the neighbouring shifts (its duty date ± 1) and the rosters of their months, the site's open
     * work at {@code at}, and the completed handovers that carried that work over (who owns it, SPEC 4).
     */
    public static LiveSlice forCompletion(Handover handover, Instant at) {
        Checks.required(handover, "handover");
        LocalDate first = handover.date().minusDays(1);
        LocalDate last = handover.date().plusDays(1);
        return dates(first, last)
                .withMonths(YearMonth.from(first), YearMonth.from(last))
                .withOpenWorkAt(Checks.required(at, "at"))
                .withCarriersOfOpenWork();
    }

    /**
     * Who may follow up or document an item at {@code now} (4.2.1, 4.2.2): the handovers of today's
     * duty date ± 1 (an incoming acknowledging it at a handover still open) and the completed handovers
     * that ever carried it over (who has owned it, SPEC 4), whatever the item's age.
     */
    public static LiveSlice forItem(String itemId, LocalDate today) {
        Checks.required(today, "today");
        return dates(today.minusDays(1), today.plusDays(1))
                .withCarriersOf(Set.of(Checks.requiredText(itemId, "item id")));
    }

    public LiveSlice withDates(LocalDate first, LocalDate last) {
        return copy(p -> {
            p.firstDate = first;
            p.lastDate = last;
        });
    }

    public LiveSlice withMonths(YearMonth first, YearMonth last) {
        return copy(p -> {
            p.firstMonth = first;
            p.lastMonth = last;
        });
    }

    public LiveSlice withIncidentsOpened(Instant from, Instant until) {
        return copy(p -> {
            p.openedFrom = from;
            p.openedUntil = until;
        });
    }

    public LiveSlice withOpenWorkAt(Instant at) {
        return copy(p -> p.openAt = at);
    }

    /** Entries and calls logged from {@code from} to {@code until}, inclusive. */
    public LiveSlice withLogged(Instant from, Instant until) {
        return copy(p -> {
            p.loggedFrom = from;
            p.loggedUntil = until;
        });
    }

    /** Handovers also from the duty date {@code from} on, when it is earlier than the first date. */
    public LiveSlice withHandoversFrom(LocalDate from) {
        return copy(p -> p.handoversFrom = from);
    }

    /** Also the completed handovers that carried over the open work read (its owners, SPEC 4 "owned"). */
    public LiveSlice withCarriersOfOpenWork() {
        return copy(p -> p.carriersOfOpenWork = true);
    }

    /** Also the completed handovers that carried over any of the ids, whatever their date (SPEC 4 "owned"). */
    public LiveSlice withCarriersOf(Set<String> itemIds) {
        return copy(p -> p.carriersOf = Checks.required(itemIds, "itemIds"));
    }

    /** The parts of a slice, changed by one {@code with…} method: the one place that lists them all. */
    private static final class Parts {
        LocalDate firstDate;
        LocalDate lastDate;
        YearMonth firstMonth;
        YearMonth lastMonth;
        Instant openedFrom;
        Instant openedUntil;
        Instant openAt;
        Instant loggedFrom;
        Instant loggedUntil;
        LocalDate handoversFrom;
        boolean carriersOfOpenWork;
        Set<String> carriersOf;
    }

    private LiveSlice copy(Consumer<Parts> change) {
        Parts p = new Parts();
        p.firstDate = firstDate;
        p.lastDate = lastDate;
        p.firstMonth = firstMonth;
        p.lastMonth = lastMonth;
        p.openedFrom = openedFrom;
        p.openedUntil = openedUntil;
        p.openAt = openAt;
        p.loggedFrom = loggedFrom;
        p.loggedUntil = loggedUntil;
        p.handoversFrom = handoversFrom;
        p.carriersOfOpenWork = carriersOfOpenWork;
        p.carriersOf = carriersOf;
        change.accept(p);
        return new LiveSlice(
                p.firstDate,
                p.lastDate,
                p.firstMonth,
                p.lastMonth,
                p.openedFrom,
                p.openedUntil,
                p.openAt,
                p.loggedFrom,
                p.loggedUntil,
                p.handoversFrom,
                p.carriersOfOpenWork,
                p.carriersOf);
    }

    /** The first duty date whose handovers are read (null: none). */
    public LocalDate firstHandoverDate() {
        return handoversFrom != null && handoversFrom.isBefore(firstDate) ? handoversFrom : firstDate;
    }

    /** True when the duty date's handovers, leaves, reviews and duty reports are read. */
    public boolean covers(LocalDate date) {
        return firstDate != null && !date.isBefore(firstDate) && !date.isAfter(lastDate);
    }

    /** True when the duty date's handovers are read: a duty date of the slice, or one from {@link #handoversFrom}. */
    public boolean coversHandovers(LocalDate date) {
        return firstDate != null && !date.isBefore(firstHandoverDate()) && !date.isAfter(lastDate);
    }

    /** True when an entry or call logged at the instant is read. */
    public boolean coversLogging(Instant at) {
        return loggedFrom != null && !at.isBefore(loggedFrom) && !at.isAfter(loggedUntil);
    }

    /** True when the month's roster is read. */
    public boolean covers(YearMonth month) {
        return firstMonth != null && !month.isBefore(firstMonth) && !month.isAfter(lastMonth);
    }

    /** True when an incident opened at the instant is read. */
    public boolean coversOpening(Instant openedAt) {
        return openedFrom != null && !openedAt.isBefore(openedFrom) && !openedAt.isAfter(openedUntil);
    }

    /** True when the entry is read: logged in the range, or open work at {@link #openAt}. */
    public boolean keeps(LogEntry entry) {
        return coversLogging(entry.at()) || (openAt != null && entry.isOpenAt(openAt));
    }

    /** True when the incident is read: opened in the range, or open at {@link #openAt}. */
    public boolean keeps(Incident incident) {
        return coversOpening(incident.openedAt()) || (openAt != null && incident.isOpenAt(openAt));
    }

    /** True when the handover is completed and carried over one of the ids. */
    private static boolean carries(Handover handover, Set<String> ids) {
        if (handover.completedAt() == null || ids.isEmpty()) {
            return false;
        }
        for (String id : handover.carriedOver()) {
            if (ids.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The slice of a site's records: the site and its staff, and of every other list what the parts keep,
     * in the lists' order (first saved first). Absences, trainings, process reviews and spot checks are
     * never read live.
     */
    public SiteRecords apply(SiteRecords all) {
        Checks.required(all, "all");
        List<LogEntry> entries = new ArrayList<>();
        for (LogEntry e : all.entries()) {
            if (keeps(e)) {
                entries.add(e);
            }
        }
        List<Incident> incidents = new ArrayList<>();
        for (Incident i : all.incidents()) {
            if (keeps(i)) {
                incidents.add(i);
            }
        }
        Set<String> carried = new HashSet<>(carriersOf);
        if (carriersOfOpenWork) {
            for (LogEntry e : all.entries()) {
                if (e.isOpenAt(openAt)) {
                    carried.add(e.id());
                }
            }
            for (Incident i : all.incidents()) {
                if (i.isOpenAt(openAt)) {
                    carried.add(i.id());
                }
            }
        }
        return SiteRecords.builder(all.site())
                .staff(all.staff())
                .rosters(all.rosters().stream().filter(r -> covers(r.month())).toList())
                .leaves(all.leaves().stream().filter(l -> covers(l.date())).toList())
                .handovers(all.handovers().stream()
                        .filter(h -> coversHandovers(h.date()) || carries(h, carried))
                        .toList())
                .entries(entries)
                .calls(all.calls().stream().filter(c -> coversLogging(c.at())).toList())
                .incidents(incidents)
                .reviews(all.reviews().stream().filter(r -> covers(r.date())).toList())
                .dutyReports(
                        all.dutyReports().stream().filter(r -> covers(r.date())).toList())
                .build();
    }
}
