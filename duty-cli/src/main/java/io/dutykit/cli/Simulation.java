package io.dutykit.cli;

import io.dutykit.core.ChainBrokenException;
import io.dutykit.core.DutyKitException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.port.RecordStore;
import io.dutykit.core.procedure.Ownership;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.usecase.DutyDesk;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Records a stretch of duty at a site through the core's live use cases, as a property system would:
 * a plan of what happened (from {@link io.dutykit.dataset.generate.DatasetGenerator}) is replayed in
 * time order, each step by the person who did it, on a clock set to the step's instant. Whatever the
 * procedure refuses is refused live, as it would be at the desk, and the simulation goes on; a broken
 * chain (ChainBrokenException) stops it.
 */
final class Simulation {
    private final DutyStores stores;
    private final ProcedureRules rules;
    private final BiConsumer<String, String> refused;
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong steps = new AtomicLong();

    /**
     * @param committed told {@code (site, recordId)} after each log record has committed
     * @param refused told {@code (site, message)} for each step the procedure refused
     */
    Simulation(
            DutyStores stores,
            ProcedureRules rules,
            BiConsumer<String, String> committed,
            BiConsumer<String, String> refused) {
        this.stores = reporting(stores, committed);
        this.rules = rules;
        this.refused = refused;
    }

    long refusals() {
        return refusals.get();
    }

    long steps() {
        return steps.get();
    }

    /** Replays the plan of one site; returns the instant of its last step. */
    Instant run(SiteRecords plan) {
        SteppedClock clock = new SteppedClock(plan.site().zone());
        DutyDesk desk = new DutyDesk(stores, rules, clock);
        List<Step> script = script(plan, desk);
        script.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
        Instant last = Instant.EPOCH;
        String siteId = plan.site().id();
        for (Step step : script) {
            clock.set(step.at());
            steps.incrementAndGet();
            try {
                step.action().run();
            } catch (ChainBrokenException e) {
                throw e; // an integrity failure, not a refusal: the simulation stops (exit 3)
            } catch (DutyKitException e) {
                // refused live, as at the desk (a ProcedureRefusedException, a lost race, …): go on
                refusals.incrementAndGet();
                refused.accept(siteId, step.what() + ": " + e.getMessage());
            }
            last = step.at();
        }
        return last;
    }

    private record Step(Instant at, int order, String what, Runnable action) {}

