package io.dutykit.core.usecase;

import io.dutykit.core.ChainBrokenException;
import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.DueNotifier;
import io.dutykit.core.port.DutyObserver;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.procedure.DueWindow;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live use cases a property system calls as things happen at a service centre (SPEC section 2,
 * "embedded, live"): rosters and leave, handovers step by step, the duty log, incidents, calls,
 * absences, the supervisor's review and the duty report.
 *
 * <p>Every use case takes the id of the acting staff member and refuses what that person may not do
 * with a {@link ProcedureRefusedException} naming the clause; a refused call writes nothing. Each
 * allowed call writes one record and one log record. An unknown site, staff member or record is a
 * {@link NotFoundException}; a lost race (two officers taking over one shift) is a {@link
 * ConflictException}. The time of every change is the injected clock's; log record ids derive from
 * the caller's ids (e.g. {@code e-17/ENTRY_APPENDED}), and a call repeated after an in-doubt
 * outcome returns the stored result instead of writing it twice.
 *
 * <p>Calls that hand in a whole record take {@code (siteId, actorId, record)}; calls that act on a
 * stored record take its id first and the actor last.
 */
public final class DutyDesk {
    private static final Logger LOG = LoggerFactory.getLogger(DutyDesk.class);

    private final DeskContext ctx;
    private final SetupUseCases setup;
    private final RosterUseCases rosters;
    private final HandoverUseCases handovers;
    private final LogUseCases log;
    private final IncidentUseCases incidents;
    private final SupervisionUseCases supervision;
    private final DutyObserver observer;

    public DutyDesk(DutyStores stores, ProcedureRules rules, Clock clock) {
        this(stores, rules, clock, DutyObserver.NONE);
    }

    /**
     * A desk that tells {@code observer} how each call went (for metrics: docs/embedding.md, "Metrics"): a
     * failing observer is logged and never fails a call.
     */
    public DutyDesk(DutyStores stores, ProcedureRules rules, Clock clock, DutyObserver observer) {
        this.observer = DutyObserver.safe(observer);
        this.ctx = new DeskContext(stores, rules, clock);
        this.setup = new SetupUseCases(ctx);
        this.rosters = new RosterUseCases(ctx);
        this.handovers = new HandoverUseCases(ctx);
        this.log = new LogUseCases(ctx);
        this.incidents = new IncidentUseCases(ctx);
        this.supervision = new SupervisionUseCases(ctx);
    }

    // --- setting up -------------------------------------------------------------------------------

    /**
     * Stores the site or a change of its zone, calendar or duty windows. Once the site has a
     * supervisor only a supervisor may change it (3.1); before that the host bootstraps it.
     */
    public Site configureSite(Site site, String actorId) {
        return logged("configureSite", site.id(), actorId, () -> setup.configureSite(site, actorId));
    }

    /** Registers a staff member or changes their roles; once the site has a supervisor, only a supervisor may (3.1). */
    public Staff registerStaff(String siteId, Staff staff, String actorId) {
        return logged("registerStaff", siteId, actorId, () -> setup.registerStaff(siteId, staff, actorId));
    }

    // --- roster and leave (4.1.1, 4.1.2, 4.1.5) -----------------------------------------------------

    /**
     * Drafts (or redrafts) the roster of a month: a SUPERVISOR only (4.1.1); every duty names a known
     * DUTY_OFFICER (4.1.2); a published roster is not redrafted.
     */
    public Roster draftRoster(String siteId, YearMonth month, List<RosterDuty> duties, String actorId) {
        return logged("draftRoster", siteId, actorId, () -> rosters.draftRoster(siteId, month, duties, actorId));
    }

    /** Publishes the drafted roster: a SUPERVISOR only (4.1.1), and only with an officer on every date (4.1.2). */
    public Roster publishRoster(String siteId, YearMonth month, String actorId) {
        return logged("publishRoster", siteId, actorId, () -> rosters.publishRoster(siteId, month, actorId));
    }

    /**
     * An officer asks to be excused from their rostered duty of {@code date} (4.1.5), before it
     * starts. The actor is the officer or a supervisor recording the request for them.
     */
    public Leave requestLeave(
            String siteId, String leaveId, String staffId, LocalDate date, String reason, String actorId) {
        return logged(
                "requestLeave",
                siteId,
                actorId,
                () -> rosters.requestLeave(siteId, leaveId, staffId, date, reason, actorId));
    }

