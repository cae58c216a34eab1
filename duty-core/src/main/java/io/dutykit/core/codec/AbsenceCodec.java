package io.dutykit.core.codec;

import io.dutykit.core.record.Absence;
import java.time.Instant;

/** An absence from the post ({@code ABSENCE_STARTED}, {@code ABSENCE_ENDED}, {@code absences[]}). */
public final class AbsenceCodec {
    private AbsenceCodec() {}

    public static final Field<Absence, String> ID = Field.id("id", Absence::id, "the absence id");
    public static final Field<Absence, String> STAFF =
            Field.staff("staff", Absence::staff).required();
    public static final Field<Absence, Instant> FROM =
            Field.instant("from", Absence::from).required();
    public static final Field<Absence, Instant> TO = Field.instant("to", Absence::to);
    public static final Field<Absence, String> COVERED_BY = Field.staff("coveredBy", Absence::coveredBy);
    public static final Field<Absence, String> REASON = Field.text("reason", Absence::reason);

    public static final Codec<Absence> CODEC = Codec.of(
            Absence.class,
            "an absence",
            v -> new Absence(v.get(ID), v.get(STAFF), v.get(FROM), v.get(TO), v.get(COVERED_BY), v.get(REASON)),
            ID,
            STAFF,
            FROM,
            TO,
            COVERED_BY,
            REASON);
}
