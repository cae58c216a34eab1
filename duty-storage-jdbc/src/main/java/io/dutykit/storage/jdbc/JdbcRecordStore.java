package io.dutykit.storage.jdbc;

import io.dutykit.core.Checks;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.RecordStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RecordStore} over one projection table. A save appends the change to the site's duty log and
 * updates the projection in the same transaction, holding the site's head row so appends to one site
 * run one after another and its chain stays unbroken.
 */
class JdbcRecordStore<T> implements RecordStore<T> {
    private final Database db;
    private final GroupCommit commits;
    private final RecordKind kind;
    private final Class<T> type;

    JdbcRecordStore(Database db, GroupCommit commits, RecordKind kind, Class<T> type) {
        this.db = db;
        this.commits = commits;
        this.kind = kind;
        this.type = type;
    }

    @Override
    public Optional<T> find(String siteId, String key) {
        String data = db.write("read " + kind.listName() + " " + key, c -> ProjectionTables.data(c, kind, siteId, key));
        return Optional.ofNullable(data == null ? null : parse(data));
    }

    @Override
    public List<T> all(String siteId) {
        return db.write("read the " + kind.listName() + " of site " + siteId, c -> all(c, siteId));
    }

    List<T> all(Connection c, String siteId) throws SQLException {
        List<T> records = new ArrayList<>();
        for (String data : ProjectionTables.data(c, kind, siteId)) {
            records.add(parse(data));
        }
        return records;
    }

    T parse(String data) {
        return Snapshots.fromData(type, StoredJson.object(data, "a " + kind.listName() + " row"));
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
        commits.save(siteId, BatchAppend.prepare(siteId, new PendingSave(previous, next, change)));
    }
}
