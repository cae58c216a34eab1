package io.dutykit.storage.jdbc;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.RecordKind;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.port.LiveSlice;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Staff;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link LiveSlice} from the query tables, each part a range of an index whose key leads with
 * the site id (migration V4): handovers by {@code handover_date}, rosters by their key (one probe per
 * month),
 * leaves, reviews and duty reports by {@code duty_date}, incidents by {@code opened_at}, open work by
 * {@code open_until} — columns the database generates from the row's data. What it returns is exactly
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
    /** Entries and incidents open at an instant (indexes duty_entry_open, duty_incident_open). */
    static final String OPEN_AT = "open_until > ?";

    private LiveSliceTables() {}

    /** A row of a query table: its first seq, key and data. */
    private record Row(long firstSeq, String key, String data) {}

    @SuppressWarnings("unchecked")
    static SiteRecords read(
            Connection c, Dialect dialect, Map<RecordKind, JdbcRecordStore<?>> stores, Site site, LiveSlice slice)
            throws SQLException {
        String siteId = site.id();
        SiteRecords.Builder records = SiteRecords.builder(site)
                .staff((List<Staff>) stores.get(RecordKind.STAFF).all(c, siteId));
        if (slice.firstMonth() != null) {
            List<String> months = new ArrayList<>();
            for (YearMonth m = slice.firstMonth(); !m.isAfter(slice.lastMonth()); m = m.plusMonths(1)) {
                months.add(m.toString());
            }
            records.rosters(
                    parse(stores, RecordKind.ROSTER, Roster.class, byKeys(c, dialect, "duty_roster", siteId, months)));
        }
        if (slice.firstDate() != null) {
            records.handovers(parse(
                    stores,
                    RecordKind.HANDOVER,
                    Handover.class,
                    rows(c, "duty_handover", HANDOVER_DATES, siteId, slice.firstDate(), slice.lastDate())));
            String first = slice.firstDate().toString();
            String last = slice.lastDate().toString();
            records.leaves(parse(stores, RecordKind.LEAVE, Leave.class, dated(c, "duty_leave", siteId, first, last)));
            records.reviews(parse(
                    stores, RecordKind.REVIEW, SupervisorReview.class, dated(c, "duty_review", siteId, first, last)));
            records.dutyReports(parse(
                    stores, RecordKind.DUTY_REPORT, DutyReport.class, dated(c, "duty_report", siteId, first, last)));
        }
        if (slice.openAt() != null) {
            records.entries(parse(
                    stores,
                    RecordKind.ENTRY,
                    LogEntry.class,
                    rows(c, "duty_entry", OPEN_AT, siteId, CanonicalJson.instant(slice.openAt()))));
        }
        Map<String, Row> incidents = new LinkedHashMap<>();
        if (slice.openedFrom() != null) {
            for (Row row : rows(
                    c,
                    "duty_incident",
                    OPENED,
                    siteId,
                    CanonicalJson.instant(slice.openedFrom()),
                    CanonicalJson.instant(slice.openedUntil()))) {
                incidents.put(row.key(), row);
            }
        }
        if (slice.openAt() != null) {
            for (Row row : rows(c, "duty_incident", OPEN_AT, siteId, CanonicalJson.instant(slice.openAt()))) {
                incidents.putIfAbsent(row.key(), row);
            }
        }
        List<Row> incidentRows = new ArrayList<>(incidents.values());
        incidentRows.sort(ORDER);
        records.incidents(parse(stores, RecordKind.INCIDENT, Incident.class, incidentRows));
        return records.build();
    }

    private static final Comparator<Row> ORDER =
            Comparator.comparingLong(Row::firstSeq).thenComparing(Row::key);

    private static List<Row> dated(Connection c, String table, String siteId, String first, String last)
            throws SQLException {
        return rows(c, table, DUTY_DATES, siteId, first, last);
    }

    /**
     * The rows of {@code table} (a fixed name, never input) at the site matching {@code condition}, whose
     * parameters follow the site id, sorted as the stores list them (first saved first).
     */
    private static List<Row> rows(Connection c, String table, String condition, String siteId, Object... values)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select(table, condition))) {
            ps.setString(1, siteId);
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 2, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    /** The rows of the given keys (a few months' rosters): one probe of the primary key each. */
    private static List<Row> byKeys(Connection c, Dialect dialect, String table, String siteId, List<String> keys)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (keys.isEmpty()) {
            return rows;
        }
        try (PreparedStatement ps =
                        dialect.selectByKeys(c, "first_seq, record_key, data", table, "record_key", siteId, keys);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    /** The statement of one part: the site's rows of {@code table} matching {@code condition}. */
    static String select(String table, String condition) {
        return "SELECT first_seq, record_key, data FROM " + table + " WHERE site_id = ? AND " + condition;
    }

    private static <T> List<T> parse(
            Map<RecordKind, JdbcRecordStore<?>> stores, RecordKind kind, Class<T> type, List<Row> rows) {
        JdbcRecordStore<?> store = stores.get(kind);
        List<T> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            records.add(type.cast(store.parse(row.data())));
        }
        return records;
    }
}
