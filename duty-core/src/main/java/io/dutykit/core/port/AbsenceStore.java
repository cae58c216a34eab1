package io.dutykit.core.port;

import io.dutykit.core.record.Absence;

/** Stores absences from the post; the key is the absence id. */
public interface AbsenceStore extends RecordStore<Absence> {}
