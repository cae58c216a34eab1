package io.dutykit.examples;

import io.dutykit.core.ProcedureRefusedException;
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
        desk.signAsOutgoing(SITE, "ho-2026-11-02", "chen");
        desk.signAsIncoming(SITE, "ho-2026-11-02", "wang");
        clock.set(at("2026-11-02T17:30"));
        desk.completeHandover(SITE, "ho-2026-11-02", "wang");
        lines.add("17:30   wang takes over the night shift from chen; both signed");

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
