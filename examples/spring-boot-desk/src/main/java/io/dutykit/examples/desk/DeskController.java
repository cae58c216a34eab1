package io.dutykit.examples.desk;

import io.dutykit.core.NotFoundException;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.site.Site;
import io.dutykit.core.usecase.DutyDesk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk over HTTP: each endpoint is one call of the injected {@link DutyDesk}. A refusal by the
 * procedure, an unknown record or a lost race comes back as an RFC 9457 problem (the starter maps
 * DutyKit's exceptions), e.g. 422 with {@code clause} 4.2.2 and the open work in {@code blockingIds}.
 * Who acts is the {@code actor} of each request; a real host takes it from its login instead.
 */
@RestController
@RequestMapping("/sites/{siteId}")
class DeskController {
    private final DutyDesk desk;
    private final DutyStores stores;
    private final Clock clock;

    DeskController(DutyDesk desk, DutyStores stores, Clock clock) {
        this.desk = desk;
        this.stores = stores;
        this.clock = clock;
    }

    record TakeOver(LocalDate date, String outgoing, String actor) {}

    record ShiftEnd(LocalDate date, String incoming, String actor) {}

    record Actor(String actor) {}

    record NewEntry(String id, EntryKind kind, String text, boolean important, String actor) {}

    record NewIncident(String id, String category, IncidentSeverity severity, String actor) {}

    /** The incoming takes over the shift of duty date {@code date} from {@code outgoing} (4.1.5, 4.2.1). */
    @PostMapping("/handovers/{handoverId}/take-over")
    Handover takeOver(@PathVariable String siteId, @PathVariable String handoverId, @RequestBody TakeOver request) {
        return desk.takeOver(siteId, handoverId, request.date(), request.outgoing(), request.actor());
    }

    /** The officer on duty opens the handover at the end of the shift (the 08:30 handover to day staff). */
    @PostMapping("/handovers/{handoverId}/hand-over-shift-end")
    Handover handOverShiftEnd(
            @PathVariable String siteId, @PathVariable String handoverId, @RequestBody ShiftEnd request) {
        return desk.handOverShiftEnd(siteId, handoverId, request.date(), request.incoming(), request.actor());
    }

    /** The incoming records a check before signing (4.2.1): LOG_READ, AREA_INSPECTED, SYSTEMS_RUNNING, COMMS_WORKING. */
    @PostMapping("/handovers/{handoverId}/checks/{check}")
    Handover recordCheck(
            @PathVariable String siteId,
            @PathVariable String handoverId,
            @PathVariable String check,
            @RequestBody Actor request) {
        return desk.recordCheck(siteId, handoverId, check, request.actor());
    }

    /** One step of a handover: arrival, ready, sign-outgoing, sign-incoming or complete. */
    @PostMapping("/handovers/{handoverId}/{step}")
    Handover step(
            @PathVariable String siteId,
            @PathVariable String handoverId,
            @PathVariable String step,
            @RequestBody Actor request) {
        String actor = request.actor();
        return switch (step) {
            case "arrival" -> desk.recordIncomingArrival(siteId, handoverId, actor);
            case "ready" -> desk.recordOutgoingReady(siteId, handoverId, actor);
            case "sign-outgoing" -> desk.signAsOutgoing(siteId, handoverId, actor);
            case "sign-incoming" -> desk.signAsIncoming(siteId, handoverId, actor);
            case "complete" -> desk.completeHandover(siteId, handoverId, actor);
            default ->
                throw new NotFoundException(
                        "no handover step " + step + "; use arrival, ready, sign-outgoing, sign-incoming or complete");
        };
    }

    /** Appends an entry written now by the actor, on the duty date of now. */
    @PostMapping("/entries")
    LogEntry appendEntry(@PathVariable String siteId, @RequestBody NewEntry request) {
        Site site = stores.sites()
                .find(siteId, siteId)
                .orElseThrow(() -> new NotFoundException("no site with id " + siteId + " is stored"));
        Instant now = clock.instant();
        LogEntry entry = LogEntry.of(
                request.id(),
                site.dutyDateOf(now),
                now,
                request.actor(),
                request.kind(),
                request.text(),
                request.important());
        return desk.appendEntry(siteId, request.actor(), entry);
    }

    /** Records that the work of an entry is done. */
    @PostMapping("/entries/{entryId}/close")
    LogEntry closeEntry(@PathVariable String siteId, @PathVariable String entryId, @RequestBody Actor request) {
        return desk.closeEntry(siteId, entryId, request.actor());
    }

    /** Opens an incident now. */
    @PostMapping("/incidents")
    Incident openIncident(@PathVariable String siteId, @RequestBody NewIncident request) {
        return desk.openIncident(siteId, request.id(), request.category(), request.severity(), request.actor());
    }

    /** What falls due at the site within {@code within} (default 30 minutes), soonest first. */
    @GetMapping("/due")
    List<DueItem> due(@PathVariable String siteId, @RequestParam(defaultValue = "PT30M") Duration within) {
        return desk.due(siteId, within);
    }
}