    /**
     * A SUPERVISOR approves the leave and assigns a DUTY_OFFICER as substitute (4.1.5), no later than
     * the start of the duty.
     */
    public Leave approveLeave(String siteId, String leaveId, String substituteId, String actorId) {
        return logged(
                "approveLeave", siteId, actorId, () -> rosters.approveLeave(siteId, leaveId, substituteId, actorId));
    }

    /**
     * A SUPERVISOR rejects the leave (4.1.5): an approved leave is not rejected, nor one another
     * supervisor rejected; a rejected leave is not approved.
     */
    public Leave rejectLeave(String siteId, String leaveId, String actorId) {
        return logged("rejectLeave", siteId, actorId, () -> rosters.rejectLeave(siteId, leaveId, actorId));
    }

    // --- handover (4.2.1, 4.2.2) ---------------------------------------------------------------------

    /**
     * The incoming opens the handover at the start of duty date {@code date}'s shift, taking it over
     * from {@code outgoingId}. Only the rostered officer, or the substitute of the rostered officer's
     * leave approved by a SUPERVISOR no later than the shift's start, may (4.1.5); the roster must be
     * published (4.1.1). Of two officers taking over at once, exactly one succeeds; the other gets a
     * {@link ConflictException}.
     */
    public Handover takeOver(String siteId, String handoverId, LocalDate date, String outgoingId, String actorId) {
        return logged(
                "takeOver", siteId, actorId, () -> handovers.takeOver(siteId, handoverId, date, outgoingId, actorId));
    }

    /**
     * The officer on duty opens the handover at the end of duty date {@code date}'s shift, when that
     * end starts no shift (the 08:30 handover to day staff on a working day); at a shift's start use
     * {@link #takeOver}.
     */
    public Handover handOverShiftEnd(
            String siteId, String handoverId, LocalDate date, String incomingId, String actorId) {
        return logged(
                "handOverShiftEnd",
                siteId,
                actorId,
                () -> handovers.handOverShiftEnd(siteId, handoverId, date, incomingId, actorId));
    }

    /** The incoming records their arrival (4.2.1: 5 minutes early). */
    public Handover recordIncomingArrival(String siteId, String handoverId, String actorId) {
        return logged(
                "recordIncomingArrival",
                siteId,
                actorId,
                () -> handovers.recordIncomingArrival(siteId, handoverId, actorId));
    }

    /** The outgoing records that items and desk are in order (4.2.2: 15 minutes before). */
    public Handover recordOutgoingReady(String siteId, String handoverId, String actorId) {
        return logged(
                "recordOutgoingReady",
                siteId,
                actorId,
                () -> handovers.recordOutgoingReady(siteId, handoverId, actorId));
    }

    /** The outgoing or the incoming records the count of one public item (4.2.1); a recount replaces it. */
    public Handover countInventory(String siteId, String handoverId, InventoryLine line, String actorId) {
        return logged(
                "countInventory", siteId, actorId, () -> handovers.countInventory(siteId, handoverId, line, actorId));
    }

    /** The outgoing or the incoming records an anomaly found in the area (4.2.1). */
    public Handover recordAnomaly(String siteId, String handoverId, Anomaly anomaly, String actorId) {
        return logged(
                "recordAnomaly", siteId, actorId, () -> handovers.recordAnomaly(siteId, handoverId, anomaly, actorId));
    }

    /** The outgoing explains the anomaly at {@code index} (0-based) (4.2.1). */
    public Handover explainAnomaly(String siteId, String handoverId, int index, String explanation, String actorId) {
        return logged(
                "explainAnomaly",
                siteId,
                actorId,
                () -> handovers.explainAnomaly(siteId, handoverId, index, explanation, actorId));
    }

    /**
     * The incoming records a check before taking over (4.2.1, G2) — a code such as {@code LOG_READ},
     * {@code AREA_INSPECTED}, {@code SYSTEMS_RUNNING}, {@code COMMS_WORKING} — from {@code
     * handover.checksLeadMinutes} before the handover until they sign; the checks {@code
     * handover.requiredChecks} names are needed before the incoming may sign.
     */
    public Handover recordCheck(String siteId, String handoverId, String check, String actorId) {
        return logged("recordCheck", siteId, actorId, () -> handovers.recordCheck(siteId, handoverId, check, actorId));
    }

