package io.dutykit.core.port;

import io.dutykit.core.NotFoundException;
import io.dutykit.core.SiteRecords;

/**
 * All the stores a DutyKit installation uses, one per aggregate, plus the chained log they write and
 * the reader of the bounded slices live calls need ({@link LiveReader}). The JDBC adapter
 * (duty-storage-jdbc) and the in-memory one (for tests and examples) each provide a complete set.
 * Built without a reader of its own, a set reads slices by filtering what its stores list.
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
        DutyLogReader log,
        LiveReader live) {

    public DutyStores {
        if (live == null) {
            live = filtering(staff, rosters, leaves, handovers, entries, incidents, reviews, dutyReports);
        }
    }

    /** A set whose slices are read by filtering the stores' lists. */
    public DutyStores(
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
        this(
                sites,
                staff,
                rosters,
                leaves,
                handovers,
                entries,
                incidents,
                calls,
                absences,
                reviews,
                dutyReports,
                trainings,
                processReviews,
                spotChecks,
                log,
                null);
    }

    /** Reads slices by filtering what the stores list: a whole-history read, for stores without indexes. */
    private static LiveReader filtering(
            StaffStore staff,
            RosterStore rosters,
            LeaveStore leaves,
            HandoverStore handovers,
            EntryStore entries,
            IncidentStore incidents,
            ReviewStore reviews,
            DutyReportStore dutyReports) {
        return (site, slice) -> {
            String siteId = site.id();
            return slice.apply(SiteRecords.builder(site)
                    .staff(staff.all(siteId))
                    .rosters(rosters.all(siteId))
                    .leaves(leaves.all(siteId))
                    .handovers(handovers.all(siteId))
                    .entries(entries.all(siteId))
                    .incidents(incidents.all(siteId))
                    .reviews(reviews.all(siteId))
                    .dutyReports(dutyReports.all(siteId))
                    .build());
        };
    }

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