    private static List<Step> script(SiteRecords plan, DutyDesk desk) {
        String site = plan.site().id();
        List<Step> steps = new ArrayList<>();
        String supervisor = plan.withRole(Role.SUPERVISOR).get(0).id();
        Instant start = plan.rosters().stream()
                .map(r -> r.month().atDay(1).atStartOfDay(plan.site().zone()).toInstant())
                .min(Comparator.naturalOrder())
                .orElseThrow()
                .minus(Duration.ofDays(10));
        steps.add(new Step(start, 0, "configure site " + site, () -> desk.configureSite(plan.site(), supervisor)));
        List<Staff> staff = new ArrayList<>(plan.staff());
        staff.sort(Comparator.comparing((Staff s) -> !s.isSupervisor()));
        for (Staff person : staff) {
            steps.add(
                    new Step(start, 1, "register " + person.id(), () -> desk.registerStaff(site, person, supervisor)));
        }
        for (Roster roster : plan.rosters()) {
            List<RosterDuty> duties = complete(roster, plan);
            Instant draft = roster.publishedAt().minus(Duration.ofHours(2));
            steps.add(new Step(
                    draft,
                    0,
                    "draft roster " + roster.month(),
                    () -> desk.draftRoster(site, roster.month(), duties, supervisor)));
            steps.add(new Step(
                    roster.publishedAt(),
                    0,
                    "publish roster " + roster.month(),
                    () -> desk.publishRoster(site, roster.month(), supervisor)));
        }
        for (Leave leave : plan.leaves()) {
            steps.add(new Step(
                    leave.requestedAt(),
                    0,
                    "request leave " + leave.id(),
                    () -> desk.requestLeave(
                            site, leave.id(), leave.staff(), leave.date(), leave.reason(), leave.staff())));
            if (leave.approvedAt() != null) {
                steps.add(new Step(
                        leave.approvedAt(),
                        0,
                        "approve leave " + leave.id(),
                        () -> desk.approveLeave(site, leave.id(), leave.substitute(), leave.approvedBy())));
            }
            if (leave.rejectedAt() != null) {
                steps.add(new Step(
                        leave.rejectedAt(),
                        0,
                        "reject leave " + leave.id(),
                        () -> desk.rejectLeave(site, leave.id(), leave.rejectedBy())));
            }
        }
        // who closes an entry: its owner then (SPEC 4 "owned"), the incoming it was carried over to
        Ownership ownership = Ownership.of(plan.handovers(), Instant.MAX);
        for (Handover handover : plan.handovers()) {
            handover(plan, desk, steps, handover);
        }
        for (LogEntry entry : plan.entries()) {
            if (entry.kind() == EntryKind.CORRECTION) {
                steps.add(new Step(
                        entry.at(),
                        2,
                        "correct " + entry.corrects(),
                        () -> desk.correctEntry(site, entry.id(), entry.corrects(), entry.text(), entry.author())));
                continue;
            }
            LogEntry open = LogEntry.of(
                    entry.id(),
                    entry.date(),
                    entry.at(),
                    entry.author(),
                    entry.kind(),
                    entry.text(),
                    entry.important());
            steps.add(new Step(
                    entry.at(), 2, "append entry " + entry.id(), () -> desk.appendEntry(site, entry.author(), open)));
            if (!entry.evidence().isEmpty()) {
                steps.add(new Step(
                        entry.at().plusSeconds(60),
                        3,
                        "attach evidence to " + entry.id(),
                        () -> desk.attachEvidence(site, entry.id(), entry.evidence(), entry.author())));
            }
            if (entry.closedAt() != null) {
                String owner = ownership.ownerAt(entry.id(), entry.author(), entry.closedAt());
                steps.add(new Step(
                        entry.closedAt(),
                        2,
                        "close entry " + entry.id(),
                        () -> desk.closeEntry(site, entry.id(), owner)));
            }
        }
        for (Incident incident : plan.incidents()) {
            String by = incident.reportedBy();
            steps.add(new Step(
                    incident.openedAt(),
                    2,
                    "open incident " + incident.id(),
                    () -> desk.openIncident(site, incident.id(), incident.category(), incident.severity(), by)));
            for (Escalation escalation : incident.escalations()) {
                // a decision with its time is recorded by the person reached, when they took it (4.1.5)
                boolean decidedLater = escalation.hasDecision() && escalation.decidedAt() != null;
                steps.add(new Step(
                        escalation.at(),
                        3,
                        "escalate " + incident.id() + " to " + escalation.to(),
                        () -> desk.escalateIncident(
                                site,
                                incident.id(),
                                escalation.to(),
                                escalation.reached(),
                                decidedLater ? null : escalation.decision(),
                                by)));
                if (decidedLater) {
                    steps.add(new Step(
                            escalation.decidedAt(),
                            3,
                            escalation.to() + " decides on " + incident.id(),
                            () -> desk.recordDecision(site, incident.id(), escalation.decision(), escalation.to())));
                }
                if (escalation.onSiteAt() != null) {
                    steps.add(new Step(
                            escalation.onSiteAt(),
                            3,
                            escalation.to() + " back on site for " + incident.id(),
                            () -> desk.recordOnSite(site, incident.id(), escalation.to())));
                }
            }
            if (!incident.evidence().isEmpty()) {
                // attached before resolving: a MAJOR incident is resolved only with evidence (4.2.2)
                Instant attached = incident.resolvedAt() != null
                        ? incident.resolvedAt().minusSeconds(60)
                        : incident.openedAt().plusSeconds(60);
                steps.add(new Step(
                        attached.isBefore(incident.openedAt()) ? incident.openedAt() : attached,
                        3,
                        "attach evidence to " + incident.id(),
                        () -> desk.attachIncidentEvidence(site, incident.id(), incident.evidence(), by)));
            }
            if (incident.planActivatedAt() != null) {
                steps.add(new Step(
                        incident.planActivatedAt(),
                        3,
                        "start the plan of " + incident.id(),
                        () -> desk.activatePlan(site, incident.id(), by)));
            }
            if (incident.resolvedAt() != null) {
                steps.add(new Step(
                        incident.resolvedAt(),
                        3,
                        "resolve " + incident.id(),
                        () -> desk.resolveIncident(site, incident.id(), incident.process(), incident.result(), by)));
            }
        }
        java.util.Map<String, Instant> entryAt = new java.util.HashMap<>();
        plan.entries().forEach(e -> entryAt.put(e.id(), e.at()));
        for (Call call : plan.calls()) {
            String actor = call.staff() != null
                    ? call.staff()
                    : plan.officerOnDuty(plan.site().dutyDateOf(call.at())).orElse(supervisor);
            // recorded as it rings, linked once the entry that records it is written (G4)
            Call unlinked = new Call(
                    call.id(), call.at(), call.line(), call.direction(), call.rings(), call.answered(), call.staff());
            steps.add(new Step(call.at(), 2, "record call " + call.id(), () -> desk.recordCall(site, actor, unlinked)));
            if (call.entry() != null) {
                Instant written = entryAt.get(call.entry());
                Instant linked = written != null && written.isAfter(call.at()) ? written : call.at();
                steps.add(new Step(
                        linked,
                        3,
                        "link call " + call.id() + " to " + call.entry(),
                        () -> desk.linkCall(site, call.id(), call.entry(), actor)));
            }
        }
        for (Absence absence : plan.absences()) {
            steps.add(new Step(
                    absence.from(),
                    2,
                    "leave the post " + absence.id(),
                    () -> desk.startAbsence(
                            site, absence.id(), absence.coveredBy(), absence.reason(), absence.staff())));
            if (absence.to() != null) {
                steps.add(new Step(
                        absence.to(),
                        2,
                        "return to the post " + absence.id(),
                        () -> desk.endAbsence(site, absence.id(), absence.staff())));
            }
        }
        for (DutyReport report : plan.dutyReports()) {
            steps.add(new Step(
                    report.submittedAt(),
                    4,
                    "submit the duty report of " + report.date(),
                    () -> desk.submitDutyReport(site, report.date(), report.author())));
            if (report.reviewedAt() != null) {
                steps.add(new Step(
                        report.reviewedAt(),
                        4,
                        "review the duty report of " + report.date(),
                        () -> desk.reviewDutyReport(site, report.date(), report.author(), report.reviewedBy())));
            }
        }
        for (SupervisorReview review : plan.reviews()) {
            steps.add(new Step(
                    review.at(),
                    4,
                    "review the log of " + review.date(),
                    () -> desk.signReview(site, review.date(), review.supervisor())));
        }
        for (Training training : plan.trainings()) {
            Instant at =
                    training.date().atTime(15, 0).atZone(plan.site().zone()).toInstant();
            steps.add(new Step(
                    at,
                    4,
                    "record training " + training.date(),
                    () -> desk.recordTraining(site, supervisor, training)));
        }
        for (ProcessReview review : plan.processReviews()) {
            steps.add(new Step(
                    review.heldAt(),
                    4,
                    "record the process review of " + review.month(),
                    () -> desk.recordProcessReview(site, review.month(), review.findings(), supervisor)));
        }
        for (SpotCheck check : plan.spotChecks()) {
            steps.add(new Step(
                    check.at(),
                    4,
                    "spot-check " + check.date(),
                    () -> desk.recordSpotCheck(site, check.date(), check.findings(), check.supervisor())));
        }
        return steps;
    }

