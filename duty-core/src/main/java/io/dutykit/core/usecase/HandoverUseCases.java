package io.dutykit.core.usecase;

import io.dutykit.core.Checks;
import io.dutykit.core.ConflictException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
            throw new ProcedureRefusedException(
                    "4.2",
                    "the handover at the end of the duty of " + date + " (" + shift.end() + ") starts the duty of "
                            + following.get().date() + "; its incoming takes that shift over");
        }
        Optional<String> onDuty = ctx.officerOnDuty(siteId, site, date);
        if (!onDuty.map(actorId::equals).orElse(false)) {
            throw new ProcedureRefusedException(
                    "4.2.2",
                    actorId + " is not the officer on duty on " + date + " (" + onDuty.orElse("nobody")
                            + " is); the outgoing officer hands the shift over");
        }
        Optional<Handover> taken = ctx.stores.handovers().findScheduled(siteId, date, shift.end());
        if (taken.isPresent()) {
            return retriedOrTaken(taken.get(), handoverId, actorId, taken.get().outgoing());
        }
        Handover next = Handover.schedule(handoverId, date, shift.end(), actorId, incomingId);
        return open(siteId, next, actorId);
    }

    Handover recordIncomingArrival(String siteId, String handoverId, String actorId) {
        Handover current = incomingStep(siteId, handoverId, actorId, "record the incoming's arrival");
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
        Handover current = outgoingStep(siteId, handoverId, actorId, "record the outgoing's readiness");
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
        Handover current = partyStep(siteId, handoverId, actorId, "count the inventory");
        if (current.inventory().contains(line)) {
            return current;
        }
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
        Handover current = partyStep(siteId, handoverId, actorId, "record an anomaly");
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
        Handover current = outgoingStep(siteId, handoverId, actorId, "explain an anomaly");
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

    Handover carryOver(String siteId, String handoverId, String itemId, String actorId) {
        Checks.requiredText(itemId, "carried-over item id");
        Handover current = incomingStep(siteId, handoverId, actorId, "carry over an item");
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
        Handover current = outgoingStep(siteId, handoverId, actorId, "sign as the outgoing officer");
        return sign(siteId, current, SignatureRole.OUTGOING, actorId);
    }

    Handover signAsIncoming(String siteId, String handoverId, String actorId) {
        Handover current = incomingStep(siteId, handoverId, actorId, "sign as the incoming officer");
        return sign(siteId, current, SignatureRole.INCOMING, actorId);
    }

    /** One signature, once: a retried signing returns what is stored; nothing unexplained may be signed. */
    private Handover sign(String siteId, Handover current, SignatureRole role, String actorId) {
        if (current.signature(role).filter(s -> s.staff().equals(actorId)).isPresent()) {
            return current;
        }
        requireExplained(current);
        Instant now = ctx.now();
        Handover signed = role == SignatureRole.OUTGOING
                ? current.signAsOutgoing(actorId, now)
                : current.signAsIncoming(actorId, now);
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
        Handover current = partyStep(siteId, handoverId, actorId, "complete the handover");
        if (current.isCompleted()) {
            return current;
        }
        Instant now = ctx.now();
        SiteRecords records = ctx.recordsForDecision(siteId);
        HandoverDecision decision = ctx.rules.decideCompletion(records, current, now);
        if (!decision.allowed()) {
            String reasons = decision.reasons().isEmpty() ? "" : " (" + String.join("; ", decision.reasons()) + ")";
            throw new ProcedureRefusedException(
                    "4.2.2",
                    "handover " + handoverId + " cannot complete while important work of the outgoing "
                            + current.outgoing() + " is open: " + String.join(", ", decision.blockingIds()) + reasons
                            + "; close or resolve it first",
                    decision.blockingIds());
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

    /**
     * Only the rostered officer, or the substitute of the rostered officer's leave approved by a
     * SUPERVISOR no later than the shift's start, takes over (4.1.5: no private swaps).
     */
    private void requireMayTakeOver(String siteId, LocalDate date, DutyShift shift, String actorId) {
        var roster = ctx.roster(siteId, YearMonth.from(date));
        if (roster.isEmpty() || !roster.get().isPublished()) {
            throw new ProcedureRefusedException(
                    "4.1.1",
                    "the roster of " + YearMonth.from(date) + " is not published; officers take over duty"
                            + " according to the published roster");
        }
        Optional<String> rostered = roster.get().officerOn(date);
        if (rostered.map(actorId::equals).orElse(false)) {
            return;
        }
        boolean approvedSubstitute = rostered.isPresent()
                && ctx.stores.leaves().all(siteId).stream()
                        .filter(l ->
                                l.staff().equals(rostered.get()) && l.date().equals(date))
                        .anyMatch(l -> l.coversSwapTo(actorId, shift.start()) && approvedBySupervisor(siteId, l));
        if (!approvedSubstitute) {
            throw new ProcedureRefusedException(
                    "4.1.5",
                    actorId + " may not take over the duty of " + date + ": " + rostered.orElse("nobody")
                            + " is rostered and no leave approved by a supervisor names " + actorId
                            + " as substitute; no private swaps before approval");
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

    private static void requireExplained(Handover handover) {
        List<String> open = handover.unexplained();
        if (!open.isEmpty()) {
            List<String> subjects =
                    open.stream().map(item -> handover.id() + "/" + item).toList();
            throw new ProcedureRefusedException(
                    "4.2.1",
                    "handover " + handover.id() + " cannot be signed while these are unexplained: "
                            + String.join(", ", subjects)
                            + "; the outgoing explains and records every missing or damaged item and anomaly",
                    subjects);
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

    private Handover incomingStep(String siteId, String handoverId, String actorId, String action) {
        Handover handover = load(siteId, handoverId, actorId);
        if (!handover.incoming().equals(actorId)) {
            throw new ProcedureRefusedException(
                    "4.2.1",
                    actorId + " may not " + action + " of handover " + handoverId + ": only the incoming officer "
                            + handover.incoming() + " may");
        }
        return handover;
    }

    private Handover outgoingStep(String siteId, String handoverId, String actorId, String action) {
        Handover handover = load(siteId, handoverId, actorId);
        if (!handover.outgoing().equals(actorId)) {
            throw new ProcedureRefusedException(
                    "4.2.2",
                    actorId + " may not " + action + " of handover " + handoverId + ": only the outgoing officer "
                            + handover.outgoing() + " may");
        }
        return handover;
    }

    private Handover partyStep(String siteId, String handoverId, String actorId, String action) {
        Handover handover = load(siteId, handoverId, actorId);
        if (!handover.incoming().equals(actorId) && !handover.outgoing().equals(actorId)) {
            throw new ProcedureRefusedException(
                    "4.2.1",
                    actorId + " may not " + action + " of handover " + handoverId + ": only the outgoing ("
                            + handover.outgoing() + ") and the incoming (" + handover.incoming() + ") may");
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
