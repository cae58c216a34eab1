package io.dutykit.spring.boot.autoconfigure;

import io.dutykit.core.chain.ChainVerification;
import io.dutykit.storage.jdbc.JdbcStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the {@code dutykit} health component reports, whichever Spring Boot's health API shows it: each
 * site's chain and head row walked ({@link JdbcStores#verifyChain}), intact or the first broken record.
 */
final class ChainHealth {
    /**
     * Looks this many times more before calling a site broken. On H2 a chain walked while the site is
     * being appended to can look broken at its tail (the head row and the log are not read from one
     * snapshot: about 2 % of walks under steady appends, ANCHOR_NOT_FOUND); a real break stays.
     */
    static final int LOOKS_AGAIN = 4;

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
            ChainVerification result = jdbc.verifyChain(siteId, null);
            for (int again = 0; again < LOOKS_AGAIN && !result.isIntact(); again++) {
                result = jdbc.verifyChain(siteId, null);
            }
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("intact", result.isIntact());
            site.put("records", result.records());
            if (result.head() != null) {
                site.put("head", result.head());
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
