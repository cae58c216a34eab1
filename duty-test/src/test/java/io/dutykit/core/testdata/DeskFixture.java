package io.dutykit.core.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.memory.InMemoryStores;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.test.SettableClock;
import io.dutykit.test.data.SiteBuilder;
import io.dutykit.test.data.TestStaff;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A site set up through the desk: garden-court (Asia/Shanghai, National Day holidays 2026-10-01 to
 * 10-07, make-up working day Saturday 2026-10-10), officers wang, chen and liu, supervisor li, manager
 * zhao, security supervisor sun, day clerk he (no role), and the November 2026 roster published by li
 * on 2026-10-28: wang on even dates, chen on odd ones. The clock then stands at 2026-11-02 12:00.
 */
public final class DeskFixture {
    public static final String SITE = "garden-court";
    public static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    public final SettableClock clock = SettableClock.at("2026-10-20T09:00");
    public final ProcedureRules rules;
    public final DutyStores stores;
    public final DutyDesk desk;

    public DeskFixture() {
        this(InMemoryStores.create(), new ScriptedRules());
    }

    /** The same site on other stores and rules (e.g. stores that watch what the desk reads). */
    public DeskFixture(DutyStores stores, ProcedureRules rules) {
        this.stores = stores;
        this.rules = rules;
        this.desk = new DutyDesk(stores, rules, clock);
        desk.configureSite(
                SiteBuilder.aSite()
                        .holiday("2026-10-01")
                        .holiday("2026-10-02")
                        .holiday("2026-10-05")
                        .holiday("2026-10-06")
                        .holiday("2026-10-07")
                        .workday("2026-10-10")
                        .build(),
                "host");
        desk.registerStaff(SITE, TestStaff.LI, "host");
        for (var member :
                List.of(TestStaff.WANG, TestStaff.CHEN, TestStaff.LIU, TestStaff.ZHAO, TestStaff.SUN, TestStaff.HE)) {
            desk.registerStaff(SITE, member, "li");
        }
        clock.set("2026-10-28T16:00");
        desk.draftRoster(SITE, NOVEMBER, novemberDuties(), "li");
        desk.publishRoster(SITE, NOVEMBER, "li");
        clock.set("2026-11-02T12:00");
    }

    /**
     * The incoming records every check {@code handover.requiredChecks} names (4.2.1), now: what the desk
     * needs before the incoming may sign.
     */
    public void checksDone(String handoverId, String incomingId) {
        for (String check : rules.model().parameters().get(io.dutykit.core.procedure.Parameters.REQUIRED_CHECKS)) {
            desk.recordCheck(SITE, handoverId, check, incomingId);
        }
    }

    /** The scripted rules of the default fixture. */
    public ScriptedRules scripted() {
        return (ScriptedRules) rules;
    }

    /** wang on even dates, chen on odd dates. */
    public static List<RosterDuty> novemberDuties() {
        List<RosterDuty> duties = new ArrayList<>();
        for (int day = 1; day <= NOVEMBER.lengthOfMonth(); day++) {
            duties.add(new RosterDuty(NOVEMBER.atDay(day), day % 2 == 0 ? "wang" : "chen"));
        }
        return duties;
    }

    public static LocalDate date(String value) {
        return LocalDate.parse(value);
    }

    public List<LogRecord> log() {
        return stores.log().records(SITE);
    }

    public String head() {
        return stores.log().head(SITE).orElse(null);
    }

    /**
     * Asserts the call is refused by the clause and that nothing was written: the log, and so every
     * store, is as before.
     */
    public ProcedureRefusedException assertRefused(String clause, ThrowingCallable call) {
        List<LogRecord> before = log();
        ProcedureRefusedException refused = catchThrowableOfType(ProcedureRefusedException.class, call);
        assertThat(refused).as("a refusal by clause %s", clause).isNotNull();
        assertThat(refused.clause()).isEqualTo(clause);
        assertThat(log()).as("nothing is written on refusal").isEqualTo(before);
        return refused;
    }

    /** Asserts the call fails with the exception type and that nothing was written. */
    public <E extends Throwable> E assertFailsWithoutWriting(Class<E> type, ThrowingCallable call) {
        List<LogRecord> before = log();
        E thrown = catchThrowableOfType(type, call);
        assertThat(thrown).as("a %s", type.getSimpleName()).isNotNull();
        assertThat(log()).as("nothing is written on failure").isEqualTo(before);
        return thrown;
    }
}
