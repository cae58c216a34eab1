package io.dutykit.core.codec;

import io.dutykit.core.record.Training;
import java.time.LocalDate;
import java.util.List;

/** A training session ({@code TRAINING_RECORDED}, {@code trainings[]}). */
public final class TrainingCodec {
    private TrainingCodec() {}

    public static final Field<Training, LocalDate> DATE =
            Field.date("date", Training::date).required();
    /** Part of the training's key ({@code DATE/TOPIC}), so as short as an id. */
    public static final Field<Training, String> TOPIC =
            Field.text("topic", Training::topic).maxLength(Limits.MAX_ID_LENGTH);

    public static final Field<Training, List<String>> ATTENDEES =
            Field.staffIds("attendees", Training::attendees).requiredList("staff ids");

    public static final Codec<Training> CODEC = Codec.of(
            Training.class,
            "a training",
            v -> new Training(v.get(DATE), v.get(TOPIC), v.get(ATTENDEES)),
            DATE,
            TOPIC,
            ATTENDEES);
}
