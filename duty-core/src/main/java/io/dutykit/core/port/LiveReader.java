package io.dutykit.core.port;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.site.Site;

/**
 * Reads the bounded slice of a site's records a live call needs ({@link LiveSlice}), in one consistent
 * read: {@code due}, the completion decision and the use cases' refusal checks read through it, never
 * the whole history (SPEC 8.1). The JDBC store answers each part from an index; a store without a
 * reader of its own filters its lists ({@link DutyStores}).
 */
public interface LiveReader {

    /**
     * The site, its staff and exactly the records {@link LiveSlice#apply} keeps, each list in the order
     * its records were first saved.
     */
    SiteRecords read(Site site, LiveSlice slice);
}
