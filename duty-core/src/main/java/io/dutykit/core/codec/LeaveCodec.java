package io.dutykit.core.codec;

import io.dutykit.core.roster.Leave;
import java.time.Instant;
import java.time.LocalDate;

/** A leave request and its approval ({@code LEAVE_REQUESTED}, {@code LEAVE_APPROVED}, {@code leaves[]}). */
public final class LeaveCodec {
    private LeaveCodec() {}

    public static final Field<Leave, String> ID = Field.id("id", Leave::id, "the leave id");
    public static final Field<Leave, String> STAFF =
            Field.staff("staff", Leave::staff).required();
    public static final Field<Leave, LocalDate> DATE =
            Field.date("date", Leave::date).required();
    public static final Field<Leave, Instant> REQUESTED_AT = Field.instant("requestedAt", Leave::requestedAt);
    public static final Field<Leave, String> APPROVED_BY = Field.staff("approvedBy", Leave::approvedBy);
    public static final Field<Leave, Instant> APPROVED_AT = Field.instant("approvedAt", Leave::approvedAt);
    public static final Field<Leave, String> SUBSTITUTE = Field.staff("substitute", Leave::substitute);
    public static final Field<Leave, String> REASON = Field.text("reason", Leave::reason);
    /** Since 2026-12-03: written only when set. */
    public static final Field<Leave, String> REJECTED_BY =
            Field.staff("rejectedBy", Leave::rejectedBy).absentWhenEmpty();
    /** Since 2026-12-03: written only when set. */
    public static final Field<Leave, Instant> REJECTED_AT =
            Field.instant("rejectedAt", Leave::rejectedAt).absentWhenEmpty();

    public static final Codec<Leave> CODEC = Codec.of(
            Leave.class,
            "a leave",
            v -> new Leave(
                    v.get(ID),
                    v.get(STAFF),
                    v.get(DATE),
                    v.get(REQUESTED_AT),
                    v.get(APPROVED_BY),
                    v.get(APPROVED_AT),
                    v.get(SUBSTITUTE),
                    v.get(REASON),
                    v.get(REJECTED_BY),
                    v.get(REJECTED_AT)),
            ID,
            STAFF,
            DATE,
            REQUESTED_AT,
            APPROVED_BY,
            APPROVED_AT,
            SUBSTITUTE,
            REASON,
            REJECTED_BY,
            REJECTED_AT);
}
