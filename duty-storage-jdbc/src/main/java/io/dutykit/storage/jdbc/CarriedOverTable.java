package io.dutykit.storage.jdbc;

import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Handover;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code duty_carried_over} (migration V5): one row per completed handover and id it carried over — who
 * each item was passed to and when (SPEC 4 "owned"). It is derived from the handover table: written with
 * a handover's completion (a completed handover never changes again), removed with the handover by the
 * retention purge, filled for older handovers by migration V6, and compared with the handover table by
 * verification ({@link #expected} against {@link #stored}).
 */
final class CarriedOverTable {
    /**
     * The completed handovers of a site that passed on any of {@code count} ids (parameters: site, then
     * the ids), as rows {@code (first_seq, record_key, data)}: probes of this table's key by item, then
     * of the handover's key, so its cost follows the items and the times they were carried over, never
     * the site's history. A handover that carried several of the ids comes once per id. The completion
     * decision asks it for the open work it has just read (SPEC 4 "owned"), the follow-up of an item
     * for that item.
     */
    static String carriersOf(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("carriersOf needs at least one id, not " + count);
        }
        return "SELECT h.first_seq, h.record_key, h.data FROM duty_carried_over c JOIN duty_handover h"
                + " ON h.site_id = c.site_id AND h.record_key = c.handover_key WHERE c.site_id = ? AND c.item_key IN ("
                + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    private CarriedOverTable() {}

    /**
     * Writes the rows of the completed handovers among {@code handovers} that are not stored yet (an
     * import or a live completion; rows are never updated). The rows of a handover new to the table
     * (an import) cannot exist yet and are not looked up.
     */
    static void write(Connection c, String siteId, Collection<Handover> handovers) throws SQLException {
        write(c, siteId, handovers, Set.of());
    }

    static void write(Connection c, String siteId, Collection<Handover> handovers, Set<String> newKeys)
            throws SQLException {
        List<Handover> completed = new ArrayList<>();
        for (Handover h : handovers) {
            if (h.completedAt() != null && !h.carriedOver().isEmpty()) {
                completed.add(h);
            }
        }
        if (completed.isEmpty()) {
            return;
        }
        try (PreparedStatement find = c.prepareStatement(
                        "SELECT item_key FROM duty_carried_over WHERE site_id = ? AND handover_key = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO duty_carried_over"
                        + " (site_id, item_key, handover_key, completed_at, incoming) VALUES (?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (Handover h : completed) {
                Set<String> stored = new HashSet<>();
                if (!newKeys.contains(h.id())) {
                    find.setString(1, siteId);
                    find.setString(2, h.id());
                    try (ResultSet rs = find.executeQuery()) {
                        while (rs.next()) {
                            stored.add(rs.getString(1));
                        }
                    }
                }
                for (String item : new TreeSet<>(h.carriedOver())) {
                    if (stored.add(item)) {
                        insert.setString(1, siteId);
                        insert.setString(2, item);
                        insert.setString(3, h.id());
                        insert.setObject(4, Columns.timestamp(h.completedAt()));
                        insert.setString(5, h.incoming());
                        insert.addBatch();
                        any = true;
                    }
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    /** Removes the rows of one handover (the retention purge removes the handover). */
    static void delete(Connection c, String siteId, String handoverKey) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM duty_carried_over WHERE site_id = ? AND handover_key = ?")) {
            ps.setString(1, siteId);
            ps.setString(2, handoverKey);
            ps.executeUpdate();
        }
    }

    /** The rows the handovers call for, as text {@code handover/item completedAt incoming}, sorted. */
    static Set<String> expected(Collection<Handover> handovers) {
        Set<String> rows = new TreeSet<>();
        for (Handover h : handovers) {
            if (h.completedAt() != null) {
                for (String item : h.carriedOver()) {
                    rows.add(h.id() + "/" + item + " " + h.completedAt() + " " + h.incoming());
                }
            }
        }
        return rows;
    }

    /** The rows stored for the site, in the form of {@link #expected}. */
    static Set<String> stored(Connection c, String siteId) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT handover_key, item_key, completed_at, incoming"
                + " FROM duty_carried_over WHERE site_id = ?")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getString(2) + " " + Columns.instant(rs, 3) + " "
                            + rs.getString(4));
                }
            }
        }
        return rows;
    }

    /** Migration V6: the rows of every handover completed before V5, read from the handover table. */
    static void backfill(Connection c) throws SQLException {
        List<String> sites = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT site_id FROM duty_handover");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sites.add(rs.getString(1));
            }
        }
        for (String siteId : sites) {
            List<Handover> handovers = new ArrayList<>();
            for (String text : ProjectionTables.data(c, io.dutykit.core.chain.RecordKind.HANDOVER, siteId)) {
                handovers.add(Snapshots.fromData(Handover.class, StoredJson.object(text, "handover of " + siteId)));
            }
            write(c, siteId, handovers);
        }
    }
}
