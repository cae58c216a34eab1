package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.port.DutyObserver;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.usecase.DutyDesk;
import io.dutykit.rules.DroolsProcedureRules;
import io.dutykit.rules.RuleSet;
import io.dutykit.storage.jdbc.JdbcStores;
import io.dutykit.storage.jdbc.StorageException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * DutyKit in a Spring Boot application (docs/embedding.md): on the host's one {@link DataSource}, a
 * {@link JdbcStores} (its migrations applied after the host's own Flyway or Liquibase ran), the
 * {@link DutyStores}, the Drools {@link ProcedureRules} (the defaults, or {@code dutykit.rules.location})
 * and a {@link DutyDesk} on the host's {@link Clock} (system UTC when the host has none). Each bean
 * gives way to one the host defines. With the actuator, the {@code dutykit} health component verifies
 * the chains; a scheduled due check publishes {@link DutyDueEvent}s; every committed change is published
 * as a {@link io.dutykit.core.port.DutyChange} event; with Micrometer, {@link
 * DutyKitMetrics} records DutyKit's meters; with Spring MVC, DutyKit's exceptions become RFC 9457
 * problem details.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
            "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration",
            // the same three of Spring Boot 4, where they moved
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"
        })
@ConditionalOnClass({JdbcStores.class, DroolsProcedureRules.class, DutyDesk.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(DutyKitProperties.class)
public class DutyKitAutoConfiguration {

    /** The desk's clock when the host has none: live records are stamped with it (SPEC 8.1). */
    @Bean
    @ConditionalOnMissingBean
    public Clock dutyKitClock() {
        return Clock.systemUTC();
    }

    /**
     * The JDBC store, one per application. Created after the host's database initialisation (its Flyway,
     * Liquibase or SQL scripts), so DutyKit's tables never make the host's first migration find a
     * non-empty schema without its history table.
     */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public JdbcStores jdbcStores(
            DataSource dataSource, Clock clock, DutyKitProperties properties, ObjectProvider<DutyObserver> observer) {
        DutyKitProperties.Storage storage = properties.getStorage();
        DataSource source = dataSource;
        if (storage.getSchema() != null && !storage.getSchema().isBlank()) {
            try {
                source = SchemaDataSource.of(
                        dataSource,
                        storage.getSchema().strip(),
                        storage.getMigrations() == JdbcStores.Migrations.APPLY);
            } catch (SQLException e) {
                throw new StorageException(
                        "cannot create the schema " + storage.getSchema() + " (dutykit.storage.schema): "
                                + e.getMessage(),
                        e);
            }
        }
        return JdbcStores.open(source, clock, storage.getMigrations())
                .observe(observer.getIfUnique(() -> DutyObserver.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    public DutyStores dutyStores(JdbcStores jdbcStores) {
        return jdbcStores.stores();
    }

    /** The default rules, or the company's folder of {@code dutykit.rules.location}; compiled at start-up. */
    @Bean
    @ConditionalOnMissingBean(ProcedureRules.class)
    public DroolsProcedureRules procedureRules(DutyKitProperties properties) {
        String location = properties.getRules().getLocation();
        return location == null || location.isBlank()
                ? DroolsProcedureRules.defaults()
                : DroolsProcedureRules.of(RuleSet.withLocation(location.strip()));
    }

    @Bean
    @ConditionalOnMissingBean
    public DutyDesk dutyDesk(
            DutyStores stores, ProcedureRules rules, Clock clock, ObjectProvider<DutyObserver> observer) {
        return new DutyDesk(stores, rules, clock, observer.getIfUnique(() -> DutyObserver.NONE));
    }

    /**
     * DutyKit's meters, when Micrometer is on the class path: the observer of the desk and the store,
     * bound by the actuator to the application's registry (docs/embedding.md, "Metrics").
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    @ConditionalOnProperty(prefix = "dutykit.metrics", name = "enabled", matchIfMissing = true)
    static class MetricsConfiguration {
        @Bean
        @ConditionalOnMissingBean(DutyObserver.class)
        DutyKitMetrics dutyKitMetrics() {
            return new DutyKitMetrics();
        }
    }

    /** The sites of {@code dutykit.sites}, or every site with a log in the database, read each time. */
    static Supplier<List<String>> sites(DutyKitProperties properties, JdbcStores jdbcStores) {
        List<String> configured = List.copyOf(properties.getSites());
        return configured.isEmpty() ? jdbcStores::siteIds : () -> configured;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "dutykit.due", name = "enabled", matchIfMissing = true)
    static class DueEventsConfiguration {
        @Bean
        @ConditionalOnMissingBean
        DueEvents dutyKitDueEvents(
                DutyDesk desk,
                JdbcStores jdbcStores,
                DutyKitProperties properties,
                ApplicationEventPublisher publisher) {
            DutyKitProperties.Due due = properties.getDue();
            return new DueEvents(desk, sites(properties, jdbcStores), due.getInterval(), due.getHorizon(), publisher);
        }
    }

    /** The stores' committed changes as application events ({@code dutykit.changes.enabled}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "dutykit.changes", name = "enabled", matchIfMissing = true)
    static class ChangeEventsConfiguration {
        @Bean
        @ConditionalOnMissingBean
        ChangeEvents dutyKitChangeEvents(DutyStores stores, ApplicationEventPublisher publisher) {
            return new ChangeEvents(stores, publisher);
        }
    }

    /** Spring Boot 3's actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
    @ConditionalOnEnabledHealthIndicator("dutykit")
    static class HealthConfiguration {
        /** The {@code dutykit} component of the health endpoint (the bean name gives the component name). */
        @Bean
        @ConditionalOnMissingBean(name = "dutykitHealthIndicator")
        HealthIndicator dutykitHealthIndicator(JdbcStores jdbcStores, DutyKitProperties properties) {
            return new DutyKitHealthIndicator(new ChainHealth(jdbcStores, sites(properties, jdbcStores)));
        }
    }

    /** Spring Boot 4's, whose health API is the spring-boot-health module (named by string: absent on Boot 3). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.springframework.boot.health.contributor.HealthIndicator",
                "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator"
            })
    @org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator("dutykit")
    static class Boot4HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "dutykitHealthIndicator")
        org.springframework.boot.health.contributor.HealthIndicator dutykitHealthIndicator(
                JdbcStores jdbcStores, DutyKitProperties properties) {
            return new DutyKitHealthIndicatorBoot4(new ChainHealth(jdbcStores, sites(properties, jdbcStores)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    @ConditionalOnProperty(prefix = "dutykit.problem-details", name = "enabled", matchIfMissing = true)
    @Import(DutyKitProblemDetails.class)
    static class ProblemDetailsConfiguration {}
}
