package io.dutykit.core.codec;

import io.dutykit.core.record.DutyReport;
import java.time.Instant;
import java.time.LocalDate;

/** A duty report ({@code DUTY_REPORT_SUBMITTED}, {@code dutyReports[]}). */
public final class DutyReportCodec {
    private DutyReportCodec() {}

    public static final Field<DutyReport, LocalDate> DATE =
            Field.date("date", DutyReport::date).required();
    public static final Field<DutyReport, String> AUTHOR = Field.staff("author", DutyReport::author);
    public static final Field<DutyReport, Instant> SUBMITTED_AT =
            Field.instant("submittedAt", DutyReport::submittedAt).required();
    public static final Field<DutyReport, String> REVIEWED_BY = Field.staff("reviewedBy", DutyReport::reviewedBy);
    public static final Field<DutyReport, Instant> REVIEWED_AT = Field.instant("reviewedAt", DutyReport::reviewedAt);

    public static final Codec<DutyReport> CODEC = Codec.of(
            DutyReport.class,
            "a duty report",
            v -> new DutyReport(
                    v.get(DATE), v.get(AUTHOR), v.get(SUBMITTED_AT), v.get(REVIEWED_BY), v.get(REVIEWED_AT)),
            DATE,
            AUTHOR,
            SUBMITTED_AT,
            REVIEWED_BY,
            REVIEWED_AT);
}
