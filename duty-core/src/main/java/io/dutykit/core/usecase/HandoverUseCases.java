package io.dutykit.core.usecase;

import io.dutykit.core.Checks;
import io.dutykit.core.ConflictException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.LiveSlice;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.Refusal;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A handover run step by step (4.2.1, 4.2.2), each step by the party the procedure gives it to. */
final class HandoverUseCases {
    private final DeskContext ctx;

    HandoverUseCases(DeskContext ctx) {
        this.ctx = ctx;
    }

    Handover takeOver(String siteId, String handoverId, LocalDate date, String outgoingId, String actorId) {
        Checks.requiredText(handoverId, "handover id");
        Checks.required(date, "date");
        Site site = ctx.site(siteId);
        ctx.staff(siteId, actorId);
        ctx.staff(siteId, outgoingId);
        DutyShift shift = site.shiftOf(date);
        Optional<Handover> taken = ctx.stores.handovers().findScheduled(siteId, date, shift.start());
        if (taken.isPresent()) {
            return retriedOrTaken(taken.get(), handoverId, actorId, taken.get().incoming());
        }
        requireMayTakeOver(siteId, date, shift, actorId);
        Handover next = Handover.schedule(handoverId, date, shift.start(), outgoingId, actorId);
        return open(siteId, next, actorId);
    }

    Handover handOverShiftEnd(String siteId, String handoverId, LocalDate date, String incomingId, String actorId) {
        Checks.requiredText(handoverId, "handover id");
        Checks.required(date, "date");
        Site site = ctx.site(siteId);
        ctx.staff(siteId, actorId);
        ctx.staff(siteId, incomingId);
        DutyShift shift = site.shiftOf(date);
        Optional<DutyShift> following = site.shiftStartingAt(shift.end());
        if (following.isPresent()) {
            throw ProcedureRefusedException.of(
                    Refusal.SHIFT_END_STARTS_A_SHIFT,
                    date,
                    shift.end(),
                    following.get().date());
        }
        Optional<String> onDuty = ctx.officerOnDuty(siteId, site, date);
        if (!onDuty.map(actorId::equals).orElse(false)) {
            throw ProcedureRefusedException.of(
                    Refusal.SHIFT_END_NOT_OFFICER_ON_DUTY, actorId, date, onDuty.orElse(null));
        }
        Optional<Handover> taken = ctx.stores.handovers().findScheduled(siteId, date, shift.end());
        if (taken.isPresent()) {
            return retriedOrTaken(taken.get(), handoverId, actorId, taken.get().outgoing());
        }
        Handover next = Handover.schedule(handoverId, date, shift.end(), actorId, incomingId);
        return open(siteId, next, actorId);
    }

    Handover recordIncomingArrival(String siteId, String handoverId, String actorId) {
        Handover current = incomingStep(siteId, handoverId, actorId, Refusal.ARRIVAL_NOT_INCOMING);
        if (current.incomingArrivedAt() != null) {
            return current;
        }
        Instant now = ctx.now();
        return save(
                siteId,
                current,
                current.recordIncomingArrival(now),
                DeskContext.recordId(handoverId, ChangeType.HANDOVER_INCOMING_ARRIVED),
                ChangeType.HANDOVER_INCOMING_ARRIVED,
                now,
                actorId);
    }

    Handover recordOutgoingReady(String siteId, String handoverId, String actorId) {
        Handover current = outgoingStep(siteId, handoverId, actorId, Refusal.READINESS_NOT_OUTGOING);
        if (current.outgoingReadyAt() != null) {
            return current;
        }
        Instant now = ctx.now();
        return save(
                siteId,
                current,
                current.recordOutgoingReady(now),
                DeskContext.recordId(handoverId, ChangeType.HANDOVER_OUTGOING_READY),
                ChangeType.HANDOVER_OUTGOING_READY,
                now,
                actorId);
    }

    Handover countInventory(String siteId, String handoverId, InventoryLine line, String actorId) {
        Checks.required(line, "inventory line");
        Handover current = partyStep(siteId, handoverId, actorId, Refusal.COUNT_NOT_A_PARTY);
        if (current.inventory().contains(line)) {
            return current;
        }
        // D5: a line of a checklist item is counted against the checklist's expected number
        ctx.site(siteId).checklistItem(line.item()).ifPresent(item -> {
            if (item.expected() != line.expected()) {
                throw ProcedureRefusedException.of(
                        Refusal.COUNT_EXPECTED_NOT_CHECKLIST,
                        handoverId,
                        line.item(),
                        line.expected(),
                        item.expected());
            }
        });
        Instant now = ctx.now();
        return save(
                siteId,
                current,
                current.countInventory(line),
                DeskContext.recordId(
                        handoverId,
                        ChangeType.HANDOVER_INVENTORY_COUNTED,
                        line.item(),
                        now.toEpochMilli(),
                        DeskContext.shortHash(line.toString())),
                ChangeType.HANDOVER_INVENTORY_COUNTED,
                now,
                actorId);
    }

