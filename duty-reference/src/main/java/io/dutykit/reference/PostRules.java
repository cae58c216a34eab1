package io.dutykit.reference;

import static io.dutykit.reference.CheckContext.one;

import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.DutyShift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The rules of 4.1.5 and G4 about the post and the phone: POST_LEFT, CALL_ANSWERED_LATE, CALL_MISSED,
 * HOTLINE_DIALLED_OUT, CALL_NOT_LOGGED.
 */
final class PostRules {
    private PostRules() {}

    static void check(CheckContext c) {
        for (Call call : c.index.records.calls()) {
            if (!call.at().isAfter(c.asOf)) {
                call(c, call);
            }
        }
        for (Absence absence : c.index.records.absences()) {
            if (!absence.from().isAfter(c.asOf)) {
                absence(c, absence);
            }
        }
    }

    private static void call(CheckContext c, Call call) {
        DutyShift shift = c.index.shiftContaining(call.at());
        LocalDate date = shift != null ? shift.date() : c.index.site.localDate(call.at());
        if (!c.inScope(date)) {
            return;
        }
        if (call.direction() == CallDirection.INBOUND) {
            int maxRings = c.param(Parameters.MAX_RINGS);
            if (call.answered() && call.rings() != null && call.rings() > maxRings) {
                c.add(
                        DefaultRules.CALL_ANSWERED_LATE,
                        call.id(),
                        one(call.staff()),
                        date,
                        call.at(),
                        call.rings(),
                        maxRings);
            }
            if (call.answered() && shift != null) {
                logged(c, call, date);
            }
            if (!call.answered() && shift != null) {
                c.add(
                        DefaultRules.CALL_MISSED,
                        call.id(),
                        one(c.index.officerOnDuty(date)),
                        date,
                        call.at(),
                        call.line());
            }
        } else if (call.line() == CallLine.HOTLINE) {
            c.add(DefaultRules.HOTLINE_DIALLED_OUT, call.id(), one(call.staff()), date, call.at());
        }
    }

    /**
     * CALL_NOT_LOGGED: an answered inbound call in a shift names, by {@code at} + calls.logWithinMinutes,
     * an entry written between the call and that deadline.
     */
    private static void logged(CheckContext c, Call call, LocalDate date) {
        Duration within = c.param(Parameters.CALL_LOG_WITHIN);
        Instant deadline = call.at().plus(within);
        if (deadline.isAfter(c.asOf)) {
            return;
        }
        LogEntry entry = call.entry() == null ? null : c.index.entriesById.get(call.entry());
        if (entry != null && !entry.at().isBefore(call.at()) && !entry.at().isAfter(deadline)) {
            return;
        }
        c.add(
                DefaultRules.CALL_NOT_LOGGED,
                call.id(),
                one(call.staff()),
                date,
                deadline,
                call.at(),
                within.toMinutes(),
                call.entry());
    }

    private static void absence(CheckContext c, Absence a) {
        if (a.coveredBy() != null) {
            return;
        }
        LocalDate date = c.index.dutyDateOf(a.from());
        if (!c.inScope(date)) {
            return;
        }
        Instant to = c.seen(a.to());
        Instant end = to != null ? to : c.asOf;
        Duration length = Duration.between(a.from(), end);
        if (length.compareTo(c.param(Parameters.MAX_UNCOVERED_ABSENCE)) <= 0) {
            return;
        }
        // the first shift ending after `from`; it overlaps when the absence lasts past its start
        DutyShift shift = c.index.shiftEndingAfter(a.from());
        if (!end.isAfter(shift.start())) {
            return;
        }
        c.add(DefaultRules.POST_LEFT, a.id(), one(a.staff()), date, a.from(), a.staff(), length.toMinutes());
    }
}
