package io.dutykit.reports;

import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.HandoverBuilder.anOpenHandover;
import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.TestTime.at;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationSeverity;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.test.data.HandoverBuilder;
import io.dutykit.test.data.IncidentBuilder;
import io.dutykit.test.data.TestTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A known month at Garden Court (November 2026, Asia/Shanghai) whose report figures are worked out
 * by hand in the tests. Duty date 2026-11-02 (a Monday) is the richly recorded one.
 */
final class Fixtures {
    static final ZoneId ZONE = TestTime.ZONE;
    static final String SITE = "garden-court";
    static final LocalDate D = LocalDate.parse("2026-11-02");
    /** Hostile text that records may hold and every format must print safely. */
    static final String HOSTILE = "<script>alert('x')</script> \"quoted\" & <b>bold</b> | *star* `tick`";

    static final Instant DAILY_AS_OF = at("2026-11-03T12:00");
    static final Instant MONTH_AS_OF = at("2026-12-01T12:00");

    private Fixtures() {}

    /** The site's checklist of public items: the evening handover forgets MASTER_KEY, the morning one all but walkie-talkies. */
    static final List<InventoryItem> CHECKLIST = List.of(
            new InventoryItem("WALKIE_TALKIE", 2),
            new InventoryItem("FIRE_EXTINGUISHER", 4),
            new InventoryItem("FLASK", 2),
            new InventoryItem("MASTER_KEY", 1));

    static SiteRecords gardenCourt() {
        Site site = new Site(SITE, "Garden Court 花园阁", ZONE, SiteCalendar.WEEKDAYS_ONLY, null, null, null, CHECKLIST);
        return SiteRecords.builder(site)
                .staff(List.of(
                        Staff.of("wang", "王芳", Role.DUTY_OFFICER),
                        Staff.of("chen", "陈明", Role.DUTY_OFFICER),
                        Staff.of("liu", "刘\"洋\" <i>", Role.DUTY_OFFICER),
                        Staff.of("li", "李强", Role.SUPERVISOR),
                        Staff.of("zhao", "赵敏", Role.MANAGER)))
                .rosters(List.of(roster()))
                .handovers(List.of(eveningHandover(), morningHandover(), lateHandover()))
                .entries(entries())
                .incidents(incidents())
                .calls(calls())
                .dutyReports(List.of(new DutyReport(D, "wang", at("2026-11-03T08:40"), "li", at("2026-11-03T09:50"))))
                .spotChecks(List.of(
                        new SpotCheck(D.plusDays(1), "li", at("2026-11-03T20:00"), "log complete"),
                        new SpotCheck(D.plusDays(8), "li", at("2026-11-10T21:00"), "log complete"),
                        new SpotCheck(D.plusDays(15), "li", at("2026-11-17T22:00"), "patrol late"),
                        new SpotCheck(D.plusDays(16), "wang", at("2026-11-18T22:00"), "not a supervisor")))
                .reviews(List.of(
                        new SupervisorReview(D.minusDays(3), "li", at("2026-10-30T09:00"), "1".repeat(64)),
                        new SupervisorReview(D, "li", at("2026-11-03T09:30"), "ab".repeat(32))))
                .build();
    }

    /** Even dates wang (but the 10th liu), odd dates chen. */
    static Roster roster() {
        List<RosterDuty> duties = new ArrayList<>();
        for (int day = 1; day <= 30; day++) {
            String officer = day == 10 ? "liu" : day % 2 == 0 ? "wang" : "chen";
            duties.add(new RosterDuty(LocalDate.of(2026, 11, day), officer));
        }
        return new Roster(YearMonth.of(2026, 11), at("2026-10-28T16:00"), "li", duties);
    }

