package io.dutykit.core.port;

import io.dutykit.core.record.SpotCheck;

/** Stores the supervisor's spot checks; the key is DATE/SUPERVISOR/AT. */
public interface SpotCheckStore extends RecordStore<SpotCheck> {}
