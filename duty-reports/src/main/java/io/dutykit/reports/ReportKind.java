package io.dutykit.reports;

/** The four reports of SPEC section 9. */
public enum ReportKind {
    /** The daily duty report (值班报告) of one duty date. */
    DAILY,
    /** The handover sheet (交接班记录): every handover whose {@code date} is the duty date. */
    HANDOVER,
    /** The monthly review (月度复审) of a period, for the process review of G5. */
    MONTHLY,
    /** The staff evaluation basis of clause 4.4, for a period. */
    STAFF;

    /** True for the reports about one duty date; the others cover a period. */
    public boolean isForOneDate() {
        return this == DAILY || this == HANDOVER;
    }
}