    /**
     * 17:30 handover starting D's shift, chen → wang: the incoming 8 minutes early (on time), the
     * outgoing 10 minutes early (late for 15), one walkie-talkie missing (explained), one extinguisher
     * damaged (unexplained), a hostile unexplained anomaly, MASTER_KEY of the checklist not counted; the
     * outgoing's signature verifies, the incoming's carries another hash. The incoming's checks: two done,
     * one by chen (someone else), one 70 minutes before the handover (outside the window), and one the
     * procedure does not ask for.
     */
    static Handover eveningHandover() {
        HandoverBuilder handover = anOpenHandover()
                .id("ho-2026-11-02")
                .date(D)
                .scheduledAt(at("2026-11-02T17:30"))
                .outgoing("chen")
                .incoming("wang")
                .incomingArrivedAt("17:22")
                .outgoingReadyAt("17:20")
                .inventory(new InventoryLine("WALKIE_TALKIE", 2, 1, 0, "sent for repair"))
                .inventory(new InventoryLine("FIRE_EXTINGUISHER", 4, 4, 1, null))
                .inventory(new InventoryLine("FLASK", 2, 2, 0, null))
                .anomaly(new Anomaly(HOSTILE, null))
                .carriedOver("e-1")
                .check("LOG_READ", "wang", "17:23")
                .check("AREA_INSPECTED", "wang", "17:24")
                .check("SYSTEMS_RUNNING", "chen", "17:25")
                .check("COMMS_WORKING", "wang", "16:20")
                .check("KEYS_CHECKED", "wang", "17:26");
        String hash = handover.build().contentHash();
        return handover.signature(new Signature("chen", SignatureRole.OUTGOING, at("2026-11-02T17:33"), hash))
                .signature(new Signature("wang", SignatureRole.INCOMING, at("2026-11-02T17:34"), "f".repeat(64)))
                .completedAt("17:35")
                .build();
    }

