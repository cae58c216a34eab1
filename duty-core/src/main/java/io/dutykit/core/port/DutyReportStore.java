package io.dutykit.core.port;

import io.dutykit.core.record.DutyReport;

/** Stores duty reports; the key is DATE/AUTHOR. */
public interface DutyReportStore extends RecordStore<DutyReport> {}
