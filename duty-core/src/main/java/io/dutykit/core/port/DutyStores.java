package io.dutykit.core.port;

import io.dutykit.core.NotFoundException;
import io.dutykit.core.SiteRecords;

/**
 * All the stores a DutyKit installation uses, one per aggregate, plus the chained log they write.
 * The JDBC adapter (duty-storage-jdbc) and the in-memory one (for tests and examples) each provide a
 * complete set.
 */
public record DutyStores(
        SiteStore sites,
        StaffStore staff,
        RosterStore rosters,
        LeaveStore leaves,
        HandoverStore handovers,
        EntryStore entries,
        IncidentStore incidents,
        CallStore calls,
        AbsenceStore absences,
        ReviewStore reviews,
        DutyReportStore dutyReports,
        TrainingStore trainings,
        ProcessReviewStore processReviews,
        SpotCheckStore spotChecks,
        DutyLogReader log) {

    /** Everything stored for the site, as the rules and reports read it. */
    public SiteRecords load(String siteId) {
        var site = sites.find(siteId, siteId)
                .orElseThrow(() -> new NotFoundException("no site with id " + siteId + " is stored"));
        return SiteRecords.builder(site)
                .staff(staff.all(siteId))
                .rosters(rosters.all(siteId))
                .leaves(leaves.all(siteId))
                .handovers(handovers.all(siteId))
                .entries(entries.all(siteId))
                .incidents(incidents.all(siteId))
                .calls(calls.all(siteId))
                .absences(absences.all(siteId))
                .reviews(reviews.all(siteId))
                .dutyReports(dutyReports.all(siteId))
                .trainings(trainings.all(siteId))
                .processReviews(processReviews.all(siteId))
                .spotChecks(spotChecks.all(siteId))
                .log(log.records(siteId))
                .build();
    }
}
