package io.dutykit.storage.jdbc;

import io.dutykit.core.Checks;
import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.RecordStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RecordStore} over one projection table. A save appends the change to the site's duty log and
 * updates the projection in the same transaction, holding the site's head row so appends to one site
 * run one after another and its chain stays unbroken.
 */
class JdbcRecordStore<T> implements RecordStore<T> {
    private final Database db;
    private final RecordKind kind;
    private final Class<T> type;

    JdbcRecordStore(Database db, RecordKind kind, Class<T> type) {
        this.db = db;
        this.kind = kind;
        this.type = type;
    }

    @Override
    public Optional<T> find(String siteId, String key) {
        String data = db.write("read " + kind.listName() + " " + key, c -> Sql.projection(c, kind, siteId, key));
        return Optional.ofNullable(data == null ? null : parse(data));
    }

    @Override
    public List<T> all(String siteId) {
        return db.write("read the " + kind.listName() + " of site " + siteId, c -> all(c, siteId));
    }

    List<T> all(Connection c, String siteId) throws SQLException {
        List<T> records = new ArrayList<>();
        for (String data : Sql.projections(c, kind, siteId)) {
            records.add(parse(data));
        }
        return records;
    }

    T parse(String data) {
        return Snapshots.fromData(type, CanonicalJson.readObject(data));
    }

    Database db() {
        return db;
    }

    RecordKind kind() {
        return kind;
    }

    @Override
    public void save(String siteId, T previous, T next, Change change) {
        Checks.requiredText(siteId, "siteId");
        Checks.required(next, "next");
        Checks.required(change, "change");
        RecordKind changed = RecordKind.of(change.type());
        if (changed != kind) {
            throw InvalidValueException.of(
                    "change %s (%s) changes a %s record, but was given to the %s store",
                    change.recordId(), change.type(), changed.listName(), kind.listName());
        }
        T normalized = Snapshots.normalized(next);
        String key = kind.key(normalized);
        if (kind == RecordKind.SITE && !key.equals(siteId)) {
            throw InvalidValueException.of("site %s cannot be saved under the site id %s", key, siteId);
        }
        String previousText = null;
        if (previous != null) {
            T previousNormalized = Snapshots.normalized(previous);
            if (!kind.key(previousNormalized).equals(key)) {
                throw InvalidValueException.of(
                        "a %s record keeps its key: %s cannot become %s",
                        kind.listName(), kind.key(previousNormalized), key);
            }
            previousText = CanonicalJson.write(Snapshots.toData(previousNormalized));
        }
        Map<String, Object> data = Snapshots.toData(normalized);
        String dataText = CanonicalJson.write(data);
        String expected = previousText;
        db.write("save " + kind.listName() + " " + key + " as " + change.recordId(), c -> {
            Sql.Head head = Sql.lockHead(c, db.dialect(), siteId);
            LogRecord existing = Sql.logRecord(c, siteId, change.recordId());
            if (existing != null) {
                if (sameChange(existing, change, dataText)) {
                    return null; // a retried save: accepted once, nothing more is written
                }
                throw new ConflictException("log record id " + change.recordId() + " of site " + siteId
                        + " was already used (seq " + existing.seq() + ", " + existing.type()
                        + ") for other content; a retried change must carry the same content, a new change a new id");
            }
            String stored = Sql.projection(c, kind, siteId, key);
            if (expected == null && stored != null) {
                throw new ConflictException(
                        kind.listName() + " " + key + " already exists at site " + siteId + "; read it and change it");
            }
            if (expected != null && stored == null) {
                throw new ConflictException(kind.listName() + " " + key + " is not stored at site " + siteId
                        + " (any more); read it again");
            }
            if (expected != null && !expected.equals(stored)) {
                throw new ConflictException(kind.listName() + " " + key + " at site " + siteId
                        + " changed since it was read; read it again and redo the change");
            }
            if (normalized instanceof Handover handover) {
                String taken = Sql.handoverAt(c, siteId, handover.date(), handover.scheduledAt());
                if (taken != null && !taken.equals(key)) {
                    throw takenShift(siteId, handover, taken);
                }
            }
            LogRecord record = LogChain.link(
                    head.seq() + 1,
                    head.hash(),
                    change.recordId(),
                    change.type().name(),
                    change.at(),
                    change.actor(),
                    data);
            Sql.insertLog(c, siteId, record, dataText);
            try {
                if (stored == null) {
                    Sql.insertProjection(c, kind, siteId, key, normalized, dataText, record.seq(), record.seq());
                } else {
                    Sql.updateProjection(c, kind, siteId, key, normalized, dataText, record.seq());
                }
            } catch (SQLException e) {
                if (Dialect.isUniqueViolation(e) && normalized instanceof Handover handover) {
                    throw takenShift(siteId, handover, "another handover");
                }
                throw e;
            }
            Sql.updateHead(c, siteId, record.seq(), record.hash());
            return null;
        });
    }

    private static ConflictException takenShift(String siteId, Handover handover, String taken) {
        return new ConflictException("the shift of " + handover.date() + " at " + handover.scheduledAt() + " at site "
                + siteId + " is already being taken over by handover " + taken + "; handover " + handover.id()
                + " was not saved (one handover per shift, clause 4.2)");
    }

    private static boolean sameChange(LogRecord existing, Change change, String dataText) {
        return existing.type().equals(change.type().name())
                && existing.at().equals(change.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                && java.util.Objects.equals(existing.actor(), change.actor())
                && CanonicalJson.write(existing.data()).equals(dataText);
    }
}
