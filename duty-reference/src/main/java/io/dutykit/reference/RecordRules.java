package io.dutykit.reference;

import static io.dutykit.reference.CheckContext.atOrBefore;
import static io.dutykit.reference.CheckContext.one;

import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.staff.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules about records, oversight and improvement: PATROL_OVERDUE, DUTY_REPORT_LATE (G2, G4),
 * LOG_NOT_REVIEWED (4.3), DUTY_REPORT_NOT_REVIEWED (G4, 4.3), REQUEST_NOT_CLOSED (G1, 4.1.4),
 * SPOT_CHECKS_TOO_FEW (3.1), PROCESS_REVIEW_MISSING and TRAINING_OVERDUE (G5).
 */
final class RecordRules {
    private RecordRules() {}

    static void check(CheckContext c) {
        for (LocalDate date = c.period.from(); !date.isAfter(c.period.to()); date = date.plusDays(1)) {
            DutyShift shift = c.index.shift(date);
            patrols(c, shift);
            dutyReport(c, shift);
            review(c, shift);
            reportReview(c, shift);
        }
        requests(c);
        spotChecks(c);
        processReviews(c);
        trainings(c);
    }

    private static void patrols(CheckContext c, DutyShift shift) {
        if (!shift.hasEndedBy(c.asOf)) {
            return;
        }
        Instant[] patrols = c.index.patrols;
        Duration max = c.param(Parameters.PATROL_MAX_INTERVAL);
        Instant previous = shift.start();
        Instant since = null;
        for (int i = firstAtOrAfter(patrols, shift.start());
                i < patrols.length && !patrols[i].isAfter(shift.end());
                i++) {
            if (since == null && Duration.between(previous, patrols[i]).compareTo(max) > 0) {
                since = previous;
            }
            previous = patrols[i];
        }
        if (since == null && Duration.between(previous, shift.end()).compareTo(max) > 0) {
            since = previous;
        }
        if (since != null) {
            c.add(
                    DefaultRules.PATROL_OVERDUE,
                    shift.date().toString(),
                    one(c.index.officerOnDuty(shift.date())),
                    shift.date(),
                    since.plus(max),
                    max.toMinutes(),
                    since);
        }
    }

