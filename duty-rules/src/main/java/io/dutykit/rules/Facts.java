package io.dutykit.rules;

import io.dutykit.core.Checks;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.procedure.IncidentThresholdTable;
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
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.rules.fact.AbsenceFact;
import io.dutykit.rules.fact.AnomalyFact;
import io.dutykit.rules.fact.CallFact;
import io.dutykit.rules.fact.CheckContext;
import io.dutykit.rules.fact.ChecklistItemFact;
import io.dutykit.rules.fact.DutyReportFact;
import io.dutykit.rules.fact.EntryFact;
import io.dutykit.rules.fact.EscalationFact;
import io.dutykit.rules.fact.HandoverFact;
import io.dutykit.rules.fact.IncidentFact;
import io.dutykit.rules.fact.LeaveFact;
import io.dutykit.rules.fact.MonthFact;
import io.dutykit.rules.fact.OpenWorkFact;
import io.dutykit.rules.fact.PatrolFact;
import io.dutykit.rules.fact.ProcessReviewFact;
import io.dutykit.rules.fact.QuarterFact;
import io.dutykit.rules.fact.RequestFact;
import io.dutykit.rules.fact.ReviewFact;
import io.dutykit.rules.fact.RosterDutyFact;
import io.dutykit.rules.fact.RosterFact;
import io.dutykit.rules.fact.ShiftFact;
import io.dutykit.rules.fact.SpotCheckFact;
import io.dutykit.rules.fact.StaffFact;
import io.dutykit.rules.fact.TrainingFact;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns one site's records into the facts the DRL matches: the records as they stood at as-of
 * (instants after it read as null; calls, absences and escalations after it are left out) and the
 * derived facts (a shift per duty date, months, quarters, staff roles). Definitions of SPEC section
 * 4 that are about reading the input live here; every rule's logic lives in the DRL.
 */
final class Facts {
    private final SiteRecords records;
    private final Site site;
    private final CheckPeriod period;
    private final Instant asOf;
    private final ProcedureParameters parameters;
    private final IncidentThresholdTable thresholds;
    private final Map<String, Staff> staff;
    private final Map<LocalDate, Handover> handoverAtStart = new HashMap<>();
    private final Map<LocalDate, String> rostered = new HashMap<>();
    private final Map<LocalDate, DutyShift> shifts = new HashMap<>();
    private final Instant windowStart;
    private final Instant windowEnd;
    /** 00:00 site-local on the period's first day, and on the day after its last. */
    private final Instant periodStart;

    private final Instant periodEnd;
    private final LocalDate nearFrom;
    private final LocalDate nearTo;
    /** The shifts of the period ±1 day, in order; shifts never overlap, so a search by start finds the one holding an instant. */
    private final List<DutyShift> window = new ArrayList<>();
    /** Filled by {@link #scanEntries}: the PATROL entries of the window, and the entry facts. */
    private final List<LogEntry> patrols = new ArrayList<>();

    private final List<Object> entryFacts;
    /** The fact classes some rule can match; facts of other classes are left out. */
    private final Predicate<Class<?>> matched;

    Facts(
            SiteRecords records,
            CheckPeriod period,
            Instant asOf,
            ProcedureParameters parameters,
            IncidentThresholdTable thresholds) {
        this(records, period, asOf, parameters, thresholds, type -> true);
    }

    Facts(
            SiteRecords records,
            CheckPeriod period,
            Instant asOf,
            ProcedureParameters parameters,
            IncidentThresholdTable thresholds,
            Predicate<Class<?>> matched) {
        this.matched = matched;
        this.records = records;
        this.site = records.site();
        this.period = period;
        this.asOf = asOf;
        this.parameters = parameters;
        this.thresholds = thresholds;
        this.staff = records.staffById();
        this.entryFacts = new ArrayList<>(records.entries().size());
        // the instants the period's shifts (and the day either side) can touch
        this.nearFrom = period.from().minusDays(1);
        this.nearTo = period.to().plusDays(1);
        for (LocalDate date = nearFrom; !date.isAfter(nearTo); date = date.plusDays(1)) {
            window.add(site.shiftOf(date));
        }
        this.windowStart = window.get(0).start();
        this.windowEnd = window.get(window.size() - 1).end();
        this.periodStart = period.from().atStartOfDay(site.zone()).toInstant();
        this.periodEnd = period.to().plusDays(1).atStartOfDay(site.zone()).toInstant();
        for (Roster roster : records.rosters()) {
            for (RosterDuty duty : roster.duties()) {
                rostered.put(duty.date(), duty.staff());
            }
        }
    }

