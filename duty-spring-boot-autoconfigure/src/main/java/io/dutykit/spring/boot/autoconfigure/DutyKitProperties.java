package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.storage.jdbc.JdbcStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code dutykit.*} properties of a Spring Boot host (docs/embedding.md). Every one has a default;
 * a host that sets none gets the default rules, migrations applied on start-up, a due check every
 * minute over every site of the database, and the {@code dutykit} health component.
 */
@ConfigurationProperties("dutykit")
public class DutyKitProperties {

    /**
     * The sites the due check and the health indicator cover; empty (the default) for every site that
     * has a log in the database.
     */
    private List<String> sites = new ArrayList<>();

    private final Rules rules = new Rules();
    private final Storage storage = new Storage();
    private final Due due = new Due();
    private final ProblemDetails problemDetails = new ProblemDetails();
    private final Metrics metrics = new Metrics();
    private final Changes changes = new Changes();

    public List<String> getSites() {
        return sites;
    }

    public void setSites(List<String> sites) {
        this.sites = sites;
    }

    public Rules getRules() {
        return rules;
    }

    public Storage getStorage() {
        return storage;
    }

    public Due getDue() {
        return due;
    }

    public ProblemDetails getProblemDetails() {
        return problemDetails;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Changes getChanges() {
        return changes;
    }

    /** The procedure's rules. */
    public static class Rules {
        /**
         * A company's rules folder (SPEC section 6: procedure.properties, incident-thresholds.csv, added
         * .drl files), as a path or {@code classpath:folder}; unset for the default rules. A folder that
         * does not validate stops the start-up with the file and line named.
         */
        private String location;

        public String getLocation() {
            return location;
        }

        public void setLocation(String location) {
            this.location = location;
        }
    }

    /** The JDBC store on the host's DataSource. */
    public static class Storage {
        /**
         * APPLY (the default) applies DutyKit's pending schema migrations on start-up, after the host's
         * own Flyway or Liquibase; VALIDATE applies none and refuses to start unless the schema is at this
         * version's migrations (an application role without DDL rights).
         */
        private JdbcStores.Migrations migrations = JdbcStores.Migrations.APPLY;

        /**
         * The database schema that holds DutyKit's tables; unset for the connection's own schema (where
         * the host's tables are). Created when missing and migrations are applied.
         */
        private String schema;

        public JdbcStores.Migrations getMigrations() {
            return migrations;
        }

        public void setMigrations(JdbcStores.Migrations migrations) {
            this.migrations = migrations;
        }

        public String getSchema() {
            return schema;
        }

        public void setSchema(String schema) {
            this.schema = schema;
        }
    }

    /** The scheduled due check that publishes {@link DutyDueEvent}s. */
    public static class Due {
        /** Whether DutyKit checks what is due and publishes a DutyDueEvent per site with something due. */
        private boolean enabled = true;

        /** How often the check runs. */
        private Duration interval = Duration.ofMinutes(1);

        /** How far ahead a deadline counts as due. */
        private Duration horizon = Duration.ofMinutes(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getHorizon() {
            return horizon;
        }

        public void setHorizon(Duration horizon) {
            this.horizon = horizon;
        }
    }

    /** RFC 9457 problem details for DutyKit's exceptions, in a host with Spring MVC. */
    public static class ProblemDetails {
        /** Whether DutyKit's exceptions thrown by the host's controllers become problem details. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** DutyKit's meters, with Micrometer. */
    public static class Metrics {
        /** Whether DutyKit's meters (dutykit.append, dutykit.refusals, …) are recorded when Micrometer is there. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The stores' committed changes as application events. */
    public static class Changes {
        /** Whether every committed change is published as a DutyChange application event. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
