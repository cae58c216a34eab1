package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.storage.jdbc.JdbcStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the {@code dutykit} health component reports, whichever Spring Boot's health API shows it: each
 * site's chain and head row walked ({@link JdbcStores#verifyChain}), intact or the first broken record,
 * and whether the site is held (its appends refused until an operator releases it).
 */
final class ChainHealth {
    private final JdbcStores jdbc;
    private final Supplier<List<String>> sites;

    /** The outcome: up when every site's chain is intact; the details per site. */
    record Report(boolean intact, Map<String, Object> sites) {}

    ChainHealth(JdbcStores jdbc, Supplier<List<String>> sites) {
        this.jdbc = jdbc;
        this.sites = sites;
    }

    Report check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean intact = true;
        for (String siteId : sites.get()) {
            // one snapshot of the head row and the log, so a site being appended to is never mistaken
            // for a broken one; a site with log records but no head row is broken (ANCHOR_NOT_FOUND)
            ChainVerification result = jdbc.verifyChain(siteId, null);
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("intact", result.isIntact());
            site.put("records", result.records());
            if (result.head() != null) {
                site.put("head", result.head());
            }
            jdbc.hold(siteId).ifPresent(hold -> {
                // appends are refused while a site is held, intact chain or not (SPEC 8.1)
                site.put("held", true);
                site.put("heldSince", hold.heldAt().toString());
            });
            if (site.containsKey("held")) {
                intact = false;
            }
            if (!result.isIntact()) {
                intact = false;
                site.put("problem", result.firstBreak().problem().name());
                if (result.firstBreak().seq() != null) {
                    site.put("seq", result.firstBreak().seq());
                }
                site.put("firstBreak", result.firstBreak().message());
            }
            details.put(siteId, site);
        }
        return new Report(intact, details);
    }
}
