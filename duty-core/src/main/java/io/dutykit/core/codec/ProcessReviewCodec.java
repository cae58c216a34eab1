package io.dutykit.core.codec;

import io.dutykit.core.record.ProcessReview;
import java.time.Instant;
import java.time.YearMonth;

/** A monthly review of the procedure ({@code PROCESS_REVIEW_RECORDED}, {@code processReviews[]}). */
public final class ProcessReviewCodec {
    private ProcessReviewCodec() {}

    public static final Field<ProcessReview, YearMonth> MONTH =
            Field.month("month", ProcessReview::month).required();
    public static final Field<ProcessReview, Instant> HELD_AT =
            Field.instant("heldAt", ProcessReview::heldAt).required();
    public static final Field<ProcessReview, String> FINDINGS = Field.text("findings", ProcessReview::findings);

    public static final Codec<ProcessReview> CODEC = Codec.of(
            ProcessReview.class,
            "a process review",
            v -> new ProcessReview(v.get(MONTH), v.get(HELD_AT), v.get(FINDINGS)),
            MONTH,
            HELD_AT,
            FINDINGS);
}
