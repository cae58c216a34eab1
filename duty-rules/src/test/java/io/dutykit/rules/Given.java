package io.dutykit.rules;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test data in the "given these facts → these violations" style. Times are site-local
 * (Asia/Shanghai) and written {@code "2026-11-02T17:25"} or with seconds. The site's calendar has a
 * holiday on Wednesday 2026-11-11 and a make-up working day on Saturday 2026-11-14.
 */
final class Given {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate HOLIDAY = LocalDate.parse("2026-11-11");
    static final LocalDate MAKEUP_WORKDAY = LocalDate.parse("2026-11-14");
    static final Site SITE =
            Site.of("garden-court", "Garden Court", ZONE, new SiteCalendar(Set.of(HOLIDAY), Set.of(MAKEUP_WORKDAY)));

    private final List<Staff> staff = new ArrayList<>(List.of(
            Staff.of("wang", "王芳", Role.DUTY_OFFICER),
            Staff.of("chen", "陈军", Role.DUTY_OFFICER),
            Staff.of("liu", "刘洋", Role.DUTY_OFFICER),
            Staff.of("li", "李强", Role.SUPERVISOR),
            Staff.of("zhao", "赵敏", Role.MANAGER),
            Staff.of("sun", "孙伟", Role.SECURITY_SUPERVISOR),
            Staff.of("ma", "马丽", Role.MAINTENANCE_SUPERVISOR)));
    private final List<Roster> rosters = new ArrayList<>();
    private final List<Leave> leaves = new ArrayList<>();
    private final List<Handover> handovers = new ArrayList<>();
    private final List<LogEntry> entries = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Absence> absences = new ArrayList<>();
    private final List<SupervisorReview> reviews = new ArrayList<>();
    private final List<DutyReport> reports = new ArrayList<>();
    private final List<Training> trainings = new ArrayList<>();
    private final List<ProcessReview> processReviews = new ArrayList<>();

    static Given given() {
        return new Given();
    }

