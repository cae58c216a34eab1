package io.dutykit.core.codec;

import io.dutykit.core.record.SpotCheck;
import java.time.Instant;
import java.time.LocalDate;

/** A supervisor's spot check ({@code SPOT_CHECK_RECORDED}, {@code spotChecks[]}). */
public final class SpotCheckCodec {
    private SpotCheckCodec() {}

    public static final Field<SpotCheck, LocalDate> DATE =
            Field.date("date", SpotCheck::date).required();
    public static final Field<SpotCheck, String> SUPERVISOR =
            Field.staff("supervisor", SpotCheck::supervisor).required();
    public static final Field<SpotCheck, Instant> AT =
            Field.instant("at", SpotCheck::at).required();
    public static final Field<SpotCheck, String> FINDINGS = Field.text("findings", SpotCheck::findings);

    public static final Codec<SpotCheck> CODEC = Codec.of(
            SpotCheck.class,
            "a spot check",
            v -> new SpotCheck(v.get(DATE), v.get(SUPERVISOR), v.get(AT), v.get(FINDINGS)),
            DATE,
            SUPERVISOR,
            AT,
            FINDINGS);
}
