package io.dutykit.core;

import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything recorded at one site: what the rules check, the reports show and the dataset format
 * carries (SPEC section 5). Immutable; build one from a store or from a dataset file.
 *
 * @param log the site's chained duty log when the records came from a DutyKit store, else empty
 * @param purgedBefore the log was purged of duty dates before this date, or null
 */
public record SiteRecords(
        Site site,
        List<Staff> staff,
        List<Roster> rosters,
        List<Leave> leaves,
        List<Handover> handovers,
        List<LogEntry> entries,
        List<Incident> incidents,
        List<Call> calls,
        List<Absence> absences,
        List<SupervisorReview> reviews,
        List<DutyReport> dutyReports,
        List<Training> trainings,
        List<ProcessReview> processReviews,
        List<SpotCheck> spotChecks,
        List<LogRecord> log,
        LocalDate purgedBefore) {

    public SiteRecords {
        Checks.required(site, "site");
        staff = Checks.list(staff);
        rosters = Checks.list(rosters);
        leaves = Checks.list(leaves);
        handovers = Checks.list(handovers);
        entries = Checks.list(entries);
        incidents = Checks.list(incidents);
        calls = Checks.list(calls);
        absences = Checks.list(absences);
        reviews = Checks.list(reviews);
        dutyReports = Checks.list(dutyReports);
        trainings = Checks.list(trainings);
        processReviews = Checks.list(processReviews);
        spotChecks = Checks.list(spotChecks);
        log = Checks.list(log);
    }

    /** A site with no records yet. */
    public static SiteRecords empty(Site site) {
        return builder(site).build();
    }

    public static Builder builder(Site site) {
        return new Builder(site);
    }

    /** A builder holding a copy of these records, to change some lists. */
    public Builder toBuilder() {
        return new Builder(site)
                .staff(staff)
                .rosters(rosters)
                .leaves(leaves)
                .handovers(handovers)
                .entries(entries)
                .incidents(incidents)
                .calls(calls)
                .absences(absences)
                .reviews(reviews)
                .dutyReports(dutyReports)
                .trainings(trainings)
                .processReviews(processReviews)
                .spotChecks(spotChecks)
                .log(log)
                .purgedBefore(purgedBefore);
    }

    public Optional<Staff> staffMember(String id) {
        return staff.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Staff by id, for lookups in a loop. */
    public Map<String, Staff> staffById() {
        return staff.stream().collect(Collectors.toUnmodifiableMap(Staff::id, Function.identity()));
    }

    public boolean hasRole(String staffId, Role role) {
        return staffMember(staffId).map(s -> s.has(role)).orElse(false);
    }

    public List<Staff> withRole(Role role) {
        return staff.stream().filter(s -> s.has(role)).toList();
    }

    public Optional<Roster> roster(YearMonth month) {
        return rosters.stream().filter(r -> r.month().equals(month)).findFirst();
    }

    /** The officer the roster names for the duty date, if any. */
    public Optional<String> rosteredOfficer(LocalDate date) {
        return roster(YearMonth.from(date)).flatMap(r -> r.officerOn(date));
    }

    /** The handover at the start of duty date D's shift (SPEC section 4), if any. */
    public Optional<Handover> handoverAtShiftStart(LocalDate date) {
        var start = site.shiftOf(date).start();
        return handovers.stream()
                .filter(h -> h.date().equals(date) && h.scheduledAt().equals(start))
                .findFirst();
    }

    /** The incoming of the handover at D's shift start if there is one, else the rostered officer. */
    public Optional<String> officerOnDuty(LocalDate date) {
        return handoverAtShiftStart(date).map(Handover::incoming).or(() -> rosteredOfficer(date));
    }

    public Optional<Handover> handover(String id) {
        return handovers.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    public Optional<LogEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<Incident> incident(String id) {
        return incidents.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Builds {@link SiteRecords} list by list. */
    public static final class Builder {
        private final Site site;
        private List<Staff> staff = List.of();
        private List<Roster> rosters = List.of();
        private List<Leave> leaves = List.of();
        private List<Handover> handovers = List.of();
        private List<LogEntry> entries = List.of();
        private List<Incident> incidents = List.of();
        private List<Call> calls = List.of();
        private List<Absence> absences = List.of();
        private List<SupervisorReview> reviews = List.of();
        private List<DutyReport> dutyReports = List.of();
        private List<Training> trainings = List.of();
        private List<ProcessReview> processReviews = List.of();
        private List<SpotCheck> spotChecks = List.of();
        private List<LogRecord> log = List.of();
        private LocalDate purgedBefore;

        private Builder(Site site) {
            this.site = site;
        }

        public Builder staff(List<Staff> value) {
            staff = value;
            return this;
        }

        public Builder rosters(List<Roster> value) {
            rosters = value;
            return this;
        }

        public Builder leaves(List<Leave> value) {
            leaves = value;
            return this;
        }

        public Builder handovers(List<Handover> value) {
            handovers = value;
            return this;
        }

        public Builder entries(List<LogEntry> value) {
            entries = value;
            return this;
        }

        public Builder incidents(List<Incident> value) {
            incidents = value;
            return this;
        }

        public Builder calls(List<Call> value) {
            calls = value;
            return this;
        }

        public Builder absences(List<Absence> value) {
            absences = value;
            return this;
        }

        public Builder reviews(List<SupervisorReview> value) {
            reviews = value;
            return this;
        }

        public Builder dutyReports(List<DutyReport> value) {
            dutyReports = value;
            return this;
        }

        public Builder trainings(List<Training> value) {
            trainings = value;
            return this;
        }

        public Builder processReviews(List<ProcessReview> value) {
            processReviews = value;
            return this;
        }

        public Builder spotChecks(List<SpotCheck> value) {
            spotChecks = value;
            return this;
        }

        public Builder log(List<LogRecord> value) {
            log = value;
            return this;
        }

        public Builder purgedBefore(LocalDate value) {
            purgedBefore = value;
            return this;
        }

        public SiteRecords build() {
            return new SiteRecords(
                    site,
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
                    purgedBefore);
        }
    }
}