    /** The index of the first instant at or after {@code from} in the sorted array. */
    static int firstAtOrAfter(Instant[] sorted, Instant from) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid].isBefore(from)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The duty report of D is due {@code report.dueMinutesAfterShift} after the shift ends. */
    static Instant reportDeadline(CheckContext c, DutyShift shift) {
        return shift.end().plus(c.param(Parameters.REPORT_DUE));
    }

    private static void dutyReport(CheckContext c, DutyShift shift) {
        Instant deadline = reportDeadline(c, shift);
        if (deadline.isAfter(c.asOf) || reportSubmittedBy(c.index, shift.date(), deadline)) {
            return;
        }
        c.add(
                DefaultRules.DUTY_REPORT_LATE,
                shift.date().toString(),
                one(c.index.officerOnDuty(shift.date())),
                shift.date(),
                deadline,
                shift.date());
    }

    static boolean reportSubmittedBy(SiteIndex index, LocalDate date, Instant limit) {
        for (DutyReport r : index.reportsByDate.getOrDefault(date, List.of())) {
            if (atOrBefore(r.submittedAt(), limit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The review deadline of D: {@code review.deadline} on the site-local date the shift ends if that
     * is a working day, else on the next working day.
     */
    static Instant reviewDeadline(SiteIndex index, CheckContext c, DutyShift shift) {
        LocalDate ends = index.site.localDate(shift.end());
        LocalDate day = index.site.calendar().workingDayOnOrAfter(ends);
        return day.atTime(c.param(Parameters.REVIEW_DEADLINE))
                .atZone(index.site.zone())
                .toInstant();
    }

    private static void review(CheckContext c, DutyShift shift) {
        Instant deadline = reviewDeadline(c.index, c, shift);
        if (deadline.isAfter(c.asOf) || reviewedBy(c.index, shift.date(), deadline)) {
            return;
        }
        c.add(
                DefaultRules.LOG_NOT_REVIEWED,
                shift.date().toString(),
                c.index.supervisors,
                shift.date(),
                deadline,
                shift.date());
    }

    static boolean reviewedBy(SiteIndex index, LocalDate date, Instant limit) {
        for (SupervisorReview r : index.reviewsByDate.getOrDefault(date, List.of())) {
            if (atOrBefore(r.at(), limit) && index.hasRole(r.supervisor(), Role.SUPERVISOR)) {
                return true;
            }
        }
        return false;
    }

    /**
     * DUTY_REPORT_NOT_REVIEWED: once a duty report of D is submitted (the earliest at s), a supervisor
     * reviews one of D's reports by the later of D's log-review deadline and s + report.reviewHours.
     */
    private static void reportReview(CheckContext c, DutyShift shift) {
        List<DutyReport> reports = c.index.reportsByDate.getOrDefault(shift.date(), List.of());
        Instant first = null;
        for (DutyReport r : reports) {
            if (c.happened(r.submittedAt()) && (first == null || r.submittedAt().isBefore(first))) {
                first = r.submittedAt();
            }
        }
        if (first == null) {
            return;
        }
        Instant review = reviewDeadline(c.index, c, shift);
        Instant afterSubmission = first.plus(c.param(Parameters.REPORT_REVIEW));
        Instant deadline = afterSubmission.isAfter(review) ? afterSubmission : review;
        if (deadline.isAfter(c.asOf)) {
            return;
        }
        for (DutyReport r : reports) {
            if (c.happened(r.submittedAt())
                    && atOrBefore(r.reviewedAt(), deadline)
                    && r.reviewedBy() != null
                    && c.index.hasRole(r.reviewedBy(), Role.SUPERVISOR)) {
                return;
            }
        }
        c.add(
                DefaultRules.DUTY_REPORT_NOT_REVIEWED,
                shift.date().toString(),
                c.index.supervisors,
                shift.date(),
                deadline,
                shift.date(),
                first,
                deadline);
    }

    /**
     * REQUEST_NOT_CLOSED: a HELP_REQUEST or COMPLAINT of the period not closed by its {@code at} +
     * requests.helpRequestCloseHours / complaintCloseHours; the owner at that deadline is responsible.
     */
    private static void requests(CheckContext c) {
        for (LogEntry e : c.index.records.entries()) {
            Duration limit;
            if (e.kind() == EntryKind.HELP_REQUEST) {
                limit = c.param(Parameters.HELP_REQUEST_CLOSE);
            } else if (e.kind() == EntryKind.COMPLAINT) {
                limit = c.param(Parameters.COMPLAINT_CLOSE);
            } else {
                continue;
            }
            Instant deadline = e.at().plus(limit);
            if (!c.inScope(e.date()) || deadline.isAfter(c.asOf) || atOrBefore(c.seen(e.closedAt()), deadline)) {
                continue;
            }
            String owner = c.ownership.ownerAt(e.id(), e.author(), deadline);
            c.add(
                    DefaultRules.REQUEST_NOT_CLOSED,
                    e.id(),
                    one(owner),
                    e.date(),
                    deadline,
                    e.kind(),
                    e.at(),
                    limit.toHours(),
                    owner);
        }
    }

    /**
     * SPOT_CHECKS_TOO_FEW: each month of the period that has ended by as-of has at least
     * supervision.spotChecksPerMonth spot checks by a SUPERVISOR dated in it (0: not checked).
     */
    private static void spotChecks(CheckContext c) {
        int minimum = c.param(Parameters.SPOT_CHECKS_PER_MONTH);
        if (minimum == 0) {
            return;
        }
        YearMonth last = YearMonth.from(c.period.to());
        for (YearMonth month = YearMonth.from(c.period.from()); !month.isAfter(last); month = month.plusMonths(1)) {
            Instant end = month.plusMonths(1)
                    .atDay(1)
                    .atStartOfDay(c.index.site.zone())
                    .toInstant();
            if (end.isAfter(c.asOf)) {
                continue;
            }
            int count = 0;
            for (SpotCheck s : c.index.spotChecksByMonth.getOrDefault(month, List.of())) {
                if (c.happened(s.at()) && c.index.hasRole(s.supervisor(), Role.SUPERVISOR)) {
                    count++;
                }
            }
            if (count < minimum) {
                c.add(
                        DefaultRules.SPOT_CHECKS_TOO_FEW,
                        month.toString(),
                        c.index.supervisors,
                        month.atDay(1),
                        end,
                        month,
                        count,
                        minimum);
            }
        }
    }

    /** 00:00 site-local on day N+1 of the month after M. */
    static Instant processReviewDeadline(SiteIndex index, CheckContext c, YearMonth month) {
        return month.plusMonths(1)
                .atDay(1)
                .plusDays(c.param(Parameters.PROCESS_REVIEW_DUE_DAYS))
                .atStartOfDay(index.site.zone())
                .toInstant();
    }

    private static void processReviews(CheckContext c) {
        YearMonth last = YearMonth.from(c.period.to());
        for (YearMonth month = YearMonth.from(c.period.from()); !month.isAfter(last); month = month.plusMonths(1)) {
            Instant deadline = processReviewDeadline(c.index, c, month);
            if (deadline.isAfter(c.asOf) || processReviewHeldBy(c.index, month, deadline)) {
                continue;
            }
            c.add(
                    DefaultRules.PROCESS_REVIEW_MISSING,
                    month.toString(),
                    c.index.supervisors,
                    month.atDay(1),
                    deadline,
                    month);
        }
    }

    static boolean processReviewHeldBy(SiteIndex index, YearMonth month, Instant limit) {
        for (ProcessReview r : index.processReviewsByMonth.getOrDefault(month, List.of())) {
            if (atOrBefore(r.heldAt(), limit)) {
                return true;
            }
        }
        return false;
    }

    private static void trainings(CheckContext c) {
        YearMonth first = quarterStart(YearMonth.from(c.period.from()));
        YearMonth last = YearMonth.from(c.period.to());
        for (YearMonth quarter = first; !quarter.isAfter(last); quarter = quarter.plusMonths(3)) {
            Instant end = quarter.plusMonths(3)
                    .atDay(1)
                    .atStartOfDay(c.index.site.zone())
                    .toInstant();
            if (end.isAfter(c.asOf)) {
                continue;
            }
            Set<String> officers = new TreeSet<>();
            for (int m = 0; m < 3; m++) {
                Roster roster = c.index.rosterByMonth.get(quarter.plusMonths(m));
                if (roster == null) {
                    continue;
                }
                for (RosterDuty duty : roster.duties()) {
                    if (c.index.hasRole(duty.staff(), Role.DUTY_OFFICER)) {
                        officers.add(duty.staff());
                    }
                }
            }
            if (officers.isEmpty()) {
                continue;
            }
            Set<String> trained = new HashSet<>();
            LocalDate from = quarter.atDay(1);
            LocalDate until = quarter.plusMonths(3).atDay(1);
            for (Training t : c.index.records.trainings()) {
                if (!t.date().isBefore(from) && t.date().isBefore(until)) {
                    trained.addAll(t.attendees());
                }
            }
            String label = quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1);
            for (String officer : officers) {
                if (!trained.contains(officer)) {
                    c.add(
                            DefaultRules.TRAINING_OVERDUE,
                            officer + "@" + label,
                            List.of(officer),
                            from,
                            end,
                            officer,
                            label);
                }
            }
        }
    }

    /** The first month of the quarter the month lies in. */
    static YearMonth quarterStart(YearMonth month) {
        return YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
    }
}
