package io.dutykit.rules.fact;

import java.time.LocalDate;

/** One attendee of a training on {@code date}. */
public record TrainingFact(LocalDate date, String attendee) {}
