package io.dutykit.spring.boot.autoconfigure;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code dutykit} health component on Spring Boot 4, whose health API moved to the {@code
 * spring-boot-health} module: the same report as {@link DutyKitHealthIndicator} ({@link ChainHealth}).
 */
final class DutyKitHealthIndicatorBoot4 extends AbstractHealthIndicator {
    private final ChainHealth chains;

    DutyKitHealthIndicatorBoot4(ChainHealth chains) {
        super("DutyKit chain verification failed");
        this.chains = chains;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ChainHealth.Report report = chains.check();
        (report.intact() ? builder.up() : builder.down()).withDetail("sites", report.sites());
    }
}
