package io.dutykit.storage.jdbc;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.port.LiveSlice;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link LiveSlice} from the query tables, each part a range of an index whose key leads with
 * the site id (migration V4): handovers by {@code handover_date}, rosters by their key (one probe per
 * month),
 * leaves, reviews and duty reports by {@code duty_date}, incidents by {@code opened_at}, open work by
 * {@code open_until}, entries and calls by {@code logged_at}, the handovers that carried open work or
 * given items over through {@code duty_carried_over} (V5) — columns the database generates from the row's data. What it returns is exactly
 * what {@link LiveSlice#apply} keeps of the whole site (LiveSliceContract checks it on both databases).
 * Rows are sorted in Java by {@code first_seq}, not by the statement, so the planner picks the range
 * index rather than the {@code (site_id, first_seq)} one.
 */
final class LiveSliceTables {
    /** The handovers of a range of duty dates (index duty_handover_shift). */
    static final String HANDOVER_DATES = "handover_date >= ? AND handover_date <= ?";
    /** Leaves, reviews and duty reports of a range of duty dates (indexes duty_*_date). */
    static final String DUTY_DATES = "duty_date >= ? AND duty_date <= ?";
    /** Incidents opened in a range of instants (index duty_incident_opened). */
    static final String OPENED = "opened_at >= ? AND opened_at <= ?";
    /** Entries and calls logged in a range of instants (indexes duty_entry_logged, duty_call_logged). */
    static final String LOGGED = "logged_at >= ? AND logged_at <= ?";
    /** Entries and incidents open at an instant (indexes duty_entry_open, duty_incident_open). */
    static final String OPEN_AT = "open_until > ?";

    private LiveSliceTables() {}

    /**
     * The site, its staff and what the slice keeps, read by one batch of queries (one round trip on
     * PostgreSQL, {@link Dialect#runAll}).
     */
    static SiteRecords read(
            Connection c, Dialect dialect, Map<RecordKind, JdbcRecordStore<?>> stores, Site site, LiveSlice slice)
            throws SQLException {
        String siteId = site.id();
        List<RowQuery> queries = new ArrayList<>();
        queries.add(part("duty_staff", null, siteId));
        int rosters = -1;
        if (slice.firstMonth() != null) {
            List<String> months = new ArrayList<>();
            for (YearMonth m = slice.firstMonth(); !m.isAfter(slice.lastMonth()); m = m.plusMonths(1)) {
                months.add(m.toString());
            }
            rosters = queries.size();
            queries.add(new RowQuery(
                    dialect.selectByKeys("first_seq, record_key, data", "duty_roster", "record_key"),
                    (conn, ps, index) -> {
                        dialect.bindKeys(conn, ps, index, siteId, months);
                        return index + 2;
                    }));
        }
        int dated = -1;
        if (slice.firstDate() != null) {
            String first = slice.firstDate().toString();
            String last = slice.lastDate().toString();
            dated = queries.size();
            queries.add(part("duty_handover", HANDOVER_DATES, siteId, slice.firstHandoverDate(), slice.lastDate()));
            queries.add(part("duty_leave", DUTY_DATES, siteId, first, last));
            queries.add(part("duty_review", DUTY_DATES, siteId, first, last));
            queries.add(part("duty_report", DUTY_DATES, siteId, first, last));
        }
        int opened = -1;
        if (slice.openedFrom() != null) {
            opened = queries.size();
            queries.add(part(
                    "duty_incident",
                    OPENED,
                    siteId,
                    CanonicalJson.instant(slice.openedFrom()),
                    CanonicalJson.instant(slice.openedUntil())));
        }
        int open = -1;
        if (slice.openAt() != null) {
            String at = CanonicalJson.instant(slice.openAt());
            open = queries.size();
            queries.add(part("duty_entry", OPEN_AT, siteId, at));
            queries.add(part("duty_incident", OPEN_AT, siteId, at));
        }
        int logged = -1;
        if (slice.loggedFrom() != null) {
            String from = CanonicalJson.instant(slice.loggedFrom());
            String until = CanonicalJson.instant(slice.loggedUntil());
            logged = queries.size();
            queries.add(part("duty_entry", LOGGED, siteId, from, until));
            queries.add(part("duty_call", LOGGED, siteId, from, until));
        }
        List<List<RowQuery.Row>> results = new ArrayList<>(dialect.runAll(c, queries));
        // the carriers by key, once the open work is known: a plan as cheap as the items are few
        Set<String> ids = new TreeSet<>(slice.carriersOf());
        if (slice.carriersOfOpenWork()) {
            for (int part : new int[] {open, open + 1}) {
                for (RowQuery.Row row : results.get(part)) {
                    ids.add(row.key());
                }
            }
        }
        int carriers = -1;
        if (!ids.isEmpty()) {
            carriers = results.size();
            results.add(carriersOf(c, siteId, new ArrayList<>(ids)));
        }

        SiteRecords.Builder records =
                SiteRecords.builder(site).staff(parse(stores, RecordKind.STAFF, Staff.class, results.get(0)));
        if (rosters >= 0) {
            records.rosters(parse(stores, RecordKind.ROSTER, Roster.class, results.get(rosters)));
        }
        records.handovers(parse(stores, RecordKind.HANDOVER, Handover.class, union(results, dated, carriers)));
        if (dated >= 0) {
            records.leaves(parse(stores, RecordKind.LEAVE, Leave.class, results.get(dated + 1)))
                    .reviews(parse(stores, RecordKind.REVIEW, SupervisorReview.class, results.get(dated + 2)))
                    .dutyReports(parse(stores, RecordKind.DUTY_REPORT, DutyReport.class, results.get(dated + 3)));
        }
        records.entries(parse(stores, RecordKind.ENTRY, LogEntry.class, union(results, logged, open)));
        if (logged >= 0) {
            records.calls(parse(stores, RecordKind.CALL, Call.class, results.get(logged + 1)));
        }
        records.incidents(
                parse(stores, RecordKind.INCIDENT, Incident.class, union(results, opened, open >= 0 ? open + 1 : -1)));
        return records.build();
    }

    /** The rows of several parts (an index below 0: a part not read), each record once. */
    private static List<RowQuery.Row> union(List<List<RowQuery.Row>> results, int... parts) {
        Map<String, RowQuery.Row> rows = new LinkedHashMap<>();
        for (int index : parts) {
            if (index >= 0) {
                for (RowQuery.Row row : results.get(index)) {
                    rows.putIfAbsent(row.key(), row);
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static final Comparator<RowQuery.Row> ORDER =
            Comparator.comparingLong(RowQuery.Row::firstSeq).thenComparing(RowQuery.Row::key);

    /**
     * The query of the site's rows of {@code table} (a fixed name, never input) matching {@code condition}
     * (null: all of them), whose parameters follow the site id.
     */
    private static RowQuery part(String table, String condition, String siteId, Object... values) {
        return new RowQuery(select(table, condition), (c, ps, index) -> {
            ps.setString(index, siteId);
            for (int i = 0; i < values.length; i++) {
                ps.setObject(index + 1 + i, values[i]);
            }
            return index + 1 + values.length;
        });
    }

    /** How many ids one statement of {@link #carriersOf} names at most (a site rarely has this much open work). */
    static final int CARRIER_IDS_PER_STATEMENT = 500;

    /**
     * The rows of the completed handovers of the site that carried over any of the ids (through
     * duty_carried_over), a statement per {@link #CARRIER_IDS_PER_STATEMENT} ids; a handover may come
     * more than once.
     */
    static List<RowQuery.Row> carriersOf(Connection c, String siteId, List<String> ids) throws SQLException {
        List<RowQuery> queries = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CARRIER_IDS_PER_STATEMENT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CARRIER_IDS_PER_STATEMENT));
            queries.add(new RowQuery(CarriedOverTable.carriersOf(chunk.size()), (conn, ps, index) -> {
                ps.setString(index, siteId);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(index + 1 + i, chunk.get(i));
                }
                return index + 1 + chunk.size();
            }));
        }
        List<RowQuery.Row> rows = new ArrayList<>();
        for (List<RowQuery.Row> part : RowQuery.runEach(c, queries)) {
            rows.addAll(part);
        }
        return rows;
    }

    /** The statement of one part: the site's rows of {@code table} matching {@code condition}. */
    static String select(String table, String condition) {
        return "SELECT first_seq, record_key, data FROM " + table + " WHERE site_id = ?"
                + (condition == null ? "" : " AND " + condition);
    }

    /** The records of the rows, first saved first (as the stores list them). */
    private static <T> List<T> parse(
            Map<RecordKind, JdbcRecordStore<?>> stores, RecordKind kind, Class<T> type, List<RowQuery.Row> rows) {
        List<RowQuery.Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        JdbcRecordStore<?> store = stores.get(kind);
        List<T> records = new ArrayList<>(sorted.size());
        for (RowQuery.Row row : sorted) {
            records.add(type.cast(store.parse(row.data())));
        }
        return records;
    }
}
