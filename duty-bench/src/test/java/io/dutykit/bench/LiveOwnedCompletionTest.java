package io.dutykit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.memory.InMemoryStores;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.ProcedureModel;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.reference.ReferenceProcedureRules;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 4 "owned", live (issue 14): the desk refuses a handover while important work carried over to the
 * outgoing days ago is open, although the handover that passed it on lies outside the completion
 * slice's dates — the slice reads it as a carrier of open work (migration V5's {@code duty_carried_over}
 * on H2, {@code LiveSlice.apply} in memory) — and both engines decide it as they do from the whole
 * history. The day clerk who handed the work on is not refused for it.
 */
class LiveOwnedCompletionTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SITE = "garden-court";

    @TempDir
    static Path dir;

    static Stream<Arguments> desks() {
        List<Arguments> cases = new ArrayList<>();
        int n = 0;
        for (ProcedureRules rules : List.of(DroolsProcedureRules.defaults(), new ReferenceProcedureRules())) {
            String engine = rules.getClass().getSimpleName();
            cases.add(Arguments.of(engine + " in memory", rules, (Supplier<DutyStores>) InMemoryStores::create));
            int db = ++n;
            cases.add(Arguments.of(engine + " on H2", rules, (Supplier<DutyStores>)
                    () -> JdbcStores.open(JdbcStores.h2DataSource(dir.resolve("h2-" + db)))
                            .stores()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("desks")
    void work_carried_over_days_ago_blocks_its_new_owner_not_who_handed_it_on(
            String name, ProcedureRules rules, Supplier<DutyStores> storesOf) {
        DutyStores stores = storesOf.get();
        Clock[] now = {Clock.fixed(at("2026-10-28T09:00"), ZONE)};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZONE;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        };
        DutyDesk desk = new DutyDesk(stores, rules, clock);
        Site site = Site.of(SITE, "Garden Court", ZONE, SiteCalendar.WEEKDAYS_ONLY);
        desk.configureSite(site, "li");
        desk.registerStaff(SITE, Staff.of("li", "李强", Role.SUPERVISOR), "li");
        desk.registerStaff(SITE, Staff.of("wang", "王芳", Role.DUTY_OFFICER), "li");
        desk.registerStaff(SITE, Staff.of("chen", "陈伟", Role.DUTY_OFFICER), "li");
        desk.registerStaff(SITE, Staff.of("he", "何静"), "li");
        YearMonth november = YearMonth.of(2026, 11);
        List<RosterDuty> duties = new ArrayList<>();
        for (int day = 1; day <= november.lengthOfMonth(); day++) {
            duties.add(new RosterDuty(november.atDay(day), day == 6 || day == 9 ? "chen" : "wang"));
        }
        desk.draftRoster(SITE, november, duties, "li");
        desk.publishRoster(SITE, november, "li");

        // Friday 11-06, 16:00: supervisor li logs a lift entrapment as important work
        now[0] = Clock.fixed(at("2026-11-06T16:00"), ZONE);
        Instant logged = now[0].instant();
        desk.appendEntry(
                SITE,
                "li",
                LogEntry.of("e-1", site.dutyDateOf(logged), logged, "li", EntryKind.HELP_REQUEST, "5栋2号电梯困人", true));
        // 17:30: chen takes the night over from the day clerk he and carries e-1 over; he owns nothing open
        handover(desk, now, "ho-1106", LocalDate.of(2026, 11, 6), "he", "chen", "2026-11-06T17:20", "e-1");
        assertThat(stores.handovers().find(SITE, "ho-1106").orElseThrow().isCompleted())
                .as("e-1 is li's, not the outgoing he's: it does not block him")
                .isTrue();
        // chen leaves on Saturday morning without a handover; Monday 11-09 chen is on duty again
        handover(desk, now, "ho-1109", LocalDate.of(2026, 11, 9), "he", "chen", "2026-11-09T17:20", null);

        // Tuesday 08:30: chen hands over to the day clerk; e-1, carried over to chen four days ago, is open
        now[0] = Clock.fixed(at("2026-11-10T08:10"), ZONE);
        desk.handOverShiftEnd(SITE, "ho-1109-end", LocalDate.of(2026, 11, 9), "he", "chen");
        prepareAndSign(desk, "ho-1109-end", "chen", "he");
        now[0] = Clock.fixed(at("2026-11-10T08:30"), ZONE);
        Handover morning = stores.handovers().find(SITE, "ho-1109-end").orElseThrow();
        HandoverDecision fromWhole = rules.decideCompletion(stores.load(SITE), morning, now[0].instant());
        assertThat(fromWhole.allowed()).isFalse();
        assertThat(desk.decideCompletion(SITE, "ho-1109-end")).isEqualTo(fromWhole);
        int written = stores.log().records(SITE).size();
        ProcedureRefusedException refused = catchThrowableOfType(
                ProcedureRefusedException.class, () -> desk.completeHandover(SITE, "ho-1109-end", "he"));
        assertThat(refused).as("refused while chen owns open important work").isNotNull();
        assertThat(refused.code()).isEqualTo("HANDOVER_WITH_OPEN_CRITICAL_WORK");
        assertThat(refused.clause()).isEqualTo("4.2.2");
        assertThat(refused.blockingIds()).containsExactly("e-1");
        assertThat(stores.log().records(SITE)).as("nothing written").hasSize(written);

        // chen closes e-1 (carried over to chen) and the handover completes
        now[0] = Clock.fixed(at("2026-11-10T08:35"), ZONE);
        desk.closeEntry(SITE, "e-1", "chen");
        assertThat(desk.completeHandover(SITE, "ho-1109-end", "he").isCompleted())
                .isTrue();
    }

    /**
     * A handover at a shift's start, taken over by {@code incoming} at {@code opened} (carrying {@code
     * carried} over, if not null), completed at 17:30.
     */
    private static void handover(
            DutyDesk desk,
            Clock[] now,
            String id,
            LocalDate date,
            String outgoing,
            String incoming,
            String opened,
            String carried) {
        now[0] = Clock.fixed(at(opened), ZONE);
        desk.takeOver(SITE, id, date, outgoing, incoming);
        if (carried != null) {
            desk.carryOver(SITE, id, carried, incoming);
        }
        prepareAndSign(desk, id, outgoing, incoming);
        now[0] = Clock.fixed(at(date + "T17:30"), ZONE);
        desk.completeHandover(SITE, id, incoming);
    }

    private static void prepareAndSign(DutyDesk desk, String id, String outgoing, String incoming) {
        for (String check : ProcedureModel.defaults().parameters().get(Parameters.REQUIRED_CHECKS)) {
            desk.recordCheck(SITE, id, check, incoming);
        }
        desk.signAsOutgoing(SITE, id, outgoing);
        desk.signAsIncoming(SITE, id, incoming);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }
}
