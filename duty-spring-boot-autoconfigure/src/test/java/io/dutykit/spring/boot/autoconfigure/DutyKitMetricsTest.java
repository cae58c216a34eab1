package io.dutykit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.ConflictException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.storage.jdbc.JdbcStores;
import io.dutykit.test.SettableClock;
import io.dutykit.test.data.SiteBuilder;
import io.dutykit.test.data.TestStaff;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * DutyKit's meters in a Spring Boot host with Micrometer: real desk calls on the JDBC store (H2) and the
 * counts a {@link SimpleMeterRegistry} then holds — written calls timed by action, a refusal by its
 * clause and code, a lost race, a chain verification, what a due check found.
 */
class DutyKitMetricsTest {
    private static final String SITE = SiteBuilder.GARDEN_COURT;

    private static ApplicationContextRunner host(SettableClock clock) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataSourceAutoConfiguration.class,
                        FlywayAutoConfiguration.class,
                        MetricsAutoConfiguration.class,
                        DutyKitAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "spring.flyway.locations=classpath:no-host-migrations",
                        "dutykit.due.enabled=false")
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(Clock.class, () -> clock);
    }

    /** garden-court with li, wang, chen and he, November 2026's roster published (wang on even days). */
    private static void setUp(DutyDesk desk, SettableClock clock) {
        desk.configureSite(SiteBuilder.gardenCourt(), "host");
        desk.registerStaff(SITE, TestStaff.LI, "host");
        desk.registerStaff(SITE, TestStaff.WANG, "li");
        desk.registerStaff(SITE, TestStaff.CHEN, "li");
        desk.registerStaff(SITE, TestStaff.HE, "li");
        YearMonth november = YearMonth.of(2026, 11);
        List<RosterDuty> duties = new ArrayList<>();
        for (int day = 1; day <= november.lengthOfMonth(); day++) {
            duties.add(new RosterDuty(november.atDay(day), day % 2 == 0 ? "wang" : "chen"));
        }
        clock.set("2026-10-28T16:00");
        desk.draftRoster(SITE, november, duties, "li");
        desk.publishRoster(SITE, november, "li");
    }

    @Test
    void the_registry_counts_what_real_desk_calls_did() {
        SettableClock clock = SettableClock.at("2026-10-20T09:00");
        host(clock).run(context -> {
            assertThat(context).hasSingleBean(DutyKitMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            DutyDesk desk = context.getBean(DutyDesk.class);
            setUp(desk, clock);

            // he has no role: registering staff is the supervisor's (3.1)
            assertThatThrownBy(() -> desk.registerStaff(SITE, TestStaff.LIU, "he"))
                    .isInstanceOf(ProcedureRefusedException.class);
            clock.set("2026-11-02T17:20");
            desk.takeOver(SITE, "ho-1", LocalDate.parse("2026-11-02"), "chen", "wang");
            assertThatThrownBy(() -> desk.takeOver(SITE, "ho-2", LocalDate.parse("2026-11-02"), "chen", "wang"))
                    .isInstanceOf(ConflictException.class);
            // a call of the second round is observed like the others: the incoming's check, and he's refused
            assertThatThrownBy(() -> desk.recordCheck(SITE, "ho-1", "LOG_READ", "he"))
                    .isInstanceOf(ProcedureRefusedException.class);
            desk.recordCheck(SITE, "ho-1", "LOG_READ", "wang");
            desk.due(SITE, Duration.ofMinutes(30));
            assertThat(context.getBean(JdbcStores.class).verifyChain(SITE, null).isIntact())
                    .isTrue();

            assertThat(registry.get(DutyKitMetrics.APPEND)
                            .tag("action", "registerStaff")
                            .timer()
                            .count())
                    .isEqualTo(4);
            assertThat(registry.get(DutyKitMetrics.APPEND)
                            .tag("action", "takeOver")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get(DutyKitMetrics.APPEND).timers())
                    .extracting(t -> t.getId().getTag("action"))
                    .containsExactlyInAnyOrder(
                            "configureSite",
                            "registerStaff",
                            "draftRoster",
                            "publishRoster",
                            "takeOver",
                            "recordCheck");
            assertThat(registry.get(DutyKitMetrics.REFUSALS)
                            .tag("clause", "3.1")
                            .tag("code", "STAFF_CHANGE_NOT_SUPERVISOR")
                            .tag("action", "registerStaff")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(registry.get(DutyKitMetrics.REFUSALS)
                            .tag("clause", "4.2.1")
                            .tag("code", "CHECK_NOT_INCOMING")
                            .tag("action", "recordCheck")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(registry.get(DutyKitMetrics.CONFLICTS)
                            .tag("action", "takeOver")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(registry.get(DutyKitMetrics.VERIFY)
                            .tag("intact", "true")
                            .timer()
                            .count())
                    .isEqualTo(1);
            // 17:20 on 2 November: wang's arrival for the 17:30 handover is due (4.2.1)
            assertThat(registry.get(DutyKitMetrics.DUE_ITEMS)
                            .tag("site", SITE)
                            .gauge()
                            .value())
                    .isEqualTo(desk.due(SITE, Duration.ofMinutes(30)).size())
                    .isPositive();
            assertThat(registry.find(DutyKitMetrics.RETRIES).counter()).isNull();
        });
    }

    @Test
    void metrics_can_be_switched_off() {
        SettableClock clock = SettableClock.at("2026-10-20T09:00");
        host(clock).withPropertyValues("dutykit.metrics.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(DutyKitMetrics.class);
            setUp(context.getBean(DutyDesk.class), clock);
            assertThat(context.getBean(MeterRegistry.class)
                            .find(DutyKitMetrics.APPEND)
                            .timers())
                    .isEmpty();
        });
    }
}
