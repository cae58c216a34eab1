package io.dutykit.core.port;

import io.dutykit.core.staff.Staff;

/** Stores the staff of a site; the key is the staff id. */
public interface StaffStore extends RecordStore<Staff> {}