    /** A live roster is published only with an officer on every date (4.1.2): fill the plan's gaps. */
    private static List<RosterDuty> complete(Roster roster, SiteRecords plan) {
        List<RosterDuty> duties = new ArrayList<>(roster.duties());
        String anyOfficer = plan.withRole(Role.DUTY_OFFICER).get(0).id();
        for (LocalDate date = roster.month().atDay(1);
                !date.isAfter(roster.month().atEndOfMonth());
                date = date.plusDays(1)) {
            LocalDate day = date;
            if (duties.stream().noneMatch(d -> d.date().equals(day))) {
                duties.add(new RosterDuty(day, anyOfficer));
            }
        }
        duties.sort(Comparator.comparing(RosterDuty::date));
        return duties;
    }

    private static void handover(SiteRecords plan, DutyDesk desk, List<Step> steps, Handover handover) {
        String site = plan.site().id();
        String id = handover.id();
        Instant scheduled = handover.scheduledAt();
        Instant arrived = handover.incomingArrivedAt() == null ? scheduled : handover.incomingArrivedAt();
        Instant ready = handover.outgoingReadyAt() == null ? scheduled : handover.outgoingReadyAt();
        Instant opened = (arrived.isBefore(ready) ? arrived : ready).minusSeconds(60);
        boolean startsShift = plan.site().shiftStartingAt(scheduled).isPresent();
        if (startsShift) {
            steps.add(new Step(
                    opened,
                    1,
                    "take over " + id,
                    () -> desk.takeOver(site, id, handover.date(), handover.outgoing(), handover.incoming())));
        } else {
            steps.add(new Step(
                    opened,
                    1,
                    "hand over " + id,
                    () -> desk.handOverShiftEnd(site, id, handover.date(), handover.incoming(), handover.outgoing())));
        }
        if (handover.outgoingReadyAt() != null) {
            steps.add(new Step(
                    ready, 1, "outgoing ready " + id, () -> desk.recordOutgoingReady(site, id, handover.outgoing())));
        }
        if (handover.incomingArrivedAt() != null) {
            steps.add(new Step(
                    arrived,
                    1,
                    "incoming arrives " + id,
                    () -> desk.recordIncomingArrival(site, id, handover.incoming())));
        }
        Instant counted = (arrived.isAfter(ready) ? arrived : ready).plusSeconds(30);
        for (InventoryLine line : handover.inventory()) {
            steps.add(new Step(
                    counted,
                    1,
                    "count " + line.item() + " at " + id,
                    () -> desk.countInventory(site, id, line, handover.incoming())));
        }
        for (Anomaly anomaly : handover.anomalies()) {
            steps.add(new Step(
                    counted.plusSeconds(30),
                    1,
                    "anomaly at " + id,
                    () -> desk.recordAnomaly(site, id, anomaly, handover.incoming())));
        }
        for (String item : handover.carriedOver()) {
            steps.add(new Step(
                    scheduled.minusSeconds(180),
                    1,
                    "carry over " + item + " at " + id,
                    () -> desk.carryOver(site, id, item, handover.incoming())));
        }
        for (HandoverCheck check : handover.checks()) {
            steps.add(new Step(
                    check.at(),
                    1,
                    "check " + check.check() + " at " + id,
                    () -> desk.recordCheck(site, id, check.check(), check.by())));
        }
        handover.signature(io.dutykit.core.handover.SignatureRole.OUTGOING)
                .ifPresent(s -> steps.add(new Step(
                        s.at(), 5, "outgoing signs " + id, () -> desk.signAsOutgoing(site, id, handover.outgoing()))));
        handover.signature(io.dutykit.core.handover.SignatureRole.INCOMING)
                .ifPresent(s -> steps.add(new Step(
                        s.at(), 5, "incoming signs " + id, () -> desk.signAsIncoming(site, id, handover.incoming()))));
        if (handover.completedAt() != null) {
            steps.add(new Step(
                    handover.completedAt(),
                    6,
                    "complete " + id,
                    () -> desk.completeHandover(site, id, handover.incoming())));
        }
    }