    /** Every fact for one evaluation (call once per instance). */
    List<Object> all() {
        List<Object> facts = new ArrayList<>(records.entries().size()
                + records.handovers().size() * 4
                + records.calls().size()
                + 256);
        facts.add(parameters);
        if (matched.test(CheckContext.class)) {
            List<String> supervisors = records.withRole(Role.SUPERVISOR).stream()
                    .map(Staff::id)
                    .sorted()
                    .toList();
            facts.add(new CheckContext(
                    site.id(),
                    site.zone(),
                    asOf,
                    period.from(),
                    period.to(),
                    supervisors,
                    Ownership.of(records.handovers(), asOf)));
        }
        if (matched.test(ChecklistItemFact.class)) {
            for (InventoryItem item : site.inventory()) {
                facts.add(new ChecklistItemFact(item.item(), item.expected()));
            }
        }
        if (matched.test(StaffFact.class)) {
            for (Staff s : records.staff()) {
                facts.add(new StaffFact(
                        s.id(),
                        s.has(Role.DUTY_OFFICER),
                        s.has(Role.SUPERVISOR),
                        s.has(Role.MANAGER),
                        s.isManagerLevel()));
            }
        }
        // facts of a class no rule matches are not even built (the live decision matches few)
        if (matched.test(RosterFact.class) || matched.test(RosterDutyFact.class) || matched.test(LeaveFact.class)) {
            addRosters(facts);
        }
        addHandovers(facts);
        scanEntries();
        if (matched.test(ShiftFact.class) || matched.test(PatrolFact.class)) {
            addShifts(facts);
        }
        if (matched.test(MonthFact.class) || matched.test(QuarterFact.class)) {
            addMonthsAndQuarters(facts);
        }
        facts.addAll(entryFacts);
        if (matched.test(IncidentFact.class) || matched.test(EscalationFact.class)) {
            addIncidents(facts);
        }
        if (matched.test(CallFact.class) || matched.test(AbsenceFact.class)) {
            addCallsAndAbsences(facts);
        }
        addRecords(facts);
        if (matched.test(SpotCheckFact.class)) {
            addSpotChecks(facts);
        }
        facts.removeIf(fact -> !matched.test(fact.getClass()));
        return facts;
    }

    /** The shift of a duty date, computed once per evaluation. */
    private DutyShift dutyShift(LocalDate date) {
        long offset = date.toEpochDay() - nearFrom.toEpochDay();
        if (offset >= 0 && offset < window.size()) {
            return window.get((int) offset);
        }
        return shifts.computeIfAbsent(date, site::shiftOf);
    }