    Handover recordAnomaly(String siteId, String handoverId, Anomaly anomaly, String actorId) {
        Checks.required(anomaly, "anomaly");
        Handover current = partyStep(siteId, handoverId, actorId, Refusal.ANOMALY_NOT_A_PARTY);
        if (current.anomalies().contains(anomaly)) {
            return current;
        }
        Instant now = ctx.now();
        return save(
                siteId,
                current,
                current.recordAnomaly(anomaly),
                DeskContext.recordId(
                        handoverId,
                        ChangeType.HANDOVER_ANOMALY_RECORDED,
                        current.anomalies().size()),
                ChangeType.HANDOVER_ANOMALY_RECORDED,
                now,
                actorId);
    }

    Handover explainAnomaly(String siteId, String handoverId, int index, String explanation, String actorId) {
        Checks.requiredText(explanation, "explanation");
        Handover current = outgoingStep(siteId, handoverId, actorId, Refusal.EXPLANATION_NOT_OUTGOING);
        Handover next = current.explainAnomaly(index, explanation);
        if (next.equals(current)) {
            return current;
        }
        Instant now = ctx.now();
        return save(
                siteId,
                current,
                next,
                DeskContext.recordId(
                        handoverId,
                        ChangeType.HANDOVER_ANOMALY_RECORDED,
                        index,
                        "explained",
                        now.toEpochMilli(),
                        DeskContext.shortHash(explanation)),
                ChangeType.HANDOVER_ANOMALY_RECORDED,
                now,
                actorId);
    }

    /**
     * The incoming records a check (4.2.1, G2): from {@code handover.checksLeadMinutes} before the
     * handover until they sign; a check of a code already recorded returns the stored handover.
     */
    Handover recordCheck(String siteId, String handoverId, String check, String actorId) {
        Checks.code(check, "check");
        Handover current = incomingStep(siteId, handoverId, actorId, Refusal.CHECK_NOT_INCOMING);
        if (current.checks().stream().anyMatch(c -> c.check().equals(check))) {
            return current;
        }
        Instant now = ctx.now();
        Instant from = checksFrom(current);
        if (now.isBefore(from)) {
            throw ProcedureRefusedException.of(Refusal.CHECK_TOO_EARLY, check, handoverId, from);
        }
        return save(
                siteId,
                current,
                current.recordCheck(new HandoverCheck(check, actorId, now)),
                DeskContext.recordId(handoverId, ChangeType.HANDOVER_CHECK_RECORDED, check),
                ChangeType.HANDOVER_CHECK_RECORDED,
                now,
                actorId);
    }

    /** The first instant a check of the handover counts: {@code handover.checksLeadMinutes} before it. */
    private Instant checksFrom(Handover handover) {
        return handover.scheduledAt().minus(ctx.model().parameters().get(Parameters.CHECKS_LEAD));
    }

    Handover carryOver(String siteId, String handoverId, String itemId, String actorId) {
        Checks.requiredText(itemId, "carried-over item id");
        Handover current = incomingStep(siteId, handoverId, actorId, Refusal.CARRY_OVER_NOT_INCOMING);
        if (ctx.stores.entries().find(siteId, itemId).isEmpty()
                && ctx.stores.incidents().find(siteId, itemId).isEmpty()) {
            throw new NotFoundException(
                    "no entry or incident with id " + itemId + " at site " + siteId + " to carry over");
        }
        if (current.carriedOver().contains(itemId)) {
            return current;
        }
        Instant now = ctx.now();
        return save(
                siteId,
                current,
                current.carryOver(itemId),
                DeskContext.recordId(handoverId, ChangeType.HANDOVER_ITEM_CARRIED_OVER, itemId),
                ChangeType.HANDOVER_ITEM_CARRIED_OVER,
                now,
                actorId);
    }

    Handover signAsOutgoing(String siteId, String handoverId, String actorId) {
        Handover current = outgoingStep(siteId, handoverId, actorId, Refusal.OUTGOING_SIGNATURE_NOT_OUTGOING);
        return sign(siteId, current, SignatureRole.OUTGOING, actorId);
    }

