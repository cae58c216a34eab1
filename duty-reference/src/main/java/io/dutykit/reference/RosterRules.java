package io.dutykit.reference;

import static io.dutykit.reference.CheckContext.one;

import io.dutykit.core.handover.Handover;
import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.staff.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The roster and leave rules: ROSTER_LATE, ROSTER_GAP, UNAPPROVED_SWAP, LEAVE_WITHOUT_SUBSTITUTE (4.1.1, 4.1.2, 4.1.5). */
final class RosterRules {
    private RosterRules() {}

    static void check(CheckContext c) {
        rosterLate(c);
        rosterGapAndSwap(c);
        leaveWithoutSubstitute(c);
    }

    /** The deadline of a month's roster: 00:00 site-local on the month's first day. */
    static Instant publicationDeadline(SiteIndex index, YearMonth month) {
        return month.atDay(1).atStartOfDay(index.site.zone()).toInstant();
    }

    private static void rosterLate(CheckContext c) {
        YearMonth last = YearMonth.from(c.period.to());
        for (YearMonth month = YearMonth.from(c.period.from()); !month.isAfter(last); month = month.plusMonths(1)) {
            Instant deadline = publicationDeadline(c.index, month);
            if (deadline.isAfter(c.asOf)) {
                continue;
            }
            Roster roster = c.index.rosterByMonth.get(month);
            Instant published = roster == null ? null : c.seen(roster.publishedAt());
            if (published != null && published.isBefore(deadline)) {
                continue;
            }
            c.add(
                    DefaultRules.ROSTER_LATE,
                    month.toString(),
                    publisher(c, roster),
                    month.atDay(1),
                    deadline,
                    month,
                    published);
        }
    }

    private static void rosterGapAndSwap(CheckContext c) {
        for (LocalDate date = c.period.from(); !date.isAfter(c.period.to()); date = date.plusDays(1)) {
            Roster roster = c.index.rosterByMonth.get(YearMonth.from(date));
            if (roster == null) {
                continue;
            }
            String officer = c.index.rostered.get(date);
            if (officer == null || !c.index.hasRole(officer, Role.DUTY_OFFICER)) {
                c.add(DefaultRules.ROSTER_GAP, date.toString(), publisher(c, roster), date, null, date, officer);
            }
        }
        for (LocalDate date = c.period.from(); !date.isAfter(c.period.to()); date = date.plusDays(1)) {
            String officer = c.index.rostered.get(date);
            if (officer == null) {
                continue;
            }
            Handover handover = c.index.handoverAtStart(date);
            if (handover == null || !c.judged(handover) || handover.incoming().equals(officer)) {
                continue;
            }
            if (!swapCovered(c, officer, date, handover.incoming())) {
                c.add(
                        DefaultRules.UNAPPROVED_SWAP,
                        date.toString(),
                        one(handover.incoming()),
                        date,
                        c.handoverInstant(handover),
                        handover.incoming(),
                        officer);
            }
        }
    }

    /** An approved leave of the rostered officer for D covers the swap (SPEC section 4). */
    private static boolean swapCovered(CheckContext c, String officer, LocalDate date, String incoming) {
        Instant shiftStart = c.index.shift(date).start();
        for (Leave leave : c.index.leavesByDate.getOrDefault(date, List.of())) {
            Instant approvedAt = c.seen(leave.approvedAt());
            if (leave.staff().equals(officer)
                    && leave.approvedBy() != null
                    && c.index.hasRole(leave.approvedBy(), Role.SUPERVISOR)
                    && approvedAt != null
                    && !approvedAt.isAfter(shiftStart)
                    && incoming.equals(leave.substitute())) {
                return true;
            }
        }
        return false;
    }

    private static void leaveWithoutSubstitute(CheckContext c) {
        for (Leave leave : c.index.records.leaves()) {
            // approved means it has approvedBy (SPEC section 4); an approvedAt after as-of only reads as missing
            if (!c.inScope(leave.date()) || leave.approvedBy() == null || leave.substitute() != null) {
                continue;
            }
            c.add(
                    DefaultRules.LEAVE_WITHOUT_SUBSTITUTE,
                    leave.id(),
                    one(leave.approvedBy()),
                    leave.date(),
                    c.seen(leave.approvedAt()),
                    leave.staff(),
                    leave.date());
        }
    }

    private static List<String> publisher(CheckContext c, Roster roster) {
        return roster != null && roster.publishedBy() != null ? List.of(roster.publishedBy()) : c.index.supervisors;
    }
}
