package io.dutykit.core.usecase;

import io.dutykit.core.Checks;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.LiveSlice;
import io.dutykit.core.procedure.Refusal;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The duty log (4.1.8): entries appended, closed and corrected by reference (never edited), calls and
 * absences from the post.
 */
final class LogUseCases {
    private final DeskContext ctx;

    LogUseCases(DeskContext ctx) {
        this.ctx = ctx;
    }

    LogEntry appendEntry(String siteId, String actorId, LogEntry entry) {
        Checks.required(entry, "entry");
        Site site = ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        if (!entry.author().equals(actorId)) {
            throw ProcedureRefusedException.of(Refusal.ENTRY_IN_ANOTHER_NAME, actorId, entry.id(), entry.author());
        }
        Optional<LogEntry> stored = ctx.stores.entries().find(siteId, entry.id());
        if (stored.isPresent() && stored.get().equals(Snapshots.normalized(entry))) {
            return stored.get(); // a retry after an in-doubt outcome: written once, whenever it is retried
        }
        ChangeType type = ChangeType.ENTRY_APPENDED;
        if (entry.kind() == EntryKind.CORRECTION) {
            requireMayCorrect(siteId, actor, corrected(siteId, entry.corrects()));
            type = ChangeType.ENTRY_CORRECTED;
        }
        Instant now = ctx.now();
        ctx.requireNear(entry.id(), "at", entry.at(), now);
        ctx.requireNear(entry.id(), "closedAt", entry.closedAt(), now);
        ctx.requireDutyDate(site, entry.id(), entry.date(), entry.at());
        ctx.stores
                .entries()
                .save(
                        siteId,
                        null,
                        entry,
                        DeskContext.change(DeskContext.recordId(entry.id(), type), type, now, actorId));
        return entry;
    }

    LogEntry correctEntry(String siteId, String correctionId, String correctedId, String text, String actorId) {
        Checks.requiredText(correctionId, "correction id");
        Checks.requiredText(text, "correction text");
        Site site = ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        LogEntry corrected = corrected(siteId, correctedId);
        requireMayCorrect(siteId, actor, corrected);
        Optional<LogEntry> existing = ctx.stores.entries().find(siteId, correctionId);
        if (existing.isPresent()
                && correctedId.equals(existing.get().corrects())
                && actorId.equals(existing.get().author())
                && text.equals(existing.get().text())) {
            return existing.get();
        }
        Instant now = ctx.now();
        LogEntry correction = LogEntry.correction(correctionId, site.dutyDateOf(now), now, actorId, correctedId, text);
        ctx.stores
                .entries()
                .save(
                        siteId,
                        null,
                        correction,
                        DeskContext.change(
                                DeskContext.recordId(correctionId, ChangeType.ENTRY_CORRECTED),
                                ChangeType.ENTRY_CORRECTED,
                                now,
                                actorId));
        return correction;
    }