    /**
     * 08:30 handover ending D's shift, wang → chen, both exactly on the marks, both signatures verify —
     * but the incoming signed a minute before the outgoing, and li signed too, after completion. Only
     * walkie-talkies were counted and the incoming recorded no check.
     */
    static Handover morningHandover() {
        HandoverBuilder handover = anOpenHandover()
                .id("ho-2026-11-03-day")
                .date(D)
                .scheduledAt(at("2026-11-03T08:30"))
                .outgoing("wang")
                .incoming("chen")
                .incomingArrivedAt("08:25")
                .outgoingReadyAt("08:15")
                .inventory(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null));
        String hash = handover.build().contentHash();
        return handover.signature(new Signature("wang", SignatureRole.OUTGOING, at("2026-11-03T08:32"), hash))
                .signature(new Signature("chen", SignatureRole.INCOMING, at("2026-11-03T08:31"), hash))
                .signature(new Signature("li", SignatureRole.OUTGOING, at("2026-11-03T08:40"), hash))
                .completedAt("08:33")
                .build();
    }

    /** 17:30 handover of 2026-11-03: the incoming 1 minute early (late), never ready, signed or completed. */
    static Handover lateHandover() {
        return anOpenHandover()
                .id("ho-2026-11-03")
                .date(D.plusDays(1))
                .scheduledAt(at("2026-11-03T17:30"))
                .outgoing("wang")
                .incoming("chen")
                .incomingArrivedAt("17:29")
                .build();
    }

    static List<LogEntry> entries() {
        List<LogEntry> list = new ArrayList<>();
        // dated 2026-11-01 (inside Sunday's 24-hour shift), carried over at D's start, closed during D
        list.add(anEntry()
                .id("e-1")
                .date(D.minusDays(1))
                .at("2026-11-02T07:50")
                .author("chen")
                .kind(EntryKind.HELP_REQUEST)
                .text("Lift 3 noise")
                .closedAt("2026-11-02T21:00")
                .build());
        list.add(anEntry()
                .id("e-10")
                .date(D)
                .at("2026-11-02T18:05")
                .kind(EntryKind.ENQUIRY)
                .text("Parcel locker code?")
                .closedAt("2026-11-02T18:10")
                .evidence("photo:locker-code.jpg")
                .build());
        list.add(LogEntry.of("e-11", D, at("2026-11-02T19:00"), "wang", EntryKind.COMPLAINT, "Noise " + HOSTILE, true));
        list.add(LogEntry.of(
                "e-17", D, at("2026-11-02T21:00"), "wang", EntryKind.THANKS, "=1+1 thanks from 5-1201", false));
        String[] patrols = {
            "2026-11-02T18:30", "2026-11-02T20:00", "2026-11-03T00:30", "2026-11-03T03:00", "2026-11-03T06:00"
        };
        for (int i = 0; i < patrols.length; i++) {
            list.add(LogEntry.of("p-" + i, D, at(patrols[i]), "wang", EntryKind.PATROL, "all normal", false));
        }
        return list;
    }

    /**
     * Incidents of November. Minutes to the first supervisor escalation: 12 and 8 (on D), then 5, 20,
     * 30, 45, 3.5, 15, 25 and 60 — sorted 3.5 5 8 12 15 20 25 30 45 60, so the nearest-rank median is
     * 15 (rank 5) and p90 is 45 (rank 9). One DIFFICULT incident was never escalated.
     *
     * <p>Decisions (li, the supervisor reached each time): 5 minutes after being reached, but on inc-8
     * after 20 minutes, on inc-9 after 35 (late) and on inc-10 none — nine decisions, sorted 5 ×7, 20,
     * 35: the nearest-rank median is 5 (rank 5), p90 is 35 (rank ⌈8.1⌉ = 9). On the fire (inc-2, after hours) li is back on site 20 minutes after being reached;
     * zhao is not, but the fire is out (23:50) before zhao's hour is up.
     */
    static List<Incident> incidents() {
        List<Incident> list = new ArrayList<>();
        list.add(anIncident()
                .id("inc-1")
                .date(D)
                .openedAt("2026-11-02T22:00")
                .category("WATER_LEAK")
                .severity(IncidentSeverity.DIFFICULT)
                .escalatedTo("li", "22:12", true)
                .escalatedTo("zhao", "22:40", true)
                .resolvedAt("2026-11-03T01:00")
                .documented("Closed the valve, called maintenance", "Fixed")
                .build());
        list.add(anIncident()
                .id("inc-2")
                .date(D)
                .openedAt("2026-11-02T23:00")
                .category("FIRE")
                .severity(IncidentSeverity.MAJOR)
                .escalation(Escalation.of("zhao", at("2026-11-02T23:20"), true))
                .escalatedTo("li", "23:08", true)
                .planActivatedAt("23:03")
                .resolvedAt("23:50")
                .documented("Extinguished a bin fire", "No damage")
                .build());
        Object[][] others = {
            {"inc-3", "2026-11-05", "20:05:00"},
            {"inc-4", "2026-11-08", "20:20:00"},
            {"inc-5", "2026-11-10", "20:30:00"},
            {"inc-6", "2026-11-12", "20:45:00"},
            {"inc-7", "2026-11-15", "20:03:30"},
            {"inc-8", "2026-11-18", "20:15:00"},
            {"inc-9", "2026-11-20", "20:25:00"},
            {"inc-10", "2026-11-22", "21:00:00"}
        };
        for (Object[] o : others) {
            String date = (String) o[1];
            String id = (String) o[0];
            IncidentBuilder incident = anIncident()
                    .id(id)
                    .date(date)
                    .openedAt(date + "T20:00")
                    .reportedBy("chen")
                    .category("LIFT_FAULT")
                    .severity(IncidentSeverity.DIFFICULT)
                    .resolvedAt("23:00")
                    .documented("p", "r");
            Instant reached = at(date + "T" + o[2]);
            int decidedAfter =
                    switch (id) {
                        case "inc-8" -> 20;
                        case "inc-9" -> 35;
                        default -> 0;
                    };
            if (id.equals("inc-10")) {
                incident.escalation(Escalation.of("li", reached, true));
            } else if (decidedAfter > 0) {
                incident.escalation(Escalation.of("li", reached, true)
                        .withDecision("call the lift company", reached.plusSeconds(60L * decidedAfter)));
            } else {
                incident.escalatedTo("li", reached, true);
            }
            list.add(incident.build());
        }
        list.add(Incident.open(
                "inc-11",
                LocalDate.parse("2026-11-25"),
                at("2026-11-25T20:00"),
                "chen",
                "POWER_OUTAGE",
                IncidentSeverity.DIFFICULT));
        list.add(Incident.open(
                "inc-12",
                LocalDate.parse("2026-11-26"),
                at("2026-11-26T20:00"),
                "wang",
                "NOISE",
                IncidentSeverity.ROUTINE));
        return list;
    }

    /**
     * Calls of D's shift: 5 inbound, of which 3 answered within 3 rings (2 rings, exactly 3, and one
     * without a ring count), 1 answered after 5 rings and 1 missed; one hotline call dialled out. A
     * call the next morning belongs to 2026-11-03. Of the four answered inbound calls, c-1 is logged
     * in time (e-10, 5 minutes later), c-2 names an entry written before it (e-11) and c-3 and c-6 name
     * none.
     */
    static List<Call> calls() {
        return List.of(
                new Call(
                        "c-1",
                        at("2026-11-02T18:00"),
                        CallLine.HOTLINE,
                        CallDirection.INBOUND,
                        2,
                        true,
                        "wang",
                        "e-10"),
                new Call(
                        "c-2",
                        at("2026-11-02T19:30"),
                        CallLine.HOTLINE,
                        CallDirection.INBOUND,
                        3,
                        true,
                        "wang",
                        "e-11"),
                new Call("c-3", at("2026-11-02T21:15"), CallLine.HOTLINE, CallDirection.INBOUND, 5, true, "wang"),
                new Call("c-4", at("2026-11-03T02:00"), CallLine.HOTLINE, CallDirection.INBOUND, 6, false, null),
                new Call("c-5", at("2026-11-03T03:10"), CallLine.HOTLINE, CallDirection.OUTBOUND, null, true, "wang"),
                new Call("c-6", at("2026-11-03T04:00"), CallLine.OTHER, CallDirection.INBOUND, null, true, "wang"),
                new Call("c-7", at("2026-11-03T10:00"), CallLine.HOTLINE, CallDirection.INBOUND, 1, true, "chen"));
    }

    /**
     * The violations a rule engine would pass in: 7 on D, 4 more in November (11 in all: 5 errors, 6
     * warnings), plus one in December and one of another site, which the November reports ignore.
     */
    static List<Violation> violations() {
        return List.of(
                v("HANDOVER_OUTGOING_UNPREPARED", "4.2.2", ViolationSeverity.WARNING, "ho-2026-11-02", "chen", D),
                v(
                        "HANDOVER_INVENTORY_UNEXPLAINED",
                        "4.2.1",
                        ViolationSeverity.ERROR,
                        "ho-2026-11-02/FIRE_EXTINGUISHER",
                        "chen",
                        D),
                v("HANDOVER_ANOMALY_UNEXPLAINED", "4.2.1", ViolationSeverity.ERROR, "ho-2026-11-02/0", "chen", D),
                v("CALL_ANSWERED_LATE", "4.1.5", ViolationSeverity.WARNING, "c-3", "wang", D),
                v("CALL_MISSED", "4.1.5", ViolationSeverity.ERROR, "c-4", "wang", D),
                v("HOTLINE_DIALLED_OUT", "4.1.5", ViolationSeverity.WARNING, "c-5", "wang", D),
                v("PATROL_OVERDUE", "G2", ViolationSeverity.WARNING, "2026-11-02", "wang", D),
                v("HANDOVER_INCOMING_LATE", "4.2.1", ViolationSeverity.ERROR, "ho-2026-11-03", "chen", D.plusDays(1)),
                v(
                        "PATROL_OVERDUE",
                        "G2",
                        ViolationSeverity.WARNING,
                        "2026-11-05",
                        "wang",
                        LocalDate.parse("2026-11-05")),
                v(
                        "PATROL_OVERDUE",
                        "G2",
                        ViolationSeverity.WARNING,
                        "2026-11-09",
                        "chen",
                        LocalDate.parse("2026-11-09")),
                v("CALL_MISSED", "4.1.5", ViolationSeverity.ERROR, "c-99", "liu", LocalDate.parse("2026-11-10")),
                v("CALL_MISSED", "4.1.5", ViolationSeverity.ERROR, "c-100", "wang", LocalDate.parse("2026-12-01")),
                new Violation(
                        "other-site",
                        "CALL_MISSED",
                        "4.1.5",
                        ViolationSeverity.ERROR,
                        "c-1",
                        List.of("wang"),
                        D,
                        null,
                        null,
                        List.of()));
    }

    static Violation v(
            String rule, String clause, ViolationSeverity severity, String subject, String staff, LocalDate date) {
        return new Violation(
                SITE, rule, clause, severity, subject, List.of(staff), date, at(date + "T23:00"), null, List.of());
    }
}
