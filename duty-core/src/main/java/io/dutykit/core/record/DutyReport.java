package io.dutykit.core.record;

import io.dutykit.core.Checks;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.procedure.Refusal;
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

    public boolean isReviewed() {
        return reviewedAt != null;
    }

    /** A supervisor reviews the report (G4, 4.3); a report is reviewed once (4.1.8). */
    public DutyReport review(String supervisor, Instant at) {
        Checks.requiredText(supervisor, "reviewedBy");
        if (isReviewed()) {
            throw ProcedureRefusedException.of(Refusal.REPORT_ALREADY_REVIEWED, date, reviewedBy, reviewedAt);
        }
        return new DutyReport(date, author, submittedAt, supervisor, Checks.required(at, "reviewedAt"));
    }

    /** Reports are identified by duty date and author. */
    public String key() {
        return date + "/" + (author == null ? "" : author);
    }
}