    LogEntry closeEntry(String siteId, String entryId, String actorId) {
        Site site = ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        LogEntry current = ctx.stores
                .entries()
                .find(siteId, Checks.requiredText(entryId, "entry id"))
                .orElseThrow(() -> new NotFoundException("no entry with id " + entryId + " at site " + siteId));
        Instant now = ctx.now();
        if (!mayFollowUp(siteId, site, actor, current, now)) {
            throw ProcedureRefusedException.of(Refusal.CLOSE_NOT_ALLOWED, actorId, entryId, current.author());
        }
        if (current.closedAt() != null) {
            return current;
        }
        LogEntry next = current.close(now);
        ctx.stores
                .entries()
                .save(
                        siteId,
                        current,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(entryId, ChangeType.ENTRY_CLOSED),
                                ChangeType.ENTRY_CLOSED,
                                now,
                                actorId));
        return next;
    }

    Call recordCall(String siteId, String actorId, Call call) {
        Checks.required(call, "call");
        ctx.site(siteId);
        ctx.staff(siteId, actorId);
        if (call.staff() != null) {
            ctx.staff(siteId, call.staff());
            if (!call.staff().equals(actorId)) {
                throw ProcedureRefusedException.of(Refusal.CALL_IN_ANOTHER_NAME, actorId, call.id(), call.staff());
            }
        }
        Optional<Call> stored = ctx.stores.calls().find(siteId, call.id());
        if (stored.isPresent() && stored.get().equals(Snapshots.normalized(call))) {
            return stored.get(); // a retry after an in-doubt outcome
        }
        Instant now = ctx.now();
        ctx.requireNear(call.id(), "at", call.at(), now);
        if (call.entry() != null) {
            requireEntryAfterCall(call, entryOf(siteId, call.entry()));
        }
        ctx.stores
                .calls()
                .save(
                        siteId,
                        null,
                        call,
                        DeskContext.change(
                                DeskContext.recordId(call.id(), ChangeType.CALL_RECORDED),
                                ChangeType.CALL_RECORDED,
                                now,
                                actorId));
        return call;
    }

    /**
     * Links a call to the entry that records it (G4): the person who took the call, the officer on duty
     * of its duty date (a call without staff) or a supervisor links it; the entry is not written before
     * the call; a link is made once (4.1.8).
     */
    Call linkCall(String siteId, String callId, String entryId, String actorId) {
        Checks.requiredText(entryId, "entry id");
        Site site = ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        Call current = ctx.stores
                .calls()
                .find(siteId, Checks.requiredText(callId, "call id"))
                .orElseThrow(() -> new NotFoundException("no call with id " + callId + " at site " + siteId));
        boolean allowed = actor.isSupervisor()
                || actorId.equals(current.staff())
                || (current.staff() == null
                        && ctx.officerOnDuty(siteId, site, site.dutyDateOf(current.at()))
                                .map(actorId::equals)
                                .orElse(false));
        if (!allowed) {
            throw ProcedureRefusedException.of(Refusal.CALL_LINK_NOT_ALLOWED, actorId, callId, current.staff());
        }
        LogEntry entry = entryOf(siteId, entryId);
        if (entryId.equals(current.entry())) {
            return current;
        }
        requireEntryAfterCall(current, entry);
        Call next = current.linkTo(entryId);
        Instant now = ctx.now();
        ctx.stores
                .calls()
                .save(
                        siteId,
                        current,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(callId, ChangeType.CALL_LINKED),
                                ChangeType.CALL_LINKED,
                                now,
                                actorId));
        return next;
    }

    /**
     * Attaches references to evidence (4.2.2) as a new record: the entry gains them, nothing else
     * changes. Its author, its owner now, the officer on duty or anyone of manager level attaches.
     */
    LogEntry attachEvidence(String siteId, String entryId, List<String> references, String actorId) {
        List<String> refs = DeskContext.evidence(references);
        Site site = ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        LogEntry current = entryOf(siteId, Checks.requiredText(entryId, "entry id"));
        Instant now = ctx.now();
        if (!ctx.mayDocument(siteId, site, actor, entryId, current.author(), now)) {
            throw ProcedureRefusedException.of(Refusal.EVIDENCE_NOT_ALLOWED, actorId, entryId, current.author());
        }
        if (current.evidence().containsAll(refs)) {
            return current;
        }
        LogEntry next = current.attachEvidence(refs);
        ctx.stores
                .entries()
                .save(
                        siteId,
                        current,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(
                                        entryId,
                                        ChangeType.ENTRY_EVIDENCE_ATTACHED,
                                        now.toEpochMilli(),
                                        DeskContext.shortHash(String.join("\n", refs))),
                                ChangeType.ENTRY_EVIDENCE_ATTACHED,
                                now,
                                actorId));
        return next;
    }

    private LogEntry entryOf(String siteId, String entryId) {
        return ctx.stores
                .entries()
                .find(siteId, entryId)
                .orElseThrow(() -> new NotFoundException("no entry with id " + entryId + " at site " + siteId));
    }

    /** The entry that records a call is written at or after it (G4). */
    private static void requireEntryAfterCall(Call call, LogEntry entry) {
        if (entry.at().isBefore(call.at())) {
            throw ProcedureRefusedException.of(
                    Refusal.CALL_ENTRY_BEFORE_CALL, call.id(), call.at(), entry.id(), entry.at());
        }
    }

    Absence startAbsence(String siteId, String absenceId, String coveredBy, String reason, String actorId) {
        Checks.requiredText(absenceId, "absence id");
        ctx.site(siteId);
        ctx.staff(siteId, actorId);
        String cover = Checks.blankToNull(coveredBy);
        if (cover != null) {
            ctx.staff(siteId, cover);
            if (cover.equals(actorId)) {
                throw ProcedureRefusedException.of(Refusal.ABSENCE_SELF_COVER, actorId);
            }
        }
        Optional<Absence> existing = ctx.stores.absences().find(siteId, absenceId);
        if (existing.isPresent() && existing.get().staff().equals(actorId)) {
            return existing.get();
        }
        Instant now = ctx.now();
        Absence next = new Absence(absenceId, actorId, now, null, cover, reason);
        ctx.stores
                .absences()
                .save(
                        siteId,
                        null,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(absenceId, ChangeType.ABSENCE_STARTED),
                                ChangeType.ABSENCE_STARTED,
                                now,
                                actorId));
        return next;
    }

    Absence endAbsence(String siteId, String absenceId, String actorId) {
        ctx.site(siteId);
        Staff actor = ctx.staff(siteId, actorId);
        Absence current = ctx.stores
                .absences()
                .find(siteId, Checks.requiredText(absenceId, "absence id"))
                .orElseThrow(() -> new NotFoundException("no absence with id " + absenceId + " at site " + siteId));
        if (!actorId.equals(current.staff()) && !actorId.equals(current.coveredBy()) && !actor.isSupervisor()) {
            throw ProcedureRefusedException.of(Refusal.ABSENCE_END_NOT_ALLOWED, actorId, absenceId, current.staff());
        }
        if (current.to() != null) {
            return current;
        }
        Instant now = ctx.now();
        Absence next = current.end(now);
        ctx.stores
                .absences()
                .save(
                        siteId,
                        current,
                        next,
                        DeskContext.change(
                                DeskContext.recordId(absenceId, ChangeType.ABSENCE_ENDED),
                                ChangeType.ABSENCE_ENDED,
                                now,
                                actorId));
        return next;
    }

    private LogEntry corrected(String siteId, String correctedId) {
        Checks.requiredText(correctedId, "corrected entry id");
        return ctx.stores
                .entries()
                .find(siteId, correctedId)
                .orElseThrow(() -> new NotFoundException(
                        "no entry with id " + correctedId + " at site " + siteId + " to correct"));
    }

    /** A mistake is corrected by whoever wrote the entry, or by a supervisor (4.1.8). */
    private static void requireMayCorrect(String siteId, Staff actor, LogEntry corrected) {
        if (!actor.id().equals(corrected.author()) && !actor.isSupervisor()) {
            throw ProcedureRefusedException.of(
                    Refusal.CORRECTION_NOT_ALLOWED, actor.id(), corrected.id(), corrected.author());
        }
    }

    /**
     * Open work is followed up by its author, the officer now on duty, an incoming who acknowledged
     * it at a handover (4.2.1) or a supervisor.
     */
    private boolean mayFollowUp(String siteId, Site site, Staff actor, LogEntry entry, Instant now) {
        if (actor.id().equals(entry.author()) || actor.isSupervisor()) {
            return true;
        }
        LocalDate today = site.dutyDateOf(now);
        if (ctx.officerOnDuty(siteId, site, today).map(actor.id()::equals).orElse(false)) {
            return true;
        }
        // the handovers of today's shifts (one still open) and every completed one that carried it over
        for (Handover handover :
                ctx.slice(site, LiveSlice.forItem(entry.id(), today)).handovers()) {
            if (handover.incoming().equals(actor.id()) && handover.carriedOver().contains(entry.id())) {
                return true;
            }
        }
        return false;
    }
}
