package io.dutykit.core.port;

import io.dutykit.core.record.ProcessReview;

/** Stores monthly process reviews; the key is the month (YYYY-MM). */
public interface ProcessReviewStore extends RecordStore<ProcessReview> {}
