package io.dutykit.spring.boot.autoconfigure;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The {@code dutykit} component of {@code /actuator/health} on Spring Boot 3: DOWN, naming the first
 * broken record, when a site's chain does not verify (SPEC 8.1: tampering further back than the last
 * record is found here, and appends to that site are refused until an operator acts). See {@link
 * ChainHealth}.
 */
final class DutyKitHealthIndicator extends AbstractHealthIndicator {
    private final ChainHealth chains;

    DutyKitHealthIndicator(ChainHealth chains) {
        super("DutyKit chain verification failed");
        this.chains = chains;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ChainHealth.Report report = chains.check();
        (report.intact() ? builder.up() : builder.down()).withDetail("sites", report.sites());
    }
}
