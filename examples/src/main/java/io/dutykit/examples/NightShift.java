package io.dutykit.examples;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.memory.InMemoryStores;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.rules.DroolsProcedureRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A night shift recorded live, as a property system records it while it happens: the roster is
 * published, the night officer takes over at 17:30, a resident's lift emergency comes in as important
 * work, and at 08:30 the handover to the day clerk is refused while that work is open (4.2.2). Once
 * the officer closes it, the handover completes.
 *
 * <p>Run it: {@code java -cp … io.dutykit.examples.NightShift}.
 */
public final class NightShift {
    private static final String SITE = "garden-court";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The checks the default procedure asks of the incoming (handover.requiredChecks). */
    private static final List<String> REQUIRED_CHECKS =
            List.of("LOG_READ", "AREA_INSPECTED", "SYSTEMS_RUNNING", "COMMS_WORKING");

    /** What happened, line by line, for people (and for the test that keeps this example honest). */
    public record Story(
            List<String> lines, boolean refusedWhileOpen, List<String> blocking, boolean completedAfterClosing) {}

    private NightShift() {}

    public static void main(String[] args) {
        run().lines().forEach(line -> System.out.println(line)); // examples print for people
    }

    public static Story run() {
        DutyStores stores = InMemoryStores.create(); // or JdbcStores.open(dataSource).stores()
        SteppingClock clock = new SteppingClock(at("2026-10-28T09:00"));
        DutyDesk desk = new DutyDesk(stores, DroolsProcedureRules.defaults(), clock);
        List<String> lines = new ArrayList<>();

        // setting up: the site, its staff, next month's roster (by the end of this month, 4.1.1)
        desk.configureSite(Site.of(SITE, "Garden Court 花园阁", ZONE, SiteCalendar.WEEKDAYS_ONLY), "li");
        desk.registerStaff(SITE, Staff.of("li", "李强", Role.SUPERVISOR), "li");
        desk.registerStaff(SITE, Staff.of("wang", "王芳", Role.DUTY_OFFICER), "li");
        desk.registerStaff(SITE, Staff.of("chen", "陈伟", Role.DUTY_OFFICER), "li");
        desk.registerStaff(SITE, Staff.of("zhao", "赵敏", Role.MANAGER), "li");
        List<RosterDuty> duties = new ArrayList<>();
        YearMonth november = YearMonth.of(2026, 11);
        for (int day = 1; day <= november.lengthOfMonth(); day++) {
            duties.add(new RosterDuty(november.atDay(day), day % 2 == 0 ? "wang" : "chen"));
        }
        desk.draftRoster(SITE, november, duties, "li");
        desk.publishRoster(SITE, november, "li");
        lines.add("28 Oct  li publishes the November roster");

        // Monday 2 November, 17:24: wang arrives 6 minutes early to take over from the day clerk chen
        LocalDate monday = LocalDate.of(2026, 11, 2);
        clock.set(at("2026-11-02T17:10"));
        desk.takeOver(SITE, "ho-2026-11-02", monday, "chen", "wang");
        desk.recordOutgoingReady(SITE, "ho-2026-11-02", "chen");
        clock.set(at("2026-11-02T17:24"));
        desk.recordIncomingArrival(SITE, "ho-2026-11-02", "wang");
        // the incoming's checks before signing (4.2.1): without them the desk refuses wang's signature
        for (String check : REQUIRED_CHECKS) {
            desk.recordCheck(SITE, "ho-2026-11-02", check, "wang");
        }
        desk.signAsOutgoing(SITE, "ho-2026-11-02", "chen");
        desk.signAsIncoming(SITE, "ho-2026-11-02", "wang");
        clock.set(at("2026-11-02T17:30"));
        desk.completeHandover(SITE, "ho-2026-11-02", "wang");
        lines.add("17:24   wang reads the log, inspects the area, tries the systems and radios: 4 checks recorded");
        lines.add("17:30   wang takes over the night shift from chen; both signed");

        // 21:05: a pipe bursts in the car park — a difficult incident; wang reaches supervisor li, who
        // decides within the half hour (4.1.5) and the decision is recorded
        clock.set(at("2026-11-02T21:05"));
        desk.openIncident(SITE, "inc-1", "WATER_LEAK", IncidentSeverity.DIFFICULT, "wang");
        desk.escalateIncident(SITE, "inc-1", "li", true, "wang");
        clock.set(at("2026-11-02T21:15"));
        desk.recordDecision(SITE, "inc-1", "close the car park valve, call the plumber", "li");
        lines.add(
                "21:15   li, reached about a burst pipe (inc-1), records the decision: close the valve, call the plumber");
        clock.set(at("2026-11-02T22:10"));
        desk.attachIncidentEvidence(SITE, "inc-1", List.of("photo:inc-1-valve-closed.jpg"), "wang");
        desk.resolveIncident(SITE, "inc-1", "valve closed, plumber repaired the joint", "car park dry", "wang");
        lines.add("22:10   wang attaches a photo of the closed valve and resolves inc-1");

        // 23:40: a resident is stuck in lift 2 — important work, recorded at once
        clock.set(at("2026-11-02T23:40"));
        desk.appendEntry(
                SITE,
                "wang",
                LogEntry.of("e-1", monday, clock.instant(), "wang", EntryKind.HELP_REQUEST, "5栋2号电梯困人,已通知维保单位", true));
        lines.add("23:40   wang logs a lift entrapment as important work (e-1)");

        // 08:15: wang is ready to hand over to the day clerk, but e-1 is still open
        LocalDate tuesday = monday.plusDays(1);
        clock.set(at("2026-11-03T08:10"));
        desk.handOverShiftEnd(SITE, "ho-2026-11-02-end", monday, "chen", "wang");
        desk.recordOutgoingReady(SITE, "ho-2026-11-02-end", "wang");
        desk.recordIncomingArrival(SITE, "ho-2026-11-02-end", "chen");
        for (String check : REQUIRED_CHECKS) {
            desk.recordCheck(SITE, "ho-2026-11-02-end", check, "chen");
        }
        desk.signAsOutgoing(SITE, "ho-2026-11-02-end", "wang");
        desk.signAsIncoming(SITE, "ho-2026-11-02-end", "chen");
        clock.set(at("2026-11-03T08:30"));
        boolean refused = false;
        List<String> blocking = List.of();
        try {
            desk.completeHandover(SITE, "ho-2026-11-02-end", "chen");
        } catch (ProcedureRefusedException e) {
            refused = true;
            blocking = e.blockingIds();
            lines.add("08:30   handover refused, clause " + e.clause() + ": open " + e.blockingIds());
        }

        // 08:35: the lift company has freed the resident; wang closes e-1 and the handover completes
        clock.set(at("2026-11-03T08:35"));
        desk.closeEntry(SITE, "e-1", "wang");
        desk.completeHandover(SITE, "ho-2026-11-02-end", "chen");
        boolean completed =
                stores.handovers().find(SITE, "ho-2026-11-02-end").orElseThrow().isCompleted();
        lines.add("08:35   wang closes e-1; the handover to chen completes (" + tuesday + ")");

        // 08:40: wang submits the duty report of the night; 09:30 li reviews it (G4)
        clock.set(at("2026-11-03T08:40"));
        desk.submitDutyReport(SITE, monday, "wang");
        clock.set(at("2026-11-03T09:30"));
        desk.reviewDutyReport(SITE, monday, "wang", "li");
        lines.add("09:30   li reviews wang's duty report of " + monday);
        return new Story(lines, refused, blocking, completed);
    }

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    /** The host's clock; here it steps to each moment of the story. */
    static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
