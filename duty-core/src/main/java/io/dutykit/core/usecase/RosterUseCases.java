package io.dutykit.core.usecase;

import io.dutykit.core.Checks;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.procedure.Refusal;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The roster (4.1.1, 4.1.2) and leave with a substitute (4.1.5). */
final class RosterUseCases {
    private final DeskContext ctx;

    RosterUseCases(DeskContext ctx) {
        this.ctx = ctx;
    }

    Roster draftRoster(String siteId, YearMonth month, List<RosterDuty> duties, String actorId) {
        Checks.required(month, "month");
        ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.ROSTER_DRAFT_NOT_SUPERVISOR, month);
        Roster next = Roster.draft(month, duties);
        for (RosterDuty duty : next.duties()) {
            Staff officer = ctx.staff(siteId, duty.staff());
            if (!officer.has(Role.DUTY_OFFICER)) {
                throw ProcedureRefusedException.blocking(
                        Refusal.ROSTER_OFFICER_NOT_DUTY_OFFICER,
                        List.of(duty.date().toString()),
                        month,
                        officer.id(),
                        duty.date());
            }
        }
        Optional<Roster> current = ctx.roster(siteId, month);
        if (current.isPresent() && current.get().isPublished()) {
            throw ProcedureRefusedException.of(
                    Refusal.ROSTER_REDRAFT_AFTER_PUBLICATION,
                    month,
                    current.get().publishedAt());
        }
        if (current.isPresent() && current.get().equals(next)) {
            return next;
        }
        Instant now = ctx.now();
        ctx.stores
                .rosters()
                .save(
                        siteId,
                        current.orElse(null),
                        next,
                        DeskContext.change(
                                DeskContext.recordId(
                                        month.toString(),
                                        ChangeType.ROSTER_DRAFTED,
                                        now.toEpochMilli(),
                                        DeskContext.shortHashOf(next)),
                                ChangeType.ROSTER_DRAFTED,
                                now,
                                actorId));
        return next;
    }

    Roster publishRoster(String siteId, YearMonth month, String actorId) {
        Checks.required(month, "month");
        ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.ROSTER_PUBLISH_NOT_SUPERVISOR, month);
        Roster current = ctx.roster(siteId, month)
                .orElseThrow(() -> new NotFoundException(
                        "there is no roster of " + month + " at site " + siteId + "; draft it first"));
        if (current.isPublished() && actorId.equals(current.publishedBy())) {
            return current;
        }
        List<String> gaps = new ArrayList<>();
        for (LocalDate date = month.atDay(1); !date.isAfter(month.atEndOfMonth()); date = date.plusDays(1)) {
            if (current.officerOn(date).isEmpty()) {
                gaps.add(date.toString());
            }
        }
        if (!gaps.isEmpty()) {
            throw ProcedureRefusedException.blocking(Refusal.ROSTER_GAPS, gaps, month, gaps);
        }
        Instant now = ctx.now();
        Roster next = current.publish(actorId, now);
        ctx.stores
                .rosters()
                .save(
                        siteId,
                        current,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(month.toString(), ChangeType.ROSTER_PUBLISHED),
                                ChangeType.ROSTER_PUBLISHED,
                                now,
                                actorId));
        return next;
    }

    Leave requestLeave(String siteId, String leaveId, String staffId, LocalDate date, String reason, String actorId) {
        Checks.requiredText(leaveId, "leave id");
        Checks.required(date, "date");
        Site site = ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        ctx.staff(siteId, staffId);
        if (!actorId.equals(staffId) && !actor.isSupervisor()) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_FOR_SOMEONE_ELSE, actorId, staffId);
        }
        Optional<Leave> existing = ctx.stores.leaves().find(siteId, leaveId);
        if (existing.isPresent()
                && existing.get().staff().equals(staffId)
                && existing.get().date().equals(date)) {
            return existing.get();
        }
        Optional<String> rostered = ctx.rosteredOfficer(siteId, date);
        if (!rostered.map(staffId::equals).orElse(false)) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_NOT_ROSTERED, staffId, date, rostered.orElse(null));
        }
        Instant now = ctx.now();
        Instant shiftStart = site.shiftOf(date).start();
        if (!now.isBefore(shiftStart)) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_AFTER_DUTY_START, date, shiftStart);
        }
        Leave next = Leave.request(leaveId, staffId, date, now, reason);
        ctx.stores
                .leaves()
                .save(
                        siteId,
                        null,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(leaveId, ChangeType.LEAVE_REQUESTED),
                                ChangeType.LEAVE_REQUESTED,
                                now,
                                actorId));
        return next;
    }

    Leave approveLeave(String siteId, String leaveId, String substituteId, String actorId) {
        Site site = ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.LEAVE_APPROVAL_NOT_SUPERVISOR, leaveId);
        Leave current = ctx.stores
                .leaves()
                .find(siteId, Checks.requiredText(leaveId, "leave id"))
                .orElseThrow(() -> new NotFoundException("no leave with id " + leaveId + " at site " + siteId));
        if (current.isApproved()
                && actorId.equals(current.approvedBy())
                && substituteId != null
                && substituteId.equals(current.substitute())) {
            return current;
        }
        if (Checks.isBlank(substituteId)) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_WITHOUT_SUBSTITUTE, leaveId);
        }
        Staff substitute = ctx.staff(siteId, substituteId);
        if (!substitute.has(Role.DUTY_OFFICER)) {
            throw ProcedureRefusedException.of(Refusal.LEAVE_SUBSTITUTE_NOT_DUTY_OFFICER, leaveId, substituteId);
        }
        Instant now = ctx.now();
        Instant shiftStart = site.shiftOf(current.date()).start();
        if (now.isAfter(shiftStart)) {
            throw ProcedureRefusedException.of(
                    Refusal.LEAVE_APPROVAL_AFTER_DUTY_START, leaveId, current.date(), shiftStart);
        }
        Leave next = current.approve(actorId, now, substituteId);
        ctx.stores
                .leaves()
                .save(
                        siteId,
                        current,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(leaveId, ChangeType.LEAVE_APPROVED),
                                ChangeType.LEAVE_APPROVED,
                                now,
                                actorId));
        return next;
    }

    /**
     * A SUPERVISOR rejects the leave (4.1.5); an approved leave is not rejected, and a leave rejected by
     * another supervisor is not rejected again (a repeat by the same one returns the stored leave).
     */
    Leave rejectLeave(String siteId, String leaveId, String actorId) {
        ctx.site(siteId);
        ctx.supervisor(siteId, actorId, Refusal.LEAVE_REJECTION_NOT_SUPERVISOR, leaveId);
        Leave current = ctx.stores
                .leaves()
                .find(siteId, Checks.requiredText(leaveId, "leave id"))
                .orElseThrow(() -> new NotFoundException("no leave with id " + leaveId + " at site " + siteId));
        if (current.isRejected() && actorId.equals(current.rejectedBy())) {
            return current;
        }
        Instant now = ctx.now();
        Leave next = current.reject(actorId, now);
        ctx.stores
                .leaves()
                .save(
                        siteId,
                        current,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(leaveId, ChangeType.LEAVE_REJECTED),
                                ChangeType.LEAVE_REJECTED,
                                now,
                                actorId));
        return next;
    }
}