    private Optional<DutyShift> shiftContaining(Instant instant) {
        if (!instant.isBefore(windowStart) && instant.isBefore(windowEnd)) {
            // binary search over the window's shifts by start
            int low = 0;
            int high = window.size() - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (window.get(mid).start().isAfter(instant)) {
                    high = mid - 1;
                } else {
                    low = mid;
                }
            }
            DutyShift shift = window.get(low);
            return shift.contains(instant) ? Optional.of(shift) : Optional.empty();
        }
        LocalDate local = site.localDate(instant);
        DutyShift today = dutyShift(local);
        if (today.contains(instant)) {
            return Optional.of(today);
        }
        DutyShift yesterday = dutyShift(local.minusDays(1));
        return yesterday.contains(instant) ? Optional.of(yesterday) : Optional.empty();
    }

    /**
     * True when the duty date of an instant surely lies outside the period, without computing it:
     * outside the window, a shift holding the instant is not a shift of the period ±1 day, and
     * outside every shift the site-local date decides.
     */
    private boolean surelyOutOfScope(Instant instant) {
        boolean inWindow = !instant.isBefore(windowStart) && instant.isBefore(windowEnd);
        boolean localDateInPeriod = !instant.isBefore(periodStart) && instant.isBefore(periodEnd);
        return !inWindow && !localDateInPeriod;
    }

    private LocalDate dutyDateOf(Instant instant) {
        return shiftContaining(instant).map(DutyShift::date).orElseGet(() -> site.localDate(instant));
    }

    /** True when an item open from {@code at} until {@code closedAt} (null: still open) is open at some point of the window. */
    private boolean openInWindow(Instant at, Instant closedAt) {
        return at.isBefore(windowEnd) && (closedAt == null || closedAt.isAfter(windowStart));
    }

    private boolean nearPeriod(LocalDate date) {
        return !date.isBefore(nearFrom) && !date.isAfter(nearTo);
    }

    private Instant known(Instant instant) {
        return instant == null || instant.isAfter(asOf) ? null : instant;
    }

    private boolean inScope(LocalDate date) {
        return period.contains(date);
    }

    private void addRosters(List<Object> facts) {
        for (Roster roster : records.rosters()) {
            facts.add(new RosterFact(roster.month(), known(roster.publishedAt()), roster.publishedBy()));
            for (RosterDuty duty : roster.duties()) {
                facts.add(new RosterDutyFact(duty.date(), duty.staff()));
            }
        }
        for (Leave leave : records.leaves()) {
            if (!nearPeriod(leave.date())) {
                continue;
            }
            facts.add(new LeaveFact(
                    leave.id(),
                    leave.staff(),
                    leave.date(),
                    inScope(leave.date()),
                    leave.approvedBy(),
                    known(leave.approvedAt()),
                    leave.substitute(),
                    leave.approvedBy() != null
                            && staff.containsKey(leave.approvedBy())
                            && staff.get(leave.approvedBy()).isSupervisor()));
        }
    }

    private void addHandovers(List<Object> facts) {
        Duration judgeAfter = parameters.judgeAfter();
        for (Handover h : records.handovers()) {
            if (!nearPeriod(h.date())) {
                continue; // neither judged nor deciding who was on duty in the period
            }
            boolean atShiftStart = dutyShift(h.date()).start().equals(h.scheduledAt());
            if (atShiftStart) {
                handoverAtStart.put(h.date(), h);
            }
            if (!inScope(h.date())) {
                continue; // the handover rules judge handovers of the period only
            }
            Instant completedAt = known(h.completedAt());
            boolean judged =
                    completedAt != null || !h.scheduledAt().plus(judgeAfter).isAfter(asOf);
            List<AnomalyFact> anomalies = new ArrayList<>(h.anomalies().size());
            for (int i = 0; i < h.anomalies().size(); i++) {
                Anomaly anomaly = h.anomalies().get(i);
                anomalies.add(new AnomalyFact(h.id(), i, anomaly.description(), anomaly.explanation()));
            }
            List<Signature> signatures = new ArrayList<>(h.signatures().size());
            Instant outgoingSignedAt = null;
            Instant incomingSignedAt = null;
            TreeSet<String> signedAfterCompletion = new TreeSet<>();
            for (Signature signature : h.signatures()) {
                Instant at = signature.at();
                if (at.isAfter(asOf)) {
                    continue;
                }
                signatures.add(signature);
                if (signature.role() == SignatureRole.OUTGOING
                        && signature.staff().equals(h.outgoing())
                        && (outgoingSignedAt == null || at.isBefore(outgoingSignedAt))) {
                    outgoingSignedAt = at;
                }
                if (signature.role() == SignatureRole.INCOMING
                        && signature.staff().equals(h.incoming())
                        && (incomingSignedAt == null || at.isBefore(incomingSignedAt))) {
                    incomingSignedAt = at;
                }
                if (completedAt != null && at.isAfter(completedAt)) {
                    signedAfterCompletion.add(signature.staff());
                }
            }
            List<HandoverCheck> checks = new ArrayList<>(h.checks().size());
            for (HandoverCheck check : h.checks()) {
                if (!check.at().isAfter(asOf)) {
                    checks.add(check);
                }
            }
            facts.add(new HandoverFact(
                    h.id(),
                    h.date(),
                    h.scheduledAt(),
                    h.outgoing(),
                    h.incoming(),
                    known(h.incomingArrivedAt()),
                    known(h.outgoingReadyAt()),
                    h.carriedOver(),
                    againstChecklist(h.inventory()),
                    anomalies,
                    signatures,
                    completedAt,
                    judged,
                    true,
                    atShiftStart,
                    checks,
                    completedAt != null ? completedAt : h.scheduledAt().plus(judgeAfter),
                    outgoingSignedAt,
                    incomingSignedAt,
                    List.copyOf(signedAfterCompletion)));
        }
    }

    /**
     * The inventory lines, each line of an item on the site's checklist carrying the checklist's {@code
     * expected} instead of its own (SPEC section 4.1: the checklist says how many the post holds).
     */
    private List<InventoryLine> againstChecklist(List<InventoryLine> lines) {
        if (site.inventory().isEmpty()) {
            return lines;
        }
        List<InventoryLine> measured = new ArrayList<>(lines.size());
        for (InventoryLine line : lines) {
            int expected =
                    site.checklistItem(line.item()).map(InventoryItem::expected).orElse(line.expected());
            measured.add(
                    expected == line.expected()
                            ? line
                            : new InventoryLine(
                                    line.item(), expected, line.counted(), line.damaged(), line.explanation()));
        }
        return measured;
    }

    /**
     * A shift per duty date of the period ±1 day (the days either side for absences and calls near
     * the period's edges), each with its patrols; the patrols of the period's shifts are also facts
     * of their own when a rule matches {@link PatrolFact}.
     */
    private void addShifts(List<Object> facts) {
        patrols.sort(Comparator.comparing(LogEntry::at));
        boolean patrolFacts = matched.test(PatrolFact.class);
        int first = 0;
        for (LocalDate date = nearFrom; !date.isAfter(nearTo); date = date.plusDays(1)) {
            DutyShift shift = dutyShift(date);
            while (first < patrols.size() && patrols.get(first).at().isBefore(shift.start())) {
                first++;
            }
            // shifts follow each other, so a patrol at a shift's end is also the next one's start
            int last = first;
            while (last < patrols.size() && !patrols.get(last).at().isAfter(shift.end())) {
                last++;
            }
            ShiftFact fact = shift(date, patrolsOf(date, shift.end(), first, last));
            facts.add(fact);
            if (patrolFacts && fact.inScope()) {
                facts.addAll(fact.patrols());
            }
        }
    }

    /** The patrols {@code [first, last)} of the sorted list, as the shift of {@code date}'s, in time order. */
    private List<PatrolFact> patrolsOf(LocalDate date, Instant end, int first, int last) {
        PatrolFact[] ofShift = new PatrolFact[last - first];
        // from the shift's last patrol backwards, remembering the earliest strictly later one
        Instant nextAt = null;
        for (int i = last - 1; i >= first; i--) {
            Instant at = patrols.get(i).at();
            ofShift[i - first] = new PatrolFact(
                    date, patrols.get(i).id(), at, nextAt, Duration.between(at, nextAt != null ? nextAt : end));
            if (i > first && patrols.get(i - 1).at().isBefore(at)) {
                nextAt = at;
            }
        }
        return List.of(ofShift);
    }

    ShiftFact shift(LocalDate date, List<PatrolFact> patrols) {
        DutyShift shift = dutyShift(date);
        String officer = rostered.get(date);
        Handover atStart = handoverAtStart.get(date);
        String onDuty = atStart != null ? atStart.incoming() : officer;
        LocalDate reviewDay = site.calendar().workingDayOnOrAfter(site.localDate(shift.end()));
        Instant reviewDeadline = reviewDay
                .atTime(parameters.reviewDeadline())
                .atZone(site.zone())
                .toInstant();
        return new ShiftFact(
                date,
                YearMonth.from(date),
                shift.start(),
                shift.end(),
                shift.workingDay(),
                inScope(date),
                officer,
                onDuty,
                reviewDeadline,
                patrols,
                firstAfter(patrols, shift.start()));
    }

    /** The time of the first of the patrols (in time order) later than {@code start}, or null. */
    private static Instant firstAfter(List<PatrolFact> patrols, Instant start) {
        for (PatrolFact patrol : patrols) {
            if (patrol.at().isAfter(start)) {
                return patrol.at();
            }
        }
        return null;
    }

    private void addMonthsAndQuarters(List<Object> facts) {
        YearMonth first = YearMonth.from(period.from());
        YearMonth last = YearMonth.from(period.to());
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            facts.add(month(m));
        }
        LocalDate q = quarterStart(period.from());
        while (!q.isAfter(period.to())) {
            LocalDate next = q.plusMonths(3);
            facts.add(new QuarterFact(
                    q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1),
                    q,
                    next.minusDays(1),
                    true,
                    next.atStartOfDay(site.zone()).toInstant()));
            q = next;
        }
    }

    MonthFact month(YearMonth m) {
        Instant start = m.atDay(1).atStartOfDay(site.zone()).toInstant();
        Instant reviewDue = m.plusMonths(1)
                .atDay(1)
                .plusDays(parameters.processReviewDueDays())
                .atStartOfDay(site.zone())
                .toInstant();
        Instant end = m.plusMonths(1).atDay(1).atStartOfDay(site.zone()).toInstant();
        return new MonthFact(m, m.atDay(1), period.overlaps(m), start, reviewDue, end);
    }

    static LocalDate quarterStart(LocalDate date) {
        int month = (date.getMonthValue() - 1) / 3 * 3 + 1;
        return LocalDate.of(date.getYear(), month, 1);
    }

    /**
     * The entries of the period ±1 day, and every entry that can be open work (SPEC section 4) and
     * is open at some instant of the window (stretched to every completion of a handover of the
     * period), as {@link EntryFact}s; older entries cannot match a rule of the period. Among them,
     * the entries that can be open work and were open when a handover of the period was completed
     * are also {@link OpenWorkFact}s: the handover rules match those, a few per site instead of
     * every entry; the requests for help and complaints of the period are {@link RequestFact}s. The same single pass over the entries collects the patrols of the window (for
     * {@link #addShifts}).
     */
    private void scanEntries() {
        Instant openFrom = windowStart;
        Instant openUntil = windowEnd;
        List<Instant> completions = new ArrayList<>();
        for (Handover h : records.handovers()) {
            Instant completedAt = known(h.completedAt());
            if (completedAt != null && inScope(h.date())) {
                openFrom = completedAt.isBefore(openFrom) ? completedAt : openFrom;
                openUntil = completedAt.isAfter(openUntil) ? completedAt : openUntil;
                completions.add(completedAt);
            }
        }
        completions.sort(Comparator.naturalOrder());
        boolean entries = matched.test(EntryFact.class);
        boolean openWork = matched.test(OpenWorkFact.class);
        boolean requests = matched.test(RequestFact.class);
        for (LogEntry e : records.entries()) {
            if (e.kind() == EntryKind.PATROL && !e.at().isBefore(windowStart) && !e.at().isAfter(windowEnd)) {
                patrols.add(e);
            }
            Instant closedAt = known(e.closedAt());
            if (entries) {
                boolean openDuringWindow = e.kind().canBeOpenWork()
                        && e.at().isBefore(openUntil)
                        && (closedAt == null || closedAt.isAfter(openFrom));
                if (nearPeriod(e.date()) || openDuringWindow) {
                    entryFacts.add(
                            new EntryFact(e.id(), e.date(), e.at(), e.author(), e.kind(), e.important(), closedAt));
                }
            }
            if (requests
                    && (e.kind() == EntryKind.HELP_REQUEST || e.kind() == EntryKind.COMPLAINT)
                    && inScope(e.date())) {
                entryFacts.add(new RequestFact(e.id(), e.date(), e.at(), e.author(), e.kind(), closedAt));
            }
            if (openWork && e.kind().canBeOpenWork() && openAtOneOf(completions, e.at(), closedAt)) {
                entryFacts.add(
                        new OpenWorkFact(e.id(), e.date(), e.at(), e.author(), e.kind(), e.important(), closedAt));
            }
        }
    }

    /** True when some instant of the sorted list lies after {@code at} and before {@code closedAt} (null: never). */
    private static boolean openAtOneOf(List<Instant> sorted, Instant at, Instant closedAt) {
        int low = 0;
        int high = sorted.size();
        while (low < high) { // the first instant after at
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).isAfter(at)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low < sorted.size() && (closedAt == null || closedAt.isAfter(sorted.get(low)));
    }

    private void addIncidents(List<Object> facts) {
        for (Incident i : records.incidents()) {
            if (!inScope(i.date()) && !openInWindow(i.openedAt(), i.resolvedAt())) {
                continue;
            }
            IncidentThresholdTable.Threshold t = thresholds.lookup(i.category(), i.severity());
            facts.add(new IncidentFact(
                    i.id(),
                    i.date(),
                    inScope(i.date()),
                    i.openedAt(),
                    i.reportedBy(),
                    i.category(),
                    i.severity(),
                    known(i.planActivatedAt()),
                    known(i.resolvedAt()),
                    Checks.blankToNull(i.process()),
                    Checks.blankToNull(i.result()),
                    t.supervisorWithin(),
                    t.managerWithin(),
                    t.resolveWithin(),
                    i.evidence()));
            for (Escalation e : i.escalations()) {
                if (e.at().isAfter(asOf)) {
                    continue;
                }
                Optional<Staff> to = Optional.ofNullable(staff.get(e.to()));
                facts.add(new EscalationFact(
                        i.id(),
                        e.to(),
                        e.at(),
                        e.reached(),
                        to.map(Staff::isSupervisor).orElse(false),
                        to.map(s -> s.has(Role.MANAGER)).orElse(false),
                        to.map(Staff::isManagerLevel).orElse(false),
                        !site.isOfficeHours(e.at()),
                        Checks.blankToNull(e.decision()),
                        known(e.decidedAt()),
                        known(e.onSiteAt())));
            }
        }
    }

    private void addCallsAndAbsences(List<Object> facts) {
        Map<String, Instant> linkedEntries = linkedEntries();
        for (Call c : records.calls()) {
            if (c.at().isAfter(asOf) || surelyOutOfScope(c.at())) {
                continue;
            }
            Optional<DutyShift> shift = shiftContaining(c.at());
            LocalDate date = shift.map(DutyShift::date).orElseGet(() -> site.localDate(c.at()));
            if (!inScope(date)) {
                continue;
            }
            facts.add(new CallFact(
                    c.id(),
                    c.at(),
                    date,
                    inScope(date),
                    shift.isPresent(),
                    c.line(),
                    c.direction(),
                    c.rings(),
                    c.answered(),
                    c.staff(),
                    c.entry(),
                    c.entry() == null ? null : linkedEntries.get(c.entry())));
        }
        for (Absence a : records.absences()) {
            if (a.from().isAfter(asOf) || surelyOutOfScope(a.from())) {
                continue;
            }
            Instant until = a.to() != null && !a.to().isAfter(asOf) ? a.to() : asOf;
            if (a.to() != null) {
                // the length is the whole of to - from once the absence has ended
                until = a.to().isAfter(asOf) ? asOf : a.to();
            }
            LocalDate date = dutyDateOf(a.from());
            if (!inScope(date)) {
                continue;
            }
            facts.add(new AbsenceFact(
                    a.id(),
                    a.staff(),
                    a.from(),
                    until,
                    Duration.between(a.from(), until),
                    date,
                    inScope(date),
                    a.coveredBy()));
        }
    }

    /** The {@code at} of each entry a call names ({@code calls[].entry}), by id; one pass over the entries. */
    private Map<String, Instant> linkedEntries() {
        Map<String, Instant> linked = new HashMap<>();
        for (Call c : records.calls()) {
            if (c.entry() != null) {
                linked.put(c.entry(), null);
            }
        }
        if (linked.isEmpty()) {
            return linked;
        }
        for (LogEntry e : records.entries()) {
            if (linked.containsKey(e.id())) {
                linked.put(e.id(), e.at());
            }
        }
        return linked;
    }

    /** The spot checks made by as-of and dated in a month that overlaps the period (3.1). */
    private void addSpotChecks(List<Object> facts) {
        YearMonth first = YearMonth.from(period.from());
        YearMonth last = YearMonth.from(period.to());
        for (SpotCheck s : records.spotChecks()) {
            YearMonth month = YearMonth.from(s.date());
            if (s.at().isAfter(asOf) || month.isBefore(first) || month.isAfter(last)) {
                continue;
            }
            Staff by = staff.get(s.supervisor());
            facts.add(new SpotCheckFact(s.date(), month, s.supervisor(), s.at(), by != null && by.isSupervisor()));
        }
    }

    private void addRecords(List<Object> facts) {
        if (matched.test(ReviewFact.class)) {
            for (SupervisorReview r : records.reviews()) {
                if (!nearPeriod(r.date())) {
                    continue;
                }
                Staff reviewer = staff.get(r.supervisor());
                facts.add(
                        new ReviewFact(r.date(), r.supervisor(), r.at(), reviewer != null && reviewer.isSupervisor()));
            }
        }
        if (matched.test(DutyReportFact.class)) {
            for (DutyReport r : records.dutyReports()) {
                if (!nearPeriod(r.date())) {
                    continue;
                }
                Staff reviewer = r.reviewedBy() == null ? null : staff.get(r.reviewedBy());
                facts.add(new DutyReportFact(
                        r.date(),
                        r.author(),
                        r.submittedAt(),
                        r.reviewedBy(),
                        known(r.reviewedAt()),
                        reviewer != null && reviewer.isSupervisor()));
            }
        }
        if (matched.test(TrainingFact.class)) {
            for (Training t : records.trainings()) {
                for (String attendee : t.attendees()) {
                    facts.add(new TrainingFact(t.date(), attendee));
                }
            }
        }
        if (matched.test(ProcessReviewFact.class)) {
            for (ProcessReview r : records.processReviews()) {
                facts.add(new ProcessReviewFact(r.month(), r.heldAt()));
            }
        }
    }
}
