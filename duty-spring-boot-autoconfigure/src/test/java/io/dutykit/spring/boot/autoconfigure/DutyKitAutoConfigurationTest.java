package io.dutykit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.DueKind;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.storage.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

class DutyKitAutoConfigurationTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A host with Boot's DataSource and Flyway auto-configuration on a fresh in-memory H2 of its own. */
    private static ApplicationContextRunner host() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataSourceAutoConfiguration.class,
                        FlywayAutoConfiguration.class,
                        DutyKitAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "spring.flyway.locations=classpath:no-host-migrations",
                        "dutykit.due.enabled=false");
    }

    @Test
    void a_host_gets_the_store_the_rules_and_a_working_desk_on_its_data_source() {
        host().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(JdbcStores.class);
            assertThat(context).hasSingleBean(DutyStores.class);
            assertThat(context.getBean(ProcedureRules.class)).isSameAs(DroolsProcedureRules.defaults());
            assertThat(context).hasSingleBean(DutyDesk.class);
            assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC());

            DutyDesk desk = context.getBean(DutyDesk.class);
            desk.configureSite(Site.of("garden-court", "Garden Court", SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
            assertThat(context.getBean(JdbcStores.class).siteIds()).containsExactly("garden-court");
        });
    }

    @Test
    void the_host_without_migrations_of_its_own_starts_although_dutykit_brings_flyway() {
        // Boot's Flyway runs first on the empty schema (creating its history table), DutyKit's after it;
        // the other way round Boot's Flyway fails with "Found non-empty schema(s) ... but no schema history table"
        host().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(tables(context.getBean(DataSource.class)))
                    .contains("FLYWAY_SCHEMA_HISTORY", "DUTYKIT_SCHEMA_HISTORY", "DUTY_LOG");
        });
    }

    @Test
    void the_hosts_own_flyway_migrations_run_first_and_dutykit_migrates_beside_them() {
        host().withPropertyValues("spring.flyway.locations=classpath:host-migrations")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(tables(context.getBean(DataSource.class)))
                            .contains("RESIDENT", "FLYWAY_SCHEMA_HISTORY", "DUTYKIT_SCHEMA_HISTORY", "DUTY_LOG");
                });
    }

    @Test
    void the_hosts_own_beans_replace_dutykits() {
        Clock hostClock = Clock.fixed(Instant.parse("2026-11-02T09:24:00Z"), ZoneOffset.UTC);
        DroolsProcedureRules hostRules = DroolsProcedureRules.defaults();
        host().withBean("hostClock", Clock.class, () -> hostClock)
                .withBean("hostRules", ProcedureRules.class, () -> hostRules)
                .run(context -> {
                    assertThat(context).hasSingleBean(Clock.class).doesNotHaveBean("dutyKitClock");
                    assertThat(context.getBean(Clock.class)).isSameAs(hostClock);
                    assertThat(context).hasSingleBean(ProcedureRules.class).doesNotHaveBean("procedureRules");
                    assertThat(context).hasSingleBean(DutyDesk.class);
                });
    }

    @Test
    void validate_only_refuses_to_start_on_a_schema_without_dutykits_migrations_then_starts_once_they_ran() {
        String url = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        host().withPropertyValues(url, "dutykit.storage.migrations=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Validate failed");
            assertThat(messages(context.getStartupFailure()))
                    .contains("the DutyKit schema is not at this version's migrations");
        });
        host().withPropertyValues(url).run(context -> assertThat(context).hasNotFailed());
        host().withPropertyValues(url, "dutykit.storage.migrations=VALIDATE")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void dutykits_tables_go_to_the_schema_named_and_the_hosts_connections_keep_theirs() {
        host().withPropertyValues("dutykit.storage.schema=duty").run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(DutyDesk.class)
                    .configureSite(Site.of("garden-court", "Garden Court", SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
            DataSource hosts = context.getBean(DataSource.class);
            try (Connection c = hosts.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM \"duty\".DUTY_LOG")) {
                assertThat(c.getSchema()).isEqualTo("PUBLIC");
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            assertThat(tables(hosts)).doesNotContain("DUTY_LOG");
        });
    }

    @Test
    void a_company_rules_folder_is_compiled_in_place_of_the_defaults(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("procedure.properties"), "handover.incomingLeadMinutes=10\n");
        host().withPropertyValues("dutykit.rules.location=" + folder).run(context -> {
            assertThat(context).hasNotFailed();
            DroolsProcedureRules rules = context.getBean(DroolsProcedureRules.class);
            assertThat(rules).isNotSameAs(DroolsProcedureRules.defaults());
            assertThat(rules.ruleSet().folder()).isEqualTo(folder);
        });
    }

    @Test
    void a_rules_folder_that_does_not_exist_stops_the_start_naming_it() {
        host().withPropertyValues("dutykit.rules.location=no-such-folder").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("the rules folder no-such-folder does not exist or is not a folder");
        });
    }

    @Test
    void the_health_component_reports_intact_chains_up_and_a_tampered_record_down() {
        host().withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration.class))
                .run(context -> {
                    DutyDesk desk = context.getBean(DutyDesk.class);
                    desk.configureSite(
                            Site.of("garden-court", "Garden Court", SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
                    desk.registerStaff("garden-court", Staff.of("li", "李强", Role.SUPERVISOR), "li");
                    HealthIndicator indicator = context.getBean("dutykitHealthIndicator", HealthIndicator.class);

                    Health intact = indicator.health();
                    assertThat(intact.getStatus()).isEqualTo(Status.UP);
                    assertThat(site(intact, "garden-court"))
                            .containsEntry("intact", true)
                            .containsEntry("records", 2L);

                    try (Connection c = context.getBean(DataSource.class).getConnection();
                            Statement s = c.createStatement()) {
                        s.executeUpdate("UPDATE duty_log SET data = REPLACE(data, '李强', '李四') WHERE seq = 2");
                    }
                    Health broken = indicator.health();
                    assertThat(broken.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(site(broken, "garden-court"))
                            .containsEntry("intact", false)
                            .containsEntry("problem", "HASH_MISMATCH")
                            .containsEntry("seq", 2L);
                });
    }

    @Test
    void a_site_whose_head_row_was_deleted_is_reported_down_not_an_exception() {
        host().withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration.class))
                .run(context -> {
                    DutyDesk desk = context.getBean(DutyDesk.class);
                    for (String siteId : List.of("garden-court", "river-view")) {
                        desk.configureSite(Site.of(siteId, siteId, SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
                        desk.registerStaff(siteId, Staff.of("li", "李强", Role.SUPERVISOR), "li");
                    }
                    try (Connection c = context.getBean(DataSource.class).getConnection();
                            Statement s = c.createStatement()) {
                        s.executeUpdate("DELETE FROM duty_log_head WHERE site_id = 'garden-court'");
                    }
                    HealthIndicator indicator = context.getBean("dutykitHealthIndicator", HealthIndicator.class);

                    Health health = indicator.health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).doesNotContainKey("error");
                    assertThat(site(health, "garden-court"))
                            .containsEntry("intact", false)
                            .containsEntry("problem", "ANCHOR_NOT_FOUND")
                            .containsEntry("seq", 2L);
                    assertThat((String) site(health, "garden-court").get("firstBreak"))
                            .contains("no head row");
                    assertThat(site(health, "river-view")).containsEntry("intact", true);
                });
    }

    @Test
    void the_health_component_stays_up_while_a_site_is_appended_to(@TempDir Path folder) {
        // a file database, as in production: commits take real time, so walks and appends interleave
        host().withPropertyValues("spring.datasource.url=" + JdbcStores.h2Url(folder))
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration.class))
                .run(context -> {
                    DutyDesk desk = context.getBean(DutyDesk.class);
                    desk.configureSite(
                            Site.of("garden-court", "Garden Court", SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
                    HealthIndicator indicator = context.getBean("dutykitHealthIndicator", HealthIndicator.class);
                    Thread appender = new Thread(() -> {
                        for (int i = 0; i < 150; i++) {
                            desk.registerStaff("garden-court", Staff.of("p" + i, "P" + i, Role.DUTY_OFFICER), "li");
                        }
                    });
                    appender.start();
                    List<Health> down = new ArrayList<>();
                    int checks = 0;
                    while (appender.isAlive()) {
                        Health health = indicator.health();
                        checks++;
                        if (health.getStatus() != Status.UP) {
                            down.add(health);
                        }
                    }
                    appender.join();
                    assertThat(checks).isGreaterThan(10);
                    assertThat(down).as("%s checks while appending", checks).isEmpty();
                    assertThat(site(indicator.health(), "garden-court")).containsEntry("records", 151L);
                });
    }

    @Test
    void the_due_check_publishes_an_event_for_a_site_with_something_due() {
        // 23:45 on 30 November, no December roster yet: its publication falls due at midnight (4.1.1)
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T15:45:00Z"), ZoneOffset.UTC);
        List<DutyDueEvent> events = new CopyOnWriteArrayList<>();
        host().withPropertyValues("dutykit.due.enabled=true", "dutykit.due.interval=PT0.1S")
                .withBean(Clock.class, () -> clock)
                .withBean(DueListener.class, () -> new DueListener(events))
                .run(context -> {
                    DutyDesk desk = context.getBean(DutyDesk.class);
                    desk.configureSite(
                            Site.of("garden-court", "Garden Court", SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
                    desk.registerStaff("garden-court", Staff.of("li", "李强", Role.SUPERVISOR), "li");
                    waitFor(() -> !events.isEmpty());

                    DutyDueEvent event = events.get(0);
                    assertThat(event.siteId()).isEqualTo("garden-court");
                    assertThat(event.asOf()).isEqualTo(clock.instant());
                    assertThat(event.due()).anySatisfy(item -> {
                        assertThat(item.kind()).isEqualTo(DueKind.ROSTER_PUBLICATION);
                        assertThat(item.subject()).isEqualTo("2026-12");
                        assertThat(item.responsible()).containsExactly("li");
                    });
                });
    }

    @Test
    void a_failing_site_does_not_stop_the_due_check_of_the_others() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T15:45:00Z"), ZoneOffset.UTC);
        List<DutyDueEvent> events = new CopyOnWriteArrayList<>();
        host().withPropertyValues(
                        "dutykit.due.enabled=true",
                        "dutykit.due.interval=PT0.1S",
                        "dutykit.sites=no-such-site,garden-court")
                .withBean(Clock.class, () -> clock)
                .withBean(DueListener.class, () -> new DueListener(events))
                .run(context -> {
                    DutyDesk desk = context.getBean(DutyDesk.class);
                    desk.configureSite(
                            Site.of("garden-court", "Garden Court", SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
                    waitFor(() -> !events.isEmpty());
                    assertThat(events).extracting(DutyDueEvent::siteId).containsOnly("garden-court");
                });
    }

    @Test
    void an_interval_that_is_not_positive_stops_the_start_naming_the_property() {
        host().withPropertyValues("dutykit.due.enabled=true", "dutykit.due.interval=PT0S")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("dutykit.due.interval (PT0S) must be positive");
                });
    }

    @Test
    void problem_details_are_registered_in_a_servlet_host_only_and_can_be_switched_off() {
        host().run(context -> assertThat(context).doesNotHaveBean(DutyKitProblemDetails.class));
        new WebApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, DutyKitAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "dutykit.due.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(DutyKitProblemDetails.class));
        new WebApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, DutyKitAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "dutykit.due.enabled=false",
                        "dutykit.problem-details.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DutyKitProblemDetails.class));
    }

    @Test
    void without_a_data_source_dutykit_stays_out_of_the_way() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DutyKitAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(JdbcStores.class).doesNotHaveBean(DutyDesk.class);
                });
    }

    @Test
    void each_deadline_is_fresh_in_the_first_event_only() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T15:45:00Z"), ZoneOffset.UTC);
        List<DutyDueEvent> events = new CopyOnWriteArrayList<>();
        host().withPropertyValues("dutykit.due.enabled=true", "dutykit.due.interval=PT0.1S")
                .withBean(Clock.class, () -> clock)
                .withBean(DueListener.class, () -> new DueListener(events))
                .run(context -> {
                    DutyDesk desk = context.getBean(DutyDesk.class);
                    desk.configureSite(
                            Site.of("garden-court", "Garden Court", SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
                    desk.registerStaff("garden-court", Staff.of("li", "李强", Role.SUPERVISOR), "li");
                    waitFor(() -> events.size() >= 3);

                    // the clock stands still: every round finds the same deadlines due
                    assertThat(events.get(1).due()).isEqualTo(events.get(0).due());
                    List<io.dutykit.core.check.DueItem> fresh = new ArrayList<>();
                    events.forEach(e -> fresh.addAll(e.fresh()));
                    assertThat(fresh)
                            .containsExactlyElementsOf(
                                    events.get(events.size() - 1).due());
                });
    }

    @Test
    void every_committed_change_is_published_after_the_commit_and_a_refused_call_is_not() {
        List<io.dutykit.core.port.DutyChange> changes = new CopyOnWriteArrayList<>();
        host().withBean(ChangeListenerBean.class, () -> new ChangeListenerBean(changes))
                .run(context -> {
                    DutyDesk desk = context.getBean(DutyDesk.class);
                    desk.configureSite(
                            Site.of("garden-court", "Garden Court", SHANGHAI, SiteCalendar.WEEKDAYS_ONLY), "li");
                    desk.registerStaff("garden-court", Staff.of("li", "李强", Role.SUPERVISOR), "li");
                    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                                    desk.registerStaff("garden-court", Staff.of("he", "何静", Role.SUPERVISOR), "he"))
                            .isInstanceOf(io.dutykit.core.ProcedureRefusedException.class);
                    waitFor(() -> changes.size() >= 2);

                    assertThat(changes)
                            .extracting(io.dutykit.core.port.DutyChange::firstSeq)
                            .containsExactly(1L, 2L);
                    assertThat(changes.get(1).kinds()).containsExactly(io.dutykit.core.chain.RecordKind.STAFF);
                    assertThat(context.getBean(DutyStores.class).log().records("garden-court"))
                            .hasSize(2);
                });
        host().withPropertyValues("dutykit.changes.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ChangeEvents.class));
    }

    /** The host's listener of change events. */
    record ChangeListenerBean(List<io.dutykit.core.port.DutyChange> changes)
            implements ApplicationListener<PayloadApplicationEvent<io.dutykit.core.port.DutyChange>> {
        @Override
        public void onApplicationEvent(PayloadApplicationEvent<io.dutykit.core.port.DutyChange> event) {
            changes.add(event.getPayload());
        }
    }

    /** The host's listener of due events. */
    record DueListener(List<DutyDueEvent> events)
            implements ApplicationListener<PayloadApplicationEvent<DutyDueEvent>> {
        @Override
        public void onApplicationEvent(PayloadApplicationEvent<DutyDueEvent> event) {
            events.add(event.getPayload());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> site(Health health, String siteId) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("sites")).get(siteId);
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
