package io.dutykit.core.codec;

import io.dutykit.core.record.SupervisorReview;
import java.time.Instant;
import java.time.LocalDate;

/** A supervisor's daily review ({@code REVIEW_SIGNED}, {@code reviews[]}) with the chain head it signed. */
public final class ReviewCodec {
    private ReviewCodec() {}

    public static final Field<SupervisorReview, LocalDate> DATE =
            Field.date("date", SupervisorReview::date).required();
    public static final Field<SupervisorReview, String> SUPERVISOR =
            Field.staff("supervisor", SupervisorReview::supervisor).required();
    public static final Field<SupervisorReview, Instant> AT =
            Field.instant("at", SupervisorReview::at).required();
    public static final Field<SupervisorReview, String> LOG_HEAD = Field.text("logHead", SupervisorReview::logHead);

    public static final Codec<SupervisorReview> CODEC = Codec.of(
            SupervisorReview.class,
            "a review",
            v -> new SupervisorReview(v.get(DATE), v.get(SUPERVISOR), v.get(AT), v.get(LOG_HEAD)),
            DATE,
            SUPERVISOR,
            AT,
            LOG_HEAD);
}