    /** The incoming acknowledges an open entry or incident for follow-up (4.2.1). */
    public Handover carryOver(String siteId, String handoverId, String entryOrIncidentId, String actorId) {
        return logged(
                "carryOver",
                siteId,
                actorId,
                () -> handovers.carryOver(siteId, handoverId, entryOrIncidentId, actorId));
    }

    /**
     * The outgoing signs, once every missing or damaged item and every anomaly is explained and every
     * item of the site's checklist is counted (4.2.1); the signature carries the handover's content hash.
     */
    public Handover signAsOutgoing(String siteId, String handoverId, String actorId) {
        return logged("signAsOutgoing", siteId, actorId, () -> handovers.signAsOutgoing(siteId, handoverId, actorId));
    }

    /**
     * The incoming signs, after the outgoing (4.2.1), once every item of the site's checklist is counted
     * and the checks {@code handover.requiredChecks} names are recorded in their window; the refusal
     * names what is missing in {@link ProcedureRefusedException#blockingIds()}.
     */
    public Handover signAsIncoming(String siteId, String handoverId, String actorId) {
        return logged("signAsIncoming", siteId, actorId, () -> handovers.signAsIncoming(siteId, handoverId, actorId));
    }

    /**
     * Completes the handover. First asks {@link ProcedureRules#decideCompletion}: while important work
     * of the outgoing is open the handover is refused (4.2.2) and the exception names the open items
     * in {@link ProcedureRefusedException#blockingIds()}. Both must have signed.
     */
    public Handover completeHandover(String siteId, String handoverId, String actorId) {
        return logged(
                "completeHandover", siteId, actorId, () -> handovers.completeHandover(siteId, handoverId, actorId));
    }

    /**
     * May the handover complete now? What {@link #completeHandover} asks before it writes (4.2.2), for a
     * host that shows it before anyone tries: allowed, or refused naming the open items. Writes nothing;
     * reads only the completion slice (SPEC 8.1).
     */
    public HandoverDecision decideCompletion(String siteId, String handoverId) {
        return handovers.decideCompletion(siteId, handoverId);
    }

    // --- the duty log (4.1.8) ------------------------------------------------------------------------

    /**
     * Appends an entry written by the actor (its {@code author}). A {@code CORRECTION} entry must name
     * an existing entry, written by the actor or corrected by a supervisor.
     */
    public LogEntry appendEntry(String siteId, String actorId, LogEntry entry) {
        return logged("appendEntry", siteId, actorId, () -> log.appendEntry(siteId, actorId, entry));
    }

    /**
     * Corrects entry {@code correctedId} by a new CORRECTION entry, stamped now; the corrected entry
     * stays as written (4.1.8). Its author or a supervisor corrects it.
     */
    public LogEntry correctEntry(String siteId, String correctionId, String correctedId, String text, String actorId) {
        return logged(
                "correctEntry",
                siteId,
                actorId,
                () -> log.correctEntry(siteId, correctionId, correctedId, text, actorId));
    }

    /**
     * Records that the work of an entry is done. Its author, the officer on duty now, an incoming who
     * carried it over, or a supervisor closes it.
     */
    public LogEntry closeEntry(String siteId, String entryId, String actorId) {
        return logged("closeEntry", siteId, actorId, () -> log.closeEntry(siteId, entryId, actorId));
    }

    /** Records a call; a call taken or made by someone is recorded by them. */
    public Call recordCall(String siteId, String actorId, Call call) {
        return logged("recordCall", siteId, actorId, () -> log.recordCall(siteId, actorId, call));
    }

    /**
     * Links a call to the entry that records it (G4): by who took the call, the officer on duty (a call
     * without staff) or a supervisor; the entry is written at or after the call; a link is made once.
     */
    public Call linkCall(String siteId, String callId, String entryId, String actorId) {
        return logged("linkCall", siteId, actorId, () -> log.linkCall(siteId, callId, entryId, actorId));
    }

    /**
     * Attaches evidence (references to photos or documents, 4.2.2) to an entry as a new record; nothing
     * else of the entry changes. Its author, its owner now, the officer on duty or anyone of manager level.
     */
    public LogEntry attachEvidence(String siteId, String entryId, List<String> references, String actorId) {
        return logged(
                "attachEvidence", siteId, actorId, () -> log.attachEvidence(siteId, entryId, references, actorId));
    }

