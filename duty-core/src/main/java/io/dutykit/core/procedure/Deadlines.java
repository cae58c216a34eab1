package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.DutyShift;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The answer to "what falls due soon?" ({@code ProcedureRules.due}), defined once and used by both
 * engines: the deadlines of the rules that fall in {@code [asOf, asOf + horizon]} (both ends
 * included) and have not been met by as-of, soonest first (then by kind and subject).
 *
 * <table>
 *   <caption>What is due</caption>
 *   <tr><th>kind</th><th>when</th><th>deadline</th><th>responsible</th></tr>
 *   <tr><td>ESCALATION_TO_SUPERVISOR</td><td>a DIFFICULT or MAJOR incident not yet escalated to a
 *       SUPERVISOR</td><td>openedAt + the table's supervisorMinutes</td><td>the reporter</td></tr>
 *   <tr><td>ESCALATION_TO_MANAGER</td><td>a MAJOR incident not yet escalated to a MANAGER</td>
 *       <td>openedAt + managerMinutes</td><td>the reporter</td></tr>
 *   <tr><td>EMERGENCY_PLAN</td><td>a MAJOR incident of a plan category, plan not started</td>
 *       <td>openedAt + emergency.planActivationMinutes</td><td>the reporter</td></tr>
 *   <tr><td>INCIDENT_RESOLUTION</td><td>an incident not resolved</td><td>openedAt +
 *       resolutionMinutes</td><td>the reporter</td></tr>
 *   <tr><td>INCOMING_ARRIVAL</td><td>a handover not completed whose incoming has not arrived; or a
 *       rostered duty date with no handover at its shift start yet (subject: the date)</td>
 *       <td>scheduledAt (shift start) − handover.incomingLeadMinutes</td><td>the incoming (the
 *       rostered officer)</td></tr>
 *   <tr><td>OUTGOING_READY</td><td>a handover not completed whose outgoing is not ready</td>
 *       <td>scheduledAt − handover.outgoingLeadMinutes</td><td>the outgoing</td></tr>
 *   <tr><td>DUTY_REPORT</td><td>a duty date without a submitted duty report</td><td>shift end +
 *       report.dueMinutesAfterShift</td><td>the officer on duty</td></tr>
 *   <tr><td>LOG_REVIEW</td><td>a duty date whose log no SUPERVISOR reviewed</td><td>review.deadline
 *       on the working day on or after the shift's end</td><td>every supervisor</td></tr>
 *   <tr><td>ROSTER_PUBLICATION</td><td>a month whose roster is missing or unpublished</td><td>00:00
 *       on its first day</td><td>every supervisor</td></tr>
 *   <tr><td>DECISION</td><td>a DIFFICULT or MAJOR incident whose supervisor was reached and no
 *       escalation to a SUPERVISOR carries a decision with its decidedAt</td><td>the first time a
 *       supervisor was reached + escalation.decisionMinutes</td><td>every supervisor reached</td></tr>
 *   <tr><td>ON_SITE_RETURN</td><td>an unresolved MAJOR incident, per manager-level person reached
 *       after hours who has no onSiteAt on an escalation to them (subject incident/person)</td><td>the
 *       first time they were reached after hours + oncall.returnMinutes</td><td>that person</td></tr>
 *   <tr><td>CALL_LOGGING</td><td>an answered INBOUND call in a duty shift without a linked entry
 *       written from the call on</td><td>at + calls.logWithinMinutes</td><td>who answered</td></tr>
 *   <tr><td>REQUEST_CLOSING</td><td>a HELP_REQUEST or COMPLAINT not closed</td><td>at +
 *       requests.helpRequestCloseHours / complaintCloseHours</td><td>its owner now</td></tr>
 *   <tr><td>DUTY_REPORT_REVIEW</td><td>a duty date with a submitted report none of whose reports a
 *       SUPERVISOR reviewed</td><td>the later of its log review's deadline and its first report's
 *       submission + report.reviewHours</td><td>every supervisor</td></tr>
 * </table>
 *
 * <p>"Not met" means not done at or before as-of. The duty dates looked at are those whose deadlines
 * can lie in the window ({@link #window}): backwards until the duty report's, the log review's and —
 * for a report submitted in time — the report review's deadlines of a date lie before as-of (after
 * the eight-day National Day break the reviews of all eight dates fall due together on the first
 * working day), and forwards until the earliest deadline of a date, the arrival before its shift,
 * lies after the window. Incidents are read when opened late enough for a deadline measured from
 * their opening to lie in the window (the longest threshold), so a decision or on-site return due on
 * an incident opened earlier than that, or the review of a report submitted after its own deadline
 * for a date before the window, is not listed (the rules still report it when it is missed). Entries
 * and calls are read when logged within the longest of the closing and logging limits before as-of.
 */
public final class Deadlines {
    private final RuleCatalogue rules;
    private final ParameterValues parameters;
    private final IncidentThresholdTable thresholds;

    public Deadlines(RuleCatalogue rules, ParameterValues parameters, IncidentThresholdTable thresholds) {
        this.rules = Checks.required(rules, "rules");
        this.parameters = Checks.required(parameters, "parameters");
        this.thresholds = Checks.required(thresholds, "thresholds");
    }

    /** The deadlines with the default rules, parameters and table. */
    public static Deadlines defaults() {
        return new Deadlines(RuleCatalogue.defaults(), ParameterValues.defaults(), IncidentThresholdTable.defaults());
    }

    /**
     * Which records {@link #due} reads for the window {@code [asOf, asOf + horizon]} at the site: the
     * duty dates whose deadlines can fall in it, the rosters of their months and of the months that
     * begin in it, and the incidents opened late enough to have a deadline in it.
     */
    public DueWindow window(Site site, Instant asOf, Duration horizon) {
        Checks.required(site, "site");
        Checks.required(asOf, "asOf");
        Instant until = asOf.plus(Checks.required(horizon, "horizon"));
        LocalDate local = site.localDate(asOf);
        LocalDate first = local;
        while (!latestDeadline(site, first.minusDays(1)).isBefore(asOf)) {
            first = first.minusDays(1);
        }
        LocalDate last = local.minusDays(1);
        while (!earliestDeadline(site, last.plusDays(1)).isAfter(until)) {
            last = last.plusDays(1);
        }
        YearMonth firstMonth = YearMonth.from(first);
        YearMonth lastMonth = YearMonth.from(last);
        YearMonth untilMonth = YearMonth.from(site.localDate(until));
        if (untilMonth.isAfter(lastMonth)) {
            lastMonth = untilMonth;
        }
        Duration longest = longest(
                thresholds.longest(),
                parameters.get(Parameters.PLAN_ACTIVATION),
                parameters.get(Parameters.DECISION_WITHIN),
                parameters.get(Parameters.ON_SITE_WITHIN));
        Instant loggedFrom = asOf.minus(longest(
                parameters.get(Parameters.HELP_REQUEST_CLOSE),
                parameters.get(Parameters.COMPLAINT_CLOSE),
                parameters.get(Parameters.CALL_LOG_WITHIN)));
        // a handover that carried over an entry logged at loggedFrom is dated at most a day before it
        LocalDate handoversFrom = site.localDate(loggedFrom).minusDays(1);
        return new DueWindow(
                first, last, firstMonth, lastMonth, asOf.minus(longest), until, loggedFrom, asOf, handoversFrom);
    }

    private static Duration longest(Duration... durations) {
        Duration longest = Duration.ZERO;
        for (Duration d : durations) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }

    /**
     * The last deadline of a duty date: its duty report's, its log review's, or the review of a report
     * submitted at the report's deadline.
     */
    private Instant latestDeadline(Site site, LocalDate date) {
        DutyShift shift = site.shiftOf(date);
        Instant report = shift.end().plus(parameters.get(Parameters.REPORT_DUE));
        Instant review = reviewDeadline(site, shift);
        Instant reportReview = report.plus(parameters.get(Parameters.REPORT_REVIEW));
        Instant latest = report.isAfter(review) ? report : review;
        return reportReview.isAfter(latest) ? reportReview : latest;
    }

    /** The first deadline of a duty date: the arrival (or readiness) before its shift's handover. */
    private Instant earliestDeadline(Site site, LocalDate date) {
        Duration incoming = parameters.get(Parameters.INCOMING_LEAD);
        Duration outgoing = parameters.get(Parameters.OUTGOING_LEAD);
        return site.shiftOf(date).start().minus(incoming.compareTo(outgoing) > 0 ? incoming : outgoing);
    }

    /** The log review deadline of a shift's date: review.deadline on the working day on or after its end (4.3). */
    public Instant reviewDeadline(Site site, DutyShift shift) {
        LocalDate day = site.calendar().workingDayOnOrAfter(site.localDate(shift.end()));
        return day.atTime(parameters.get(Parameters.REVIEW_DEADLINE))
                .atZone(site.zone())
                .toInstant();
    }

    /**
     * The deadlines in {@code [asOf, asOf + horizon]} not met by as-of, reading only the records of
     * {@link #window}.
     */
    public List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon) {
        Checks.required(records, "records");
        DueWindow window = window(records.site(), asOf, horizon);
        Question q = new Question(records, window, asOf, asOf.plus(horizon));
        incidents(q);
        handovers(q);
        dates(q);
        rosters(q);
        calls(q);
        requests(q);
        q.items.sort(Comparator.comparing(DueItem::deadline)
                .thenComparing(DueItem::kind)
                .thenComparing(DueItem::subject));
        return List.copyOf(q.items);
    }

    /** One call of {@link #due}: the records of the window, indexed, and the deadlines found. */
    private final class Question {
        final Site site;
        final Instant asOf;
        final Instant until;
        final DueWindow window;
        final Map<String, Staff> staff = new HashMap<>();
        final List<String> supervisors;
        final Map<YearMonth, Roster> rosters = new HashMap<>();
        final Map<LocalDate, String> rostered = new HashMap<>();
        final List<Handover> handovers = new ArrayList<>();
        final Map<LocalDate, Handover> atShiftStart = new HashMap<>();
        final List<Incident> incidents = new ArrayList<>();
        final Set<LocalDate> reported = new HashSet<>();
        final Set<LocalDate> reviewed = new HashSet<>();
        /** The earliest submission of a report of each date, and the dates whose report a supervisor reviewed. */
        final Map<LocalDate, Instant> firstReport = new HashMap<>();

        final Set<LocalDate> reportReviewed = new HashSet<>();
        final List<Call> calls = new ArrayList<>();
        final List<LogEntry> requests = new ArrayList<>();
        final Map<String, Instant> entryAt = new HashMap<>();
        final Ownership ownership;
        final List<DueItem> items = new ArrayList<>();

        Question(SiteRecords records, DueWindow window, Instant asOf, Instant until) {
            this.site = records.site();
            this.asOf = asOf;
            this.until = until;
            this.window = window;
            List<String> sups = new ArrayList<>();
            for (Staff s : records.staff()) {
                staff.put(s.id(), s);
                if (s.isSupervisor()) {
                    sups.add(s.id());
                }
            }
            sups.sort(Comparator.naturalOrder());
            supervisors = List.copyOf(sups);
            for (Roster r : records.rosters()) {
                if (window.covers(r.month())) {
                    rosters.putIfAbsent(r.month(), r);
                    for (RosterDuty d : r.duties()) {
                        rostered.putIfAbsent(d.date(), d.staff());
                    }
                }
            }
            for (Handover h : records.handovers()) {
                if (window.covers(h.date())) {
                    handovers.add(h);
                    if (site.shiftOf(h.date()).start().equals(h.scheduledAt())) {
                        atShiftStart.putIfAbsent(h.date(), h);
                    }
                }
            }
            for (Incident i : records.incidents()) {
                if (window.coversOpening(i.openedAt())) {
                    incidents.add(i);
                }
            }
            for (DutyReport r : records.dutyReports()) {
                if (window.covers(r.date()) && happened(r.submittedAt())) {
                    reported.add(r.date());
                    firstReport.merge(r.date(), r.submittedAt(), (a, b) -> a.isBefore(b) ? a : b);
                    Staff reviewer = r.reviewedBy() == null ? null : staff.get(r.reviewedBy());
                    if (happened(r.reviewedAt()) && reviewer != null && reviewer.isSupervisor()) {
                        reportReviewed.add(r.date());
                    }
                }
            }
            for (Call c : records.calls()) {
                if (window.coversLogging(c.at())) {
                    calls.add(c);
                }
            }
            for (LogEntry e : records.entries()) {
                if (window.coversLogging(e.at())) {
                    entryAt.put(e.id(), e.at());
                    if (e.kind() == EntryKind.HELP_REQUEST || e.kind() == EntryKind.COMPLAINT) {
                        requests.add(e);
                    }
                }
            }
            this.ownership = requests.isEmpty() ? Ownership.none() : Ownership.of(records.handovers(), asOf);
            for (SupervisorReview r : records.reviews()) {
                Staff reviewer = staff.get(r.supervisor());
                if (window.covers(r.date()) && happened(r.at()) && reviewer != null && reviewer.isSupervisor()) {
                    reviewed.add(r.date());
                }
            }
        }

        boolean happened(Instant instant) {
            return instant != null && !instant.isAfter(asOf);
        }

        String officerOnDuty(LocalDate date) {
            Handover h = atShiftStart.get(date);
            return h != null ? h.incoming() : rostered.get(date);
        }

        void add(DueKind kind, String subject, Instant deadline, List<String> responsible) {
            if (!deadline.isBefore(asOf) && !deadline.isAfter(until)) {
                // the clause of the rule as the engine runs it (a company may have dropped the rule)
                String clause = rules.find(kind.rule())
                        .orElseGet(() -> RuleCatalogue.defaults().get(kind.rule()))
                        .clause();
                items.add(new DueItem(kind, kind.rule(), clause, subject, deadline, responsible));
            }
        }
    }

    private void incidents(Question q) {
        for (Incident i : q.incidents) {
            IncidentThresholdTable.Threshold t = thresholds.lookup(i.category(), i.severity());
            List<String> reporter = List.of(i.reportedBy());
            if (i.severity().isCritical() && t.supervisorWithin() != null && !escalated(q, i, Role.SUPERVISOR)) {
                q.add(DueKind.ESCALATION_TO_SUPERVISOR, i.id(), i.openedAt().plus(t.supervisorWithin()), reporter);
            }
            if (i.severity() == IncidentSeverity.MAJOR && t.managerWithin() != null && !escalated(q, i, Role.MANAGER)) {
                q.add(DueKind.ESCALATION_TO_MANAGER, i.id(), i.openedAt().plus(t.managerWithin()), reporter);
            }
            if (i.severity() == IncidentSeverity.MAJOR
                    && parameters.get(Parameters.PLAN_CATEGORIES).contains(i.category())
                    && !q.happened(i.planActivatedAt())) {
                q.add(
                        DueKind.EMERGENCY_PLAN,
                        i.id(),
                        i.openedAt().plus(parameters.get(Parameters.PLAN_ACTIVATION)),
                        reporter);
            }
            if (t.resolveWithin() != null && !q.happened(i.resolvedAt())) {
                q.add(DueKind.INCIDENT_RESOLUTION, i.id(), i.openedAt().plus(t.resolveWithin()), reporter);
            }
            if (i.severity().isCritical()) {
                decision(q, i);
            }
            if (i.severity() == IncidentSeverity.MAJOR && !q.happened(i.resolvedAt())) {
                onSite(q, i);
            }
        }
    }

    /** The decision of the supervisors reached about a DIFFICULT or MAJOR incident, until one is recorded. */
    private void decision(Question q, Incident i) {
        Instant first = null;
        Set<String> reached = new TreeSet<>();
        for (Escalation e : i.escalations()) {
            Staff to = q.staff.get(e.to());
            if (!q.happened(e.at()) || to == null || !to.isSupervisor()) {
                continue;
            }
            if (e.hasDecision() && q.happened(e.decidedAt())) {
                return; // decided
            }
            if (e.reached()) {
                reached.add(e.to());
                first = first == null || e.at().isBefore(first) ? e.at() : first;
            }
        }
        if (first != null) {
            q.add(
                    DueKind.DECISION,
                    i.id(),
                    first.plus(parameters.get(Parameters.DECISION_WITHIN)),
                    List.copyOf(reached));
        }
    }

    /** Each manager-level person reached after hours about an unresolved MAJOR incident, until back on site. */
    private void onSite(Question q, Incident i) {
        Map<String, Instant> firstReached = new TreeMap<>();
        Set<String> back = new HashSet<>();
        for (Escalation e : i.escalations()) {
            Staff to = q.staff.get(e.to());
            if (!q.happened(e.at()) || to == null || !to.isManagerLevel()) {
                continue;
            }
            if (q.happened(e.onSiteAt())) {
                back.add(e.to());
            }
            if (e.reached() && !q.site.isOfficeHours(e.at())) {
                firstReached.merge(e.to(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        firstReached.forEach((person, at) -> {
            if (!back.contains(person)) {
                q.add(
                        DueKind.ON_SITE_RETURN,
                        i.id() + "/" + person,
                        at.plus(parameters.get(Parameters.ON_SITE_WITHIN)),
                        List.of(person));
            }
        });
    }

    /** An escalation to someone of the role made by as-of (before the incident was opened counts). */
    private static boolean escalated(Question q, Incident i, Role role) {
        for (Escalation e : i.escalations()) {
            Staff to = q.staff.get(e.to());
            if (q.happened(e.at()) && to != null && to.has(role)) {
                return true;
            }
        }
        return false;
    }

    /** The arrival and readiness of each handover not completed by as-of. */
    private void handovers(Question q) {
        for (Handover h : q.handovers) {
            if (q.happened(h.completedAt())) {
                continue; // completed: nothing more to do before it
            }
            if (!q.happened(h.incomingArrivedAt())) {
                q.add(
                        DueKind.INCOMING_ARRIVAL,
                        h.id(),
                        h.scheduledAt().minus(parameters.get(Parameters.INCOMING_LEAD)),
                        List.of(h.incoming()));
            }
            if (!q.happened(h.outgoingReadyAt())) {
                q.add(
                        DueKind.OUTGOING_READY,
                        h.id(),
                        h.scheduledAt().minus(parameters.get(Parameters.OUTGOING_LEAD)),
                        List.of(h.outgoing()));
            }
        }
    }

    /** Per duty date of the window: the arrival at a rostered shift with no handover yet, the report, the review. */
    private void dates(Question q) {
        for (LocalDate date = q.window.firstDate(); !date.isAfter(q.window.lastDate()); date = date.plusDays(1)) {
            DutyShift shift = q.site.shiftOf(date);
            String rostered = q.rostered.get(date);
            if (rostered != null && !q.atShiftStart.containsKey(date)) {
                q.add(
                        DueKind.INCOMING_ARRIVAL,
                        date.toString(),
                        shift.start().minus(parameters.get(Parameters.INCOMING_LEAD)),
                        List.of(rostered));
            }
            if (!q.reported.contains(date)) {
                String officer = q.officerOnDuty(date);
                q.add(
                        DueKind.DUTY_REPORT,
                        date.toString(),
                        shift.end().plus(parameters.get(Parameters.REPORT_DUE)),
                        officer == null ? List.of() : List.of(officer));
            }
            if (!q.reviewed.contains(date)) {
                q.add(DueKind.LOG_REVIEW, date.toString(), reviewDeadline(q.site, shift), q.supervisors);
            }
            Instant submitted = q.firstReport.get(date);
            if (submitted != null && !q.reportReviewed.contains(date)) {
                Instant review = reviewDeadline(q.site, shift);
                Instant afterSubmission = submitted.plus(parameters.get(Parameters.REPORT_REVIEW));
                q.add(
                        DueKind.DUTY_REPORT_REVIEW,
                        date.toString(),
                        afterSubmission.isAfter(review) ? afterSubmission : review,
                        q.supervisors);
            }
        }
    }

    /** The publication of each month's roster that is due in the window. */
    private void rosters(Question q) {
        YearMonth last = YearMonth.from(q.site.localDate(q.until));
        for (YearMonth month = YearMonth.from(q.site.localDate(q.asOf));
                !month.isAfter(last);
                month = month.plusMonths(1)) {
            Roster roster = q.rosters.get(month);
            if (roster == null || !q.happened(roster.publishedAt())) {
                q.add(
                        DueKind.ROSTER_PUBLICATION,
                        month.toString(),
                        month.atDay(1).atStartOfDay(q.site.zone()).toInstant(),
                        q.supervisors);
            }
        }
    }

    /** The logging of each answered inbound call of a duty shift, until an entry written from the call on names it. */
    private void calls(Question q) {
        Duration within = parameters.get(Parameters.CALL_LOG_WITHIN);
        for (Call c : q.calls) {
            if (!q.happened(c.at())
                    || c.direction() != CallDirection.INBOUND
                    || !c.answered()
                    || q.site.shiftContaining(c.at()).isEmpty()) {
                continue;
            }
            Instant deadline = c.at().plus(within);
            Instant logged = c.entry() == null ? null : q.entryAt.get(c.entry());
            if (logged != null && !logged.isBefore(c.at()) && !logged.isAfter(deadline)) {
                continue;
            }
            q.add(DueKind.CALL_LOGGING, c.id(), deadline, c.staff() == null ? List.of() : List.of(c.staff()));
        }
    }

    /** The closing of each request for help and complaint not closed, by whoever owns it now. */
    private void requests(Question q) {
        for (LogEntry e : q.requests) {
            if (!q.happened(e.at()) || q.happened(e.closedAt())) {
                continue;
            }
            Duration limit = e.kind() == EntryKind.HELP_REQUEST
                    ? parameters.get(Parameters.HELP_REQUEST_CLOSE)
                    : parameters.get(Parameters.COMPLAINT_CLOSE);
            q.add(
                    DueKind.REQUEST_CLOSING,
                    e.id(),
                    e.at().plus(limit),
                    List.of(q.ownership.ownerAt(e.id(), Ownership.creator(e), q.asOf)));
        }
    }
}