    /** Wraps every store so that each save that returns (its log record committed) is reported. */
    private static DutyStores reporting(DutyStores stores, BiConsumer<String, String> committed) {
        return new DutyStores(
                wrap(stores.sites(), io.dutykit.core.port.SiteStore.class, committed),
                wrap(stores.staff(), io.dutykit.core.port.StaffStore.class, committed),
                wrap(stores.rosters(), io.dutykit.core.port.RosterStore.class, committed),
                wrap(stores.leaves(), io.dutykit.core.port.LeaveStore.class, committed),
                wrap(stores.handovers(), io.dutykit.core.port.HandoverStore.class, committed),
                wrap(stores.entries(), io.dutykit.core.port.EntryStore.class, committed),
                wrap(stores.incidents(), io.dutykit.core.port.IncidentStore.class, committed),
                wrap(stores.calls(), io.dutykit.core.port.CallStore.class, committed),
                wrap(stores.absences(), io.dutykit.core.port.AbsenceStore.class, committed),
                wrap(stores.reviews(), io.dutykit.core.port.ReviewStore.class, committed),
                wrap(stores.dutyReports(), io.dutykit.core.port.DutyReportStore.class, committed),
                wrap(stores.trainings(), io.dutykit.core.port.TrainingStore.class, committed),
                wrap(stores.processReviews(), io.dutykit.core.port.ProcessReviewStore.class, committed),
                wrap(stores.spotChecks(), io.dutykit.core.port.SpotCheckStore.class, committed),
                stores.log(),
                stores.live());
    }

    private static <S extends RecordStore<?>> S wrap(S store, Class<S> type, BiConsumer<String, String> committed) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("save")
                    && args != null
                    && args.length == 4
                    && args[3] instanceof Change change) {
                committed.accept((String) args[0], change.recordId());
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** The simulation's clock: set to each step's instant before the step runs. */
    static final class SteppedClock extends Clock {
        private final ZoneId zone;
        private volatile Instant now = Instant.EPOCH;

        SteppedClock(ZoneId zone) {
            this.zone = zone;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            SteppedClock clock = new SteppedClock(other);
            clock.now = now;
            return clock;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