    Handover signAsIncoming(String siteId, String handoverId, String actorId) {
        Handover current = incomingStep(siteId, handoverId, actorId, Refusal.INCOMING_SIGNATURE_NOT_INCOMING);
        return sign(siteId, current, SignatureRole.INCOMING, actorId);
    }

    /** One signature, once: a retried signing returns what is stored; nothing unexplained may be signed. */
    private Handover sign(String siteId, Handover current, SignatureRole role, String actorId) {
        if (current.signature(role).filter(s -> s.staff().equals(actorId)).isPresent()) {
            return current;
        }
        List<InventoryItem> checklist = ctx.site(siteId).inventory();
        requireExplained(current, checklist);
        Instant now = ctx.now();
        Handover signed = role == SignatureRole.OUTGOING
                ? current.signAsOutgoing(actorId, now)
                : current.signAsIncoming(actorId, now);
        requireCountedAndChecked(current, role, checklist, now);
        return save(
                siteId,
                current,
                signed,
                DeskContext.recordId(current.id(), ChangeType.HANDOVER_SIGNED, role),
                ChangeType.HANDOVER_SIGNED,
                now,
                actorId);
    }

    Handover completeHandover(String siteId, String handoverId, String actorId) {
        Handover current = partyStep(siteId, handoverId, actorId, Refusal.COMPLETION_NOT_A_PARTY);
        if (current.isCompleted()) {
            return current;
        }
        Instant now = ctx.now();
        HandoverDecision decision = decide(ctx.site(siteId), current, now);
        if (!decision.allowed()) {
            String reasons = decision.reasons().isEmpty() ? "" : " (" + String.join("; ", decision.reasons()) + ")";
            throw ProcedureRefusedException.blocking(
                    Refusal.HANDOVER_WITH_OPEN_CRITICAL_WORK,
                    decision.blockingIds(),
                    handoverId,
                    current.outgoing(),
                    decision.blockingIds(),
                    reasons);
        }
        return save(
                siteId,
                current,
                current.complete(now),
                DeskContext.recordId(handoverId, ChangeType.HANDOVER_COMPLETED),
                ChangeType.HANDOVER_COMPLETED,
                now,
                actorId);
    }

    /** May the handover complete now (4.2.2)? The decision {@link #completeHandover} asks, writing nothing. */
    HandoverDecision decideCompletion(String siteId, String handoverId) {
        Site site = ctx.site(siteId);
        Handover current = ctx.stores
                .handovers()
                .find(siteId, Checks.requiredText(handoverId, "handover id"))
                .orElseThrow(() -> new NotFoundException("no handover with id " + handoverId + " at site " + siteId));
        return decide(site, current, ctx.now());
    }

    /** The rules asked about the completion slice: the neighbouring shifts and the open work at the instant. */
    private HandoverDecision decide(Site site, Handover handover, Instant at) {
        SiteRecords records = ctx.slice(site, LiveSlice.forCompletion(handover, at));
        return ctx.rules.decideCompletion(records, handover, at);
    }

    /**
     * Only the rostered officer, or the substitute of the rostered officer's leave approved by a
     * SUPERVISOR no later than the shift's start, takes over (4.1.5: no private swaps).
     */
    private void requireMayTakeOver(String siteId, LocalDate date, DutyShift shift, String actorId) {
        var roster = ctx.roster(siteId, YearMonth.from(date));
        if (roster.isEmpty() || !roster.get().isPublished()) {
            throw ProcedureRefusedException.of(Refusal.TAKEOVER_ROSTER_NOT_PUBLISHED, YearMonth.from(date));
        }
        Optional<String> rostered = roster.get().officerOn(date);
        if (rostered.map(actorId::equals).orElse(false)) {
            return;
        }
        boolean approvedSubstitute = rostered.isPresent()
                && ctx.slice(ctx.site(siteId), LiveSlice.dates(date, date)).leaves().stream()
                        .filter(l ->
                                l.staff().equals(rostered.get()) && l.date().equals(date))
                        .anyMatch(l -> l.coversSwapTo(actorId, shift.start()) && approvedBySupervisor(siteId, l));
        if (!approvedSubstitute) {
            throw ProcedureRefusedException.of(Refusal.TAKEOVER_NOT_ROSTERED, actorId, date, rostered.orElse(null));
        }
    }

    private boolean approvedBySupervisor(String siteId, Leave leave) {
        return ctx.stores
                .staff()
                .find(siteId, leave.approvedBy())
                .map(Staff::isSupervisor)
                .orElse(false);
    }

