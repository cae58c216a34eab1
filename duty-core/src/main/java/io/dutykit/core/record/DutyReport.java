package io.dutykit.core.record;

import io.dutykit.core.Checks;
import java.time.Instant;
import java.time.LocalDate;

/** The duty report (值班报告) written at the end of a duty and submitted to the supervisor (G2, G4). */
public record DutyReport(LocalDate date, String author, Instant submittedAt, String reviewedBy, Instant reviewedAt) {
    public DutyReport {
        Checks.required(date, "dutyReports[].date");
        Checks.required(submittedAt, "dutyReports[].submittedAt");
        author = Checks.blankToNull(author);
        reviewedBy = Checks.blankToNull(reviewedBy);
    }

    /** Reports are identified by duty date and author. */
    public String key() {
        return date + "/" + (author == null ? "" : author);
    }
}
