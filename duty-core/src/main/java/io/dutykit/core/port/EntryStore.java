package io.dutykit.core.port;

import io.dutykit.core.record.LogEntry;

/** Stores the duty-log entries; the key is the entry id. */
public interface EntryStore extends RecordStore<LogEntry> {}
