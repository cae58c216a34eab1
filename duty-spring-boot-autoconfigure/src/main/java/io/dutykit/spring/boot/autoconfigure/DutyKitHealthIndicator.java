package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.storage.jdbc.JdbcStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The {@code dutykit} component of {@code /actuator/health}: walks each site's hash chain and its head
 * row ({@link JdbcStores#verifyChain}) and reports DOWN, naming the first broken record, when one does
 * not verify (SPEC 8.1: tampering further back than the last record is found here, and appends to that
 * site are refused until an operator acts). Details per site: the records checked and the head hash.
 */
final class DutyKitHealthIndicator extends AbstractHealthIndicator {
    private final JdbcStores jdbc;
    private final Supplier<List<String>> sites;

    DutyKitHealthIndicator(JdbcStores jdbc, Supplier<List<String>> sites) {
        super("DutyKit chain verification failed");
        this.jdbc = jdbc;
        this.sites = sites;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean intact = true;
        for (String siteId : sites.get()) {
            ChainVerification result = jdbc.verifyChain(siteId, null);
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("intact", result.isIntact());
            site.put("records", result.records());
            if (result.head() != null) {
                site.put("head", result.head());
            }
            if (!result.isIntact()) {
                intact = false;
                site.put("firstBreak", result.firstBreak().message());
                site.put("problem", result.firstBreak().problem().name());
                if (result.firstBreak().seq() != null) {
                    site.put("seq", result.firstBreak().seq());
                }
            }
            details.put(siteId, site);
        }
        (intact ? builder.up() : builder.down()).withDetail("sites", details);
    }
}
