package io.dutykit.core.port;

import io.dutykit.core.record.Training;

/** Stores trainings; the key is DATE/TOPIC. */
public interface TrainingStore extends RecordStore<Training> {}
