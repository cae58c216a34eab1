package io.dutykit.core.port;

import io.dutykit.core.record.SupervisorReview;

/** Stores the supervisor's daily reviews; the key is DATE/SUPERVISOR. */
public interface ReviewStore extends RecordStore<SupervisorReview> {}