    /** The actor leaves the post now, naming who covers (4.1.5), if anyone. */
    public Absence startAbsence(String siteId, String absenceId, String coveredBy, String reason, String actorId) {
        return logged(
                "startAbsence", siteId, actorId, () -> log.startAbsence(siteId, absenceId, coveredBy, reason, actorId));
    }

    /** The absent officer is back; they, whoever covered, or a supervisor records it. */
    public Absence endAbsence(String siteId, String absenceId, String actorId) {
        return logged("endAbsence", siteId, actorId, () -> log.endAbsence(siteId, absenceId, actorId));
    }

    // --- incidents (4.1.4, 4.1.5, G3, G4) -------------------------------------------------------------

    /** The actor opens an incident now, on the duty date of the current shift. */
    public Incident openIncident(
            String siteId, String incidentId, String category, IncidentSeverity severity, String actorId) {
        return logged(
                "openIncident",
                siteId,
                actorId,
                () -> incidents.openIncident(siteId, incidentId, category, severity, actorId));
    }

    /**
     * Escalates the incident now to a person of manager level (4.1.5, 4.1.7), reached or not. Its
     * reporter or someone of manager level escalates.
     */
    public Incident escalateIncident(String siteId, String incidentId, String toId, boolean reached, String actorId) {
        return logged(
                "escalateIncident",
                siteId,
                actorId,
                () -> incidents.escalate(siteId, incidentId, toId, reached, null, actorId));
    }

    /** As {@link #escalateIncident(String, String, String, boolean, String)}, with the decision taken (4.1.5). */
    public Incident escalateIncident(
            String siteId, String incidentId, String toId, boolean reached, String decision, String actorId) {
        return logged(
                "escalateIncident",
                siteId,
                actorId,
                () -> incidents.escalate(siteId, incidentId, toId, reached, decision, actorId));
    }

    /** Starts the incident's emergency plan now (G3). */
    public Incident activatePlan(String siteId, String incidentId, String actorId) {
        return logged("activatePlan", siteId, actorId, () -> incidents.activatePlan(siteId, incidentId, actorId));
    }

    /**
     * Resolves the incident now; a MAJOR one only with its process and result (G4) and with evidence
     * attached (4.2.2).
     */
    public Incident resolveIncident(String siteId, String incidentId, String process, String result, String actorId) {
        return logged(
                "resolveIncident",
                siteId,
                actorId,
                () -> incidents.resolve(siteId, incidentId, process, result, actorId));
    }

    /**
     * The SUPERVISOR reached about the incident records their decision (4.1.5), now; also after it was
     * resolved. A decision, once recorded, is not changed.
     */
    public Incident recordDecision(String siteId, String incidentId, String decision, String actorId) {
        return logged(
                "recordDecision",
                siteId,
                actorId,
                () -> incidents.recordDecision(siteId, incidentId, decision, actorId));
    }

    /** Someone of manager level escalated to about the incident records being back on site (4.1.7), now. */
    public Incident recordOnSite(String siteId, String incidentId, String actorId) {
        return logged("recordOnSite", siteId, actorId, () -> incidents.recordOnSite(siteId, incidentId, actorId));
    }

    /**
     * Attaches evidence (4.2.2) to an incident as a new record; nothing else changes. Its reporter, its
     * owner now, the officer on duty or anyone of manager level; also after it was resolved.
     */
    public Incident attachIncidentEvidence(String siteId, String incidentId, List<String> references, String actorId) {
        return logged(
                "attachIncidentEvidence",
                siteId,
                actorId,
                () -> incidents.attachEvidence(siteId, incidentId, references, actorId));
    }

    // --- supervision and reports (3.1, 4.3, G2, G4, G5) -----------------------------------------------

    /**
     * A SUPERVISOR signs the review of the duty log of {@code date} once its shift has ended (4.3).
     * The review carries the log's current chain head ({@code logHead}), anchoring it outside the
     * database.
     */
    public SupervisorReview signReview(String siteId, LocalDate date, String actorId) {
        return logged("signReview", siteId, actorId, () -> supervision.signReview(siteId, date, actorId));
    }

    /** The officer on duty of {@code date} submits the duty report (G2, G4), from the start of the duty on. */
    public DutyReport submitDutyReport(String siteId, LocalDate date, String actorId) {
        return logged("submitDutyReport", siteId, actorId, () -> supervision.submitDutyReport(siteId, date, actorId));
    }

