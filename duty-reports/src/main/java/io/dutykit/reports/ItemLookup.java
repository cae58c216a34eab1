package io.dutykit.reports;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.procedure.Ownership;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;

/**
 * Turns entry and incident ids into {@link CarriedItem}s, as things stood at as-of, with who owns each
 * (SPEC section 4 "owned", read with {@link Ownership} over the handovers completed by as-of).
 */
final class ItemLookup {
    private final SiteRecords records;
    private final Instant asOf;
    private final Ownership ownership;

    ItemLookup(SiteRecords records, Instant asOf) {
        this.records = records;
        this.asOf = asOf;
        this.ownership = Ownership.of(records.handovers(), asOf);
    }

    Ownership ownership() {
        return ownership;
    }

    /** The item the id names, with its owner now and, when {@code passedOnAt} is set, just before then. */
    CarriedItem of(String id, Instant passedOnAt) {
        var entry = records.entry(id);
        if (entry.isPresent()) {
            return of(entry.get(), passedOnAt);
        }
        var incident = records.incident(id);
        if (incident.isPresent()) {
            return of(incident.get(), passedOnAt);
        }
        return new CarriedItem(
                id,
                CarriedItem.Type.UNKNOWN,
                null,
                null,
                null,
                null,
                passedOnAt == null ? null : ownership.ownerBefore(id, null, passedOnAt),
                ownership.ownerAt(id, null, asOf));
    }

    CarriedItem of(LogEntry entry, Instant passedOnAt) {
        String creator = Ownership.creator(entry);
        return new CarriedItem(
                entry.id(),
                CarriedItem.Type.ENTRY,
                entry.kind().name() + (entry.important() ? " !" : ""),
                entry.text(),
                entry.at(),
                Minutes.known(entry.closedAt(), asOf),
                passedOnAt == null ? null : ownership.ownerBefore(entry.id(), creator, passedOnAt),
                ownership.ownerAt(entry.id(), creator, asOf));
    }

    CarriedItem of(Incident incident, Instant passedOnAt) {
        String creator = Ownership.creator(incident);
        return new CarriedItem(
                incident.id(),
                CarriedItem.Type.INCIDENT,
                incident.category() + " / " + incident.severity(),
                incident.process(),
                incident.openedAt(),
                Minutes.known(incident.resolvedAt(), asOf),
                passedOnAt == null ? null : ownership.ownerBefore(incident.id(), creator, passedOnAt),
                ownership.ownerAt(incident.id(), creator, asOf));
    }
}
