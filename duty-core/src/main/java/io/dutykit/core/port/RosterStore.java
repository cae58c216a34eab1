package io.dutykit.core.port;

import io.dutykit.core.roster.Roster;

/** Stores the monthly duty rosters; the key is the month (YYYY-MM). */
public interface RosterStore extends RecordStore<Roster> {}
