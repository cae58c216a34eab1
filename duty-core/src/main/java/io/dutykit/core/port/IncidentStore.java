package io.dutykit.core.port;

import io.dutykit.core.incident.Incident;

/** Stores incidents and their escalations; the key is the incident id. */
public interface IncidentStore extends RecordStore<Incident> {}
