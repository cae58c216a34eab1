package io.dutykit.core.port;

import io.dutykit.core.record.Call;

/** Stores telephone calls; the key is the call id. */
public interface CallStore extends RecordStore<Call> {}
