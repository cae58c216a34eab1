package io.dutykit.cli;

import io.dutykit.core.SiteRecords;
import java.time.LocalDate;
import java.time.YearMonth;

/** Cuts a generated plan down to the duty dates a simulation records. */
final class Plans {
    private Plans() {}

    /** The plan without the records of duty dates after {@code last}. */
    static SiteRecords until(SiteRecords plan, LocalDate last) {
        var site = plan.site();
        return plan.toBuilder()
                .leaves(plan.leaves().stream()
                        .filter(l -> !l.date().isAfter(last))
                        .toList())
                .handovers(plan.handovers().stream()
                        .filter(h -> !h.date().isAfter(last))
                        .toList())
                .entries(plan.entries().stream()
                        .filter(e -> !e.date().isAfter(last))
                        .toList())
                .incidents(plan.incidents().stream()
                        .filter(i -> !i.date().isAfter(last))
                        .toList())
                .calls(plan.calls().stream()
                        .filter(c -> !site.dutyDateOf(c.at()).isAfter(last))
                        .toList())
                .absences(plan.absences().stream()
                        .filter(a -> !site.dutyDateOf(a.from()).isAfter(last))
                        .toList())
                .reviews(plan.reviews().stream()
                        .filter(r -> !r.date().isAfter(last))
                        .toList())
                .dutyReports(plan.dutyReports().stream()
                        .filter(r -> !r.date().isAfter(last))
                        .toList())
                .trainings(plan.trainings().stream()
                        .filter(t -> !t.date().isAfter(last))
                        .toList())
                .processReviews(plan.processReviews().stream()
                        .filter(r -> !r.month().isAfter(YearMonth.from(last)))
                        .toList())
                .spotChecks(plan.spotChecks().stream()
                        .filter(s -> !s.date().isAfter(last))
                        .toList())
                .build();
    }
}