    private static Handover retriedOrTaken(Handover taken, String handoverId, String actorId, String takenBy) {
        if (taken.id().equals(handoverId) && takenBy.equals(actorId)) {
            return taken;
        }
        throw new ConflictException("the handover at " + taken.scheduledAt() + " of duty date " + taken.date()
                + " is already open as " + taken.id() + " (outgoing " + taken.outgoing() + ", incoming "
                + taken.incoming() + "); only one officer takes over a shift");
    }

    private Handover open(String siteId, Handover next, String actorId) {
        Instant now = ctx.now();
        return save(
                siteId,
                null,
                next,
                DeskContext.recordId(next.id(), ChangeType.HANDOVER_OPENED),
                ChangeType.HANDOVER_OPENED,
                now,
                actorId);
    }

    /**
     * Every checklist item counted before either signature (4.2.1; the outgoing's too, D4: after a
     * signature nothing can be counted), and the required checks recorded in their window before the
     * incoming's (4.2.1, G2). The blocking ids are the subjects HANDOVER_CHECKS_MISSING and
     * HANDOVER_INVENTORY_INCOMPLETE would report: {@code HO/CODE}, {@code HO/ITEM}.
     */
    private void requireCountedAndChecked(
            Handover handover, SignatureRole role, List<InventoryItem> checklist, Instant now) {
        List<String> uncounted = handover.uncounted(checklist);
        if (role == SignatureRole.OUTGOING) {
            if (!uncounted.isEmpty()) {
                throw ProcedureRefusedException.blocking(
                        Refusal.OUTGOING_SIGNATURE_ITEMS_NOT_COUNTED,
                        subjects(handover, uncounted),
                        handover.id(),
                        String.join(", ", uncounted));
            }
            return;
        }
        List<String> required = List.copyOf(ctx.model().parameters().get(Parameters.REQUIRED_CHECKS));
        List<String> missing = handover.missingChecks(required, checksFrom(handover), now);
        if (!missing.isEmpty() || !uncounted.isEmpty()) {
            List<String> blocking = new ArrayList<>(subjects(handover, missing));
            blocking.addAll(subjects(handover, uncounted));
            throw ProcedureRefusedException.blocking(
                    Refusal.INCOMING_SIGNATURE_CHECKS_MISSING,
                    blocking,
                    handover.id(),
                    missing.isEmpty() ? "-" : String.join(", ", missing),
                    uncounted.isEmpty() ? "-" : String.join(", ", uncounted));
        }
    }

    private static List<String> subjects(Handover handover, List<String> codes) {
        return codes.stream().map(code -> handover.id() + "/" + code).toList();
    }

    private static void requireExplained(Handover handover, List<InventoryItem> checklist) {
        List<String> open = handover.unexplained(checklist);
        if (!open.isEmpty()) {
            List<String> subjects =
                    open.stream().map(item -> handover.id() + "/" + item).toList();
            throw ProcedureRefusedException.blocking(Refusal.HANDOVER_UNEXPLAINED, subjects, handover.id(), subjects);
        }
    }

    private Handover load(String siteId, String handoverId, String actorId) {
        ctx.site(siteId);
        ctx.staff(siteId, actorId);
        return ctx.stores
                .handovers()
                .find(siteId, Checks.requiredText(handoverId, "handover id"))
                .orElseThrow(() -> new NotFoundException("no handover with id " + handoverId + " at site " + siteId));
    }

    private Handover incomingStep(String siteId, String handoverId, String actorId, Refusal refusal) {
        Handover handover = load(siteId, handoverId, actorId);
        if (!handover.incoming().equals(actorId)) {
            throw ProcedureRefusedException.of(refusal, actorId, handoverId, handover.incoming());
        }
        return handover;
    }

    private Handover outgoingStep(String siteId, String handoverId, String actorId, Refusal refusal) {
        Handover handover = load(siteId, handoverId, actorId);
        if (!handover.outgoing().equals(actorId)) {
            throw ProcedureRefusedException.of(refusal, actorId, handoverId, handover.outgoing());
        }
        return handover;
    }

    private Handover partyStep(String siteId, String handoverId, String actorId, Refusal refusal) {
        Handover handover = load(siteId, handoverId, actorId);
        if (!handover.incoming().equals(actorId) && !handover.outgoing().equals(actorId)) {
            throw ProcedureRefusedException.of(refusal, actorId, handoverId, handover.outgoing(), handover.incoming());
        }
        return handover;
    }

    private Handover save(
            String siteId,
            Handover previous,
            Handover next,
            String recordId,
            ChangeType type,
            Instant now,
            String actorId) {
        ctx.stores.handovers().save(siteId, previous, next, DeskContext.change(recordId, type, now, actorId));
        return next;
    }
}
