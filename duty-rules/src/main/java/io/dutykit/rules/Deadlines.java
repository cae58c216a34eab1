package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.roster.Roster;
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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The "what is due soon" list: the deadlines of the rules (same parameters and threshold table as
 * the DRL) that fall in {@code [asOf, asOf + horizon]} and have not been met by as-of.
 */
final class Deadlines {
    private final SiteRecords records;
    private final Site site;
    private final Instant asOf;
    private final ProcedureParameters parameters;
    private final IncidentThresholds thresholds;
    private final Map<String, Staff> staff;
    private final List<String> supervisors;

    Deadlines(SiteRecords records, Instant asOf, ProcedureParameters parameters, IncidentThresholds thresholds) {
        this.records = records;
        this.site = records.site();
        this.asOf = asOf;
        this.parameters = parameters;
        this.thresholds = thresholds;
        this.staff = records.staffById();
        this.supervisors = records.withRole(Role.SUPERVISOR).stream()
                .map(Staff::id)
                .sorted()
                .toList();
    }

    List<DueItem> due(Duration horizon) {
        Instant until = asOf.plus(horizon);
        List<DueItem> items = new ArrayList<>();
        incidents(items);
        handovers(items);
        shifts(items, until);
        rosters(items, until);
        return items.stream()
                .filter(i -> !i.deadline().isBefore(asOf) && !i.deadline().isAfter(until))
                .sorted(Comparator.comparing(DueItem::deadline)
                        .thenComparing(DueItem::kind)
                        .thenComparing(DueItem::subject))
                .toList();
    }

    private boolean happened(Instant instant) {
        return instant != null && !instant.isAfter(asOf);
    }

    private boolean escalatedTo(Incident incident, Predicate<Staff> role) {
        for (Escalation e : incident.escalations()) {
            Staff to = staff.get(e.to());
            if (happened(e.at()) && to != null && role.test(to)) {
                return true;
            }
        }
        return false;
    }

    private void incidents(List<DueItem> items) {
        for (Incident i : records.incidents()) {
            IncidentThresholds.Threshold t = thresholds.lookup(i.category(), i.severity());
            List<String> reporter = List.of(i.reportedBy());
            if (i.severity().isCritical() && t.supervisorWithin() != null && !escalatedTo(i, Staff::isSupervisor)) {
                items.add(new DueItem(
                        DueKind.ESCALATION_TO_SUPERVISOR,
                        "ESCALATION_SUPERVISOR_LATE",
                        "4.1.4, 4.1.5",
                        i.id(),
                        i.openedAt().plus(t.supervisorWithin()),
                        reporter));
            }
            if (i.severity() == IncidentSeverity.MAJOR
                    && t.managerWithin() != null
                    && !escalatedTo(i, s -> s.has(Role.MANAGER))) {
                items.add(new DueItem(
                        DueKind.ESCALATION_TO_MANAGER,
                        "ESCALATION_MANAGER_LATE",
                        "4.1.5",
                        i.id(),
                        i.openedAt().plus(t.managerWithin()),
                        reporter));
            }
            if (i.severity() == IncidentSeverity.MAJOR
                    && parameters.planCategories().contains(i.category())
                    && !happened(i.planActivatedAt())) {
                items.add(new DueItem(
                        DueKind.EMERGENCY_PLAN,
                        "EMERGENCY_PLAN_LATE",
                        "G3",
                        i.id(),
                        i.openedAt().plus(parameters.planActivation()),
                        reporter));
            }
            if (t.resolveWithin() != null && !happened(i.resolvedAt())) {
                items.add(new DueItem(
                        DueKind.INCIDENT_RESOLUTION,
                        "INCIDENT_UNRESOLVED",
                        "4.1.4",
                        i.id(),
                        i.openedAt().plus(t.resolveWithin()),
                        reporter));
            }
        }
    }

    private void handovers(List<DueItem> items) {
        for (Handover h : records.handovers()) {
            if (happened(h.completedAt())) {
                continue;
            }
            if (!happened(h.incomingArrivedAt())) {
                items.add(new DueItem(
                        DueKind.INCOMING_ARRIVAL,
                        "HANDOVER_INCOMING_LATE",
                        "4.2.1",
                        h.id(),
                        h.scheduledAt().minus(parameters.incomingLead()),
                        List.of(h.incoming())));
            }
            if (!happened(h.outgoingReadyAt())) {
                items.add(new DueItem(
                        DueKind.OUTGOING_READY,
                        "HANDOVER_OUTGOING_UNPREPARED",
                        "4.2.2",
                        h.id(),
                        h.scheduledAt().minus(parameters.outgoingLead()),
                        List.of(h.outgoing())));
            }
        }
    }

    private void shifts(List<DueItem> items, Instant until) {
        LocalDate first = site.localDate(asOf).minusDays(7);
        LocalDate last = site.localDate(until);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            DutyShift shift = site.shiftOf(date);
            LocalDate day = date;
            boolean reported =
                    records.dutyReports().stream().anyMatch(r -> r.date().equals(day) && happened(r.submittedAt()));
            if (!reported) {
                items.add(new DueItem(
                        DueKind.DUTY_REPORT,
                        "DUTY_REPORT_LATE",
                        "G2, G4",
                        date.toString(),
                        shift.end().plus(parameters.reportDue()),
                        records.officerOnDuty(date).stream().toList()));
            }
            boolean reviewed = records.reviews().stream()
                    .filter(r -> r.date().equals(day) && happened(r.at()))
                    .map(SupervisorReview::supervisor)
                    .anyMatch(s -> staff.containsKey(s) && staff.get(s).isSupervisor());
            if (!reviewed) {
                LocalDate reviewDay = site.calendar().workingDayOnOrAfter(site.localDate(shift.end()));
                items.add(new DueItem(
                        DueKind.LOG_REVIEW,
                        "LOG_NOT_REVIEWED",
                        "4.3",
                        date.toString(),
                        reviewDay
                                .atTime(parameters.reviewDeadline())
                                .atZone(site.zone())
                                .toInstant(),
                        supervisors));
            }
        }
    }

    private void rosters(List<DueItem> items, Instant until) {
        YearMonth first = YearMonth.from(site.localDate(asOf));
        YearMonth last = YearMonth.from(site.localDate(until)).plusMonths(1);
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            boolean published = records.roster(month)
                    .map(Roster::publishedAt)
                    .filter(this::happened)
                    .isPresent();
            if (!published) {
                items.add(new DueItem(
                        DueKind.ROSTER_PUBLICATION,
                        "ROSTER_LATE",
                        "4.1.1",
                        month.toString(),
                        month.atDay(1).atStartOfDay(site.zone()).toInstant(),
                        supervisors));
            }
        }
    }
}
