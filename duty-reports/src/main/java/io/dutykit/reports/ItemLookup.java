package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;

/** Turns entry and incident ids into {@link CarriedItem}s, as things stood at as-of. */
final class ItemLookup {
    private ItemLookup() {}

    static CarriedItem of(SiteRecords records, String id, Instant asOf) {
        var entry = records.entry(id);
        if (entry.isPresent()) {
            return of(entry.get(), asOf);
        }
        var incident = records.incident(id);
        if (incident.isPresent()) {
            return of(incident.get(), asOf);
        }
        return new CarriedItem(id, CarriedItem.Type.UNKNOWN, null, null, null, null);
    }

    static CarriedItem of(LogEntry entry, Instant asOf) {
        return new CarriedItem(
                entry.id(),
                CarriedItem.Type.ENTRY,
                entry.kind().name() + (entry.important() ? " !" : ""),
                entry.text(),
                entry.at(),
                Minutes.known(entry.closedAt(), asOf));
    }

    static CarriedItem of(Incident incident, Instant asOf) {
        return new CarriedItem(
                incident.id(),
                CarriedItem.Type.INCIDENT,
                incident.category() + " / " + incident.severity(),
                incident.process(),
                incident.openedAt(),
                Minutes.known(incident.resolvedAt(), asOf));
    }
}
