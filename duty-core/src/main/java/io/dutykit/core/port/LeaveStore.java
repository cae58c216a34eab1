package io.dutykit.core.port;

import io.dutykit.core.roster.Leave;

/** Stores leave requests and their approvals; the key is the leave id. */
public interface LeaveStore extends RecordStore<Leave> {}
