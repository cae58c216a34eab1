package io.dutykit.bench;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.site.Site;
import io.dutykit.dataset.generate.DatasetGenerator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The data every benchmark reads: generated site-months of October 2026 (National Day holiday and a
 * make-up working day), the same as {@code duty generate --months 1 --seed 7} writes.
 */
final class BenchData {
    static final long SEED = 7;
    static final YearMonth MONTH = DatasetGenerator.DEFAULT_FIRST_MONTH;
    static final CheckPeriod PERIOD = CheckPeriod.of(MONTH);
    /** After the month, so every deadline of the month has passed. */
    static final Instant AS_OF =
            OffsetDateTime.parse("2026-11-20T00:00:00+08:00").toInstant();

    private BenchData() {}

    static List<SiteRecords> sites(int count) {
        DatasetGenerator generator = new DatasetGenerator(SEED);
        List<SiteRecords> sites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sites.add(generator.site(i, MONTH, 1));
        }
        return sites;
    }

    /** The same records under another site id, so the same rows can be stored again. */
    static SiteRecords renamed(SiteRecords records, String siteId) {
        Site s = records.site();
        Site site = new Site(
                siteId, s.name(), s.zone(), s.calendar(), s.workdayDuty(), s.nonWorkdayDuty(), s.officeHours());
        return SiteRecords.builder(site)
                .staff(records.staff())
                .rosters(records.rosters())
                .leaves(records.leaves())
                .handovers(records.handovers())
                .entries(records.entries())
                .incidents(records.incidents())
                .calls(records.calls())
                .absences(records.absences())
                .reviews(records.reviews())
                .dutyReports(records.dutyReports())
                .trainings(records.trainings())
                .processReviews(records.processReviews())
                .spotChecks(records.spotChecks())
                .build();
    }
}
