package io.dutykit.rules.fact;

/** One anomaly of a handover, with its 0-based position; {@code explanation} is null when blank. */
public record AnomalyFact(String handoverId, int index, String description, String explanation) {}