    /**
     * A SUPERVISOR reviews the duty report of {@code date} written by {@code authorId} (G4, 4.3), not
     * their own; a report is reviewed once.
     */
    public DutyReport reviewDutyReport(String siteId, LocalDate date, String authorId, String actorId) {
        return logged(
                "reviewDutyReport",
                siteId,
                actorId,
                () -> supervision.reviewDutyReport(siteId, date, authorId, actorId));
    }

    /** A SUPERVISOR records a training of duty officers (G5). */
    public Training recordTraining(String siteId, String actorId, Training training) {
        return logged("recordTraining", siteId, actorId, () -> supervision.recordTraining(siteId, actorId, training));
    }

    /** A SUPERVISOR records the monthly review of the duty process (G5), once per month. */
    public ProcessReview recordProcessReview(String siteId, YearMonth month, String findings, String actorId) {
        return logged(
                "recordProcessReview",
                siteId,
                actorId,
                () -> supervision.recordProcessReview(siteId, month, findings, actorId));
    }

    /** A SUPERVISOR records a spot check of the duty of {@code date} (3.1). */
    public SpotCheck recordSpotCheck(String siteId, LocalDate date, String findings, String actorId) {
        return logged(
                "recordSpotCheck", siteId, actorId, () -> supervision.recordSpotCheck(siteId, date, findings, actorId));
    }

    // --- what is due, and checks ------------------------------------------------------------------------

    /**
     * The deadlines of the site falling within {@code horizon} from now that nobody has met yet,
     * soonest first, as the rules port computes them.
     */
    public List<DueItem> due(String siteId, Duration horizon) {
        return dueAt(siteId, ctx.now(), horizon);
    }

    /** Hands {@link #due} to the host's notifier, when anything is due; returns what was handed over. */
    public List<DueItem> notifyDue(String siteId, Duration horizon, DueNotifier notifier) {
        Instant now = ctx.now();
        List<DueItem> due = dueAt(siteId, now, horizon);
        if (!due.isEmpty()) {
            notifier.notifyDue(siteId, now, due);
        }
        return due;
    }

    /** Every violation of the rules in the period, as things stand now. */
    public List<Violation> check(String siteId, CheckPeriod period) {
        ctx.site(siteId);
        return ctx.rules.evaluate(ctx.stores.load(siteId), period, ctx.now());
    }

    /**
     * Runs a use case, tells the observer how it went — done (with how long it took), refused by the
     * procedure, or a lost race — and logs what it refused (INFO: a refusal is the procedure working, with
     * its code, clause and the English message), a lost race (WARN) and a broken chain (ERROR); the
     * exception is passed on unchanged.
     */
    private <T> T logged(String action, String siteId, String actorId, Supplier<T> call) {
        long start = System.nanoTime(); // a measurement for the observer, not a time of the procedure
        try {
            T result = call.get();
            observer.completed(siteId, action, Duration.ofNanos(System.nanoTime() - start));
            return result;
        } catch (ProcedureRefusedException refused) {
            LOG.info(
                    "{} by {} at site {} refused: {} (clause {}): {}",
                    action,
                    actorId,
                    siteId,
                    refused.code(),
                    refused.clause(),
                    refused.message(Locale.ENGLISH));
            observer.refused(siteId, action, refused);
            throw refused;
        } catch (ConflictException conflict) {
            LOG.warn("{} by {} at site {}: conflict: {}", action, actorId, siteId, conflict.getMessage());
            observer.conflict(siteId, action);
            throw conflict;
        } catch (ChainBrokenException broken) {
            LOG.error("{} by {} at site {} refused: {}", action, actorId, siteId, broken.getMessage());
            throw broken;
        }
    }

    private List<DueItem> dueAt(String siteId, Instant now, Duration horizon) {
        if (horizon == null || horizon.isNegative()) {
            throw InvalidValueException.of("horizon (%s) must be zero or positive, e.g. PT30M", horizon);
        }
        Site site = ctx.site(siteId);
        DueWindow window = ctx.model().deadlines().window(site, now, horizon);
        List<DueItem> due = ctx.rules.due(ctx.slice(site, window.liveSlice()), now, horizon).stream()
                .sorted(Comparator.comparing(DueItem::deadline))
                .toList();
        observer.due(siteId, due);
        return due;
    }
}