    static Instant t(String local) {
        return local == null ? null : LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    Given staff(Staff member) {
        staff.add(member);
        return this;
    }

    /** A roster of the month published at {@code publishedAt} by li, {@code date=staff} pairs. */
    Given roster(String month, String publishedAt, String... duties) {
        return rosterBy(month, publishedAt, "li", duties);
    }

    Given rosterBy(String month, String publishedAt, String publishedBy, String... duties) {
        List<RosterDuty> list = new ArrayList<>();
        for (String duty : duties) {
            String[] parts = duty.split("=");
            list.add(new RosterDuty(d(parts[0]), parts[1]));
        }
        rosters.add(new Roster(YearMonth.parse(month), t(publishedAt), publishedBy, list));
        return this;
    }

    /** A roster with {@code officer} on every date of the month, published on time. */
    Given fullRoster(String month, String officer) {
        YearMonth m = YearMonth.parse(month);
        List<String> duties = new ArrayList<>();
        for (int day = 1; day <= m.lengthOfMonth(); day++) {
            duties.add(m.atDay(day) + "=" + officer);
        }
        return roster(month, m.minusMonths(1).atEndOfMonth() + "T09:00", duties.toArray(String[]::new));
    }

    Given leave(Leave leave) {
        leaves.add(leave);
        return this;
    }

    Given handover(HandoverBuilder handover) {
        handovers.add(handover.build());
        return this;
    }

    Given entry(String id, String at, String author, EntryKind kind, boolean important, String closedAt) {
        Instant instant = t(at);
        entries.add(new LogEntry(
                id, SITE.dutyDateOf(instant), instant, author, kind, "text", important, t(closedAt), List.of(), null));
        return this;
    }

    Given patrol(String id, String at) {
        return entry(id, at, "wang", EntryKind.PATROL, false, null);
    }

    Given incident(IncidentBuilder incident) {
        incidents.add(incident.build());
        return this;
    }

    Given call(
            String id,
            String at,
            CallLine line,
            CallDirection direction,
            Integer rings,
            boolean answered,
            String staffId) {
        calls.add(new Call(id, t(at), line, direction, rings, answered, staffId));
        return this;
    }

    Given absence(String id, String staffId, String from, String to, String coveredBy) {
        absences.add(new Absence(id, staffId, t(from), t(to), coveredBy, "reason"));
        return this;
    }

    Given review(String date, String supervisor, String at) {
        reviews.add(new SupervisorReview(d(date), supervisor, t(at), null));
        return this;
    }

    Given dutyReport(String date, String author, String submittedAt) {
        reports.add(new DutyReport(d(date), author, t(submittedAt), null, null));
        return this;
    }

    Given training(String date, String... attendees) {
        trainings.add(new Training(d(date), "drill", List.of(attendees)));
        return this;
    }

    Given processReview(String month, String heldAt) {
        processReviews.add(new ProcessReview(YearMonth.parse(month), t(heldAt), "findings"));
        return this;
    }

    SiteRecords records() {
        return SiteRecords.builder(SITE)
                .staff(staff)
                .rosters(rosters)
                .leaves(leaves)
                .handovers(handovers)
                .entries(entries)
                .incidents(incidents)
                .calls(calls)
                .absences(absences)
                .reviews(reviews)
                .dutyReports(reports)
                .trainings(trainings)
                .processReviews(processReviews)
                .build();
    }

    /** Every violation of the duty dates {@code from}–{@code to} as of the site-local instant. */
    List<Violation> check(String from, String to, String asOf) {
        return Rules.DEFAULT.evaluate(records(), new CheckPeriod(d(from), d(to)), t(asOf));
    }

    /** The violations of one rule, as "rule subject [responsible]" lines. */
    List<String> check(String rule, String from, String to, String asOf) {
        return lines(check(from, to, asOf), rule);
    }

    static List<String> lines(List<Violation> violations, String rule) {
        return violations.stream()
                .filter(v -> v.rule().equals(rule))
                .map(Given::line)
                .toList();
    }

    static String line(Violation v) {
        return v.rule() + " " + v.subject() + " " + v.responsible();
    }

    /** The default rules, compiled once per test JVM. */
    static final class Rules {
        static final DroolsProcedureRules DEFAULT = DroolsProcedureRules.defaults();

        private Rules() {}
    }

    /** A compliant handover unless told otherwise: arrival 10 min and readiness 20 min early, both sign. */
    static HandoverBuilder aHandover(String id, String scheduledAt, String outgoing, String incoming) {
        return new HandoverBuilder(id, scheduledAt, outgoing, incoming);
    }

    static final class HandoverBuilder {
        private final String id;
        private final Instant scheduledAt;
        private final String outgoing;
        private final String incoming;
        private LocalDate date;
        private Instant arrived;
        private Instant ready;
        private Instant completed;
        private final List<InventoryLine> inventory = new ArrayList<>();
        private final List<Anomaly> anomalies = new ArrayList<>();
        private final List<String> carried = new ArrayList<>();
        private final Map<SignatureRole, Signature> signatures = new LinkedHashMap<>();

        HandoverBuilder(String id, String scheduledAt, String outgoing, String incoming) {
            this.id = id;
            this.scheduledAt = t(scheduledAt);
            this.outgoing = outgoing;
            this.incoming = incoming;
            this.date = SITE.handoverDateOf(this.scheduledAt).orElseThrow();
            this.arrived = this.scheduledAt.minusSeconds(600);
            this.ready = this.scheduledAt.minusSeconds(1200);
            this.completed = this.scheduledAt.plusSeconds(600);
            signatures.put(
                    SignatureRole.OUTGOING,
                    new Signature(outgoing, SignatureRole.OUTGOING, this.scheduledAt.plusSeconds(300), null));
            signatures.put(
                    SignatureRole.INCOMING,
                    new Signature(incoming, SignatureRole.INCOMING, this.scheduledAt.plusSeconds(360), null));
        }

        HandoverBuilder arrived(String at) {
            arrived = t(at);
            return this;
        }

        HandoverBuilder ready(String at) {
            ready = t(at);
            return this;
        }

        HandoverBuilder completed(String at) {
            completed = t(at);
            return this;
        }

        HandoverBuilder notCompleted() {
            completed = null;
            return this;
        }

        HandoverBuilder inventory(String item, int expected, int counted, int damaged, String explanation) {
            inventory.add(new InventoryLine(item, expected, counted, damaged, explanation));
            return this;
        }

        HandoverBuilder anomaly(String description, String explanation) {
            anomalies.add(new Anomaly(description, explanation));
            return this;
        }

        HandoverBuilder carried(String... ids) {
            carried.addAll(List.of(ids));
            return this;
        }

        HandoverBuilder unsigned(SignatureRole role) {
            signatures.remove(role);
            return this;
        }

        HandoverBuilder signedBy(SignatureRole role, String staffId, String at) {
            signatures.put(role, new Signature(staffId, role, t(at), null));
            return this;
        }

        Handover build() {
            return new Handover(
                    id,
                    date,
                    scheduledAt,
                    outgoing,
                    incoming,
                    arrived,
                    ready,
                    inventory,
                    anomalies,
                    carried,
                    List.copyOf(signatures.values()),
                    completed);
        }
    }

    /** A DIFFICULT WATER_LEAK reported by wang unless told otherwise, resolved the same day. */
    static IncidentBuilder anIncident(String id, String openedAt) {
        return new IncidentBuilder(id, openedAt);
    }

    static final class IncidentBuilder {
        private final String id;
        private final Instant openedAt;
        private String reportedBy = "wang";
        private String category = "WATER_LEAK";
        private IncidentSeverity severity = IncidentSeverity.DIFFICULT;
        private final List<Escalation> escalations = new ArrayList<>();
        private Instant plan;
        private Instant resolved;
        private String process = "process";
        private String result = "result";

        IncidentBuilder(String id, String openedAt) {
            this.id = id;
            this.openedAt = t(openedAt);
            this.resolved = this.openedAt.plusSeconds(3600);
        }

        IncidentBuilder reportedBy(String staffId) {
            reportedBy = staffId;
            return this;
        }

        IncidentBuilder category(String value) {
            category = value;
            return this;
        }

        IncidentBuilder severity(IncidentSeverity value) {
            severity = value;
            return this;
        }

        IncidentBuilder escalated(String to, String at, boolean reached) {
            escalations.add(Escalation.of(to, t(at), reached));
            return this;
        }

        IncidentBuilder plan(String at) {
            plan = t(at);
            return this;
        }

        IncidentBuilder resolved(String at) {
            resolved = t(at);
            return this;
        }

        IncidentBuilder documented(String processText, String resultText) {
            process = processText;
            result = resultText;
            return this;
        }

        Incident build() {
            return new Incident(
                    id,
                    SITE.dutyDateOf(openedAt),
                    openedAt,
                    reportedBy,
                    category,
                    severity,
                    escalations,
                    plan,
                    resolved,
                    process,
                    result);
        }
    }
}
