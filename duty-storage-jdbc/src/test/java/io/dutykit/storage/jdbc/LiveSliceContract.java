package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.LiveSlice;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC 8.1 on both databases: what a live call reads of a site comes from indexed ranges (migration V4)
 * and is exactly what {@link LiveSlice#apply} keeps of the whole site — at every boundary (an entry
 * closed exactly at the instant, an incident opened exactly at the window's ends, the first and last
 * duty date and month). The columns the ranges use are the database's own: generated from each row's
 * data, never set by anyone.
 */
abstract class LiveSliceContract extends LiveStoreFixture {
    static final Instant T0 = Instant.parse("2026-11-03T12:00:00Z");
    static final LocalDate D = LocalDate.of(2026, 11, 3);

    /** The query plan of a statement with its parameters, such as EXPLAIN gives it. */
    abstract String plan(String statement, Object... binds) throws SQLException;

    private int seq;

    private String id(String prefix) {
        return prefix + "-" + (++seq);
    }

    /** Every kind of entry, open and closed around {@link #T0}, incidents opened and resolved around it, and dated records of five days. */
    void aSiteWithHistory() {
        for (EntryKind kind : EntryKind.values()) {
            LogEntry open = kind == EntryKind.CORRECTION
                    ? LogEntry.correction(id("e"), D, T0.minusSeconds(3600), "wang", "e-1", "fix")
                    : LogEntry.of(
                            id("e"), D, T0.minusSeconds(3600), "wang", kind, "open " + kind, kind.ordinal() % 2 == 0);
            stores.entries().save(site, null, open, change(open.id(), ChangeType.ENTRY_APPENDED, T0));
            if (kind.canBeOpenWork()) {
                for (long offset : new long[] {-1, 0, 1}) {
                    LogEntry entry = LogEntry.of(id("e"), D, T0.minusSeconds(7200), "chen", kind, "closed", true);
                    stores.entries().save(site, null, entry, change(entry.id(), ChangeType.ENTRY_APPENDED, T0));
                    stores.entries()
                            .save(
                                    site,
                                    entry,
                                    entry.close(T0.plusMillis(offset)),
                                    change(entry.id() + "/closed", ChangeType.ENTRY_CLOSED, T0));
                }
            }
        }
        for (long offset : new long[] {-3_600_001, -3_600_000, 0, 3_600_000, 3_600_001}) {
            Incident incident = Incident.open(
                    id("inc"), D, T0.plusMillis(offset), "wang", "WATER_LEAK", IncidentSeverity.DIFFICULT);
            stores.incidents().save(site, null, incident, change(incident.id(), ChangeType.INCIDENT_OPENED, T0));
            if (offset != 0) {
                Instant resolved = T0.plusMillis(Math.max(offset, 0) + (offset % 2 == 0 ? 0 : 1));
                stores.incidents()
                        .save(
                                site,
                                incident,
                                incident.resolve(resolved, "done", "fine"),
                                change(incident.id() + "/resolved", ChangeType.INCIDENT_RESOLVED, T0));
            }
        }
        for (int month = 9; month <= 12; month++) {
            YearMonth ym = YearMonth.of(2026, month);
            Roster roster = Roster.draft(ym, List.of(new RosterDuty(ym.atDay(1), "wang")));
            stores.rosters().save(site, null, roster, change("roster/" + ym, ChangeType.ROSTER_DRAFTED, T0));
        }
        for (int day = 1; day <= 5; day++) {
            LocalDate date = LocalDate.of(2026, 11, day);
            Instant start = siteRecord.shiftOf(date).start();
            Handover handover = Handover.schedule("ho-" + date, date, start, "chen", "wang");
            stores.handovers().save(site, null, handover, change("ho/" + date, ChangeType.HANDOVER_OPENED, T0));
            Leave leave = Leave.request("lv-" + date, "wang", date, T0, "clinic");
            stores.leaves().save(site, null, leave, change("lv/" + date, ChangeType.LEAVE_REQUESTED, T0));
            SupervisorReview review = new SupervisorReview(date, "li", T0, null);
            stores.reviews().save(site, null, review, change("review/" + date, ChangeType.REVIEW_SIGNED, T0));
            DutyReport report = new DutyReport(date, "wang", T0, null, null);
            stores.dutyReports()
                    .save(site, null, report, change("report/" + date, ChangeType.DUTY_REPORT_SUBMITTED, T0));
        }
        // entries (closed two hours on) and calls logged around T0 - 1 h and T0, each call linked to an
        // entry whose text holds the key of the column the range reads
        for (long offset : new long[] {-3_600_001, -3_600_000, -1, 0, 1}) {
            Instant at = T0.plusMillis(offset);
            LogEntry entry = LogEntry.of(id("e"), D, at, "chen", EntryKind.ENQUIRY, "\"at\":\"2000-01-01", false);
            stores.entries().save(site, null, entry, change(entry.id(), ChangeType.ENTRY_APPENDED, T0));
            stores.entries()
                    .save(
                            site,
                            entry,
                            entry.close(at.plusSeconds(7200)),
                            change(entry.id() + "/closed", ChangeType.ENTRY_CLOSED, T0));
            Call call = new Call(id("c"), at, CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang");
            stores.calls().save(site, null, call, change(call.id(), ChangeType.CALL_RECORDED, T0));
            stores.calls()
                    .save(
                            site,
                            call,
                            call.linkTo(entry.id()),
                            change(call.id() + "/linked", ChangeType.CALL_LINKED, T0));
        }
    }

    /**
     * Two completed handovers a month before {@link #D} passing on the open entries e-1 and e-2 and
     * incident inc-N (open at T0) and one closed entry, and an uncompleted one carrying e-3: outside every
     * date range of the completion slice, read only as the carriers of open work (SPEC 4 "owned").
     */
    private String firstOpen;

    private String secondOpen;

    void handoversThatCarriedWorkOver() {
        String openIncident = stores.incidents().all(site).stream()
                .filter(i -> i.isOpenAt(T0))
                .findFirst()
                .orElseThrow()
                .id();
        List<String> open = stores.entries().all(site).stream()
                .filter(e -> e.isOpenAt(T0))
                .map(LogEntry::id)
                .limit(3)
                .toList();
        firstOpen = open.get(0);
        secondOpen = open.get(1);
        String closed = stores.entries().all(site).stream()
                .filter(e -> e.closedAt() != null)
                .findFirst()
                .orElseThrow()
                .id();
        LocalDate day = LocalDate.of(2026, 10, 3);
        List<List<String>> carried =
                List.of(List.of(firstOpen, openIncident), List.of(secondOpen, closed), List.of(open.get(2)));
        for (int n = 0; n < carried.size(); n++) {
            LocalDate date = day.plusDays(n);
            Instant start = siteRecord.shiftOf(date).start();
            Handover h = Handover.schedule("ho-carry-" + n, date, start, "chen", "wang");
            for (String id : carried.get(n)) {
                h = h.carryOver(id);
            }
            h = h.signAsOutgoing("chen", start).signAsIncoming("wang", start);
            if (n < 2) {
                h = h.complete(start.plusSeconds(60));
            }
            stores.handovers().save(site, null, h, change("ho-carry/" + n, ChangeType.HANDOVER_COMPLETED, T0));
        }
    }

    @Test
    void the_completion_slice_reads_the_handovers_that_carried_open_work_over_through_the_carried_over_table()
            throws SQLException {
        aSiteWithHistory();
        handoversThatCarriedWorkOver();
        SiteRecords whole = storage.export(site);
        Handover current = stores.handovers().find(site, "ho-" + D).orElseThrow();
        for (Instant at : List.of(T0, T0.minusSeconds(100_000), T0.plusSeconds(100_000))) {
            LiveSlice slice = LiveSlice.forCompletion(current, at);
            assertThat(stores.live().read(siteRecord, slice)).as("%s", at).isEqualTo(slice.apply(whole));
        }
        assertThat(stores.live()
                        .read(siteRecord, LiveSlice.forCompletion(current, T0))
                        .handovers())
                .extracting(Handover::id)
                .contains("ho-carry-0", "ho-carry-1")
                .doesNotContain("ho-carry-2");
        assertThat(column(
                        "SELECT handover_key || '/' || item_key FROM duty_carried_over WHERE site_id = ?"
                                + " ORDER BY handover_key, item_key",
                        site))
                .as("a row per completed handover and item it carried over")
                .hasSize(4)
                .contains("ho-carry-0/" + firstOpen, "ho-carry-1/" + secondOpen);
        assertThat(plan(CarriedOverTable.carriersOf(2), site, firstOpen, secondOpen))
                .as("the carriers of the open work just read, by key through the carried-over table")
                .containsIgnoringCase("duty_carried_over");
    }

    @Test
    void who_may_follow_up_an_item_reads_the_handovers_that_ever_carried_it_over_and_no_others() throws SQLException {
        aSiteWithHistory();
        handoversThatCarriedWorkOver();
        SiteRecords whole = storage.export(site);
        String closed = whole.handovers().stream()
                .filter(h -> h.id().equals("ho-carry-1"))
                .flatMap(h -> h.carriedOver().stream())
                .filter(id -> !id.equals(secondOpen))
                .findFirst()
                .orElseThrow();
        String notCompleted = whole.handovers().stream()
                .filter(h -> h.id().equals("ho-carry-2"))
                .findFirst()
                .orElseThrow()
                .carriedOver()
                .get(0);
        List<LiveSlice> slices = List.of(
                LiveSlice.forItem(firstOpen, D),
                LiveSlice.forItem(closed, D),
                LiveSlice.forItem(notCompleted, D),
                LiveSlice.forItem("no-such-item", D),
                LiveSlice.none().withCarriersOf(java.util.Set.of(firstOpen, secondOpen, closed, "no-such-item")),
                LiveSlice.forCompletion(stores.handovers().find(site, "ho-" + D).orElseThrow(), T0)
                        .withCarriersOf(java.util.Set.of(closed)));
        for (LiveSlice slice : slices) {
            assertThat(stores.live().read(siteRecord, slice)).as("%s", slice).isEqualTo(slice.apply(whole));
        }
        // more ids than one statement names: read in several, each carrier once; the known ids sort
        // after 499 unknown ones ("e-0-…" < "e-1…"), so they straddle the first two statements
        assertThat(List.of(firstOpen, secondOpen, closed)).allMatch(id -> id.compareTo("e-1") >= 0);
        java.util.Set<String> many = new java.util.TreeSet<>(java.util.Set.of(firstOpen, secondOpen, closed));
        for (int i = 0; i < LiveSliceTables.CARRIER_IDS_PER_STATEMENT - 1; i++) {
            many.add(String.format("e-0-unknown-%04d", i));
        }
        for (int i = 0; i < LiveSliceTables.CARRIER_IDS_PER_STATEMENT + 7; i++) {
            many.add(String.format("z-unknown-%04d", i));
        }
        LiveSlice wide = LiveSlice.none().withCarriersOf(many);
        assertThat(stores.live().read(siteRecord, wide)).isEqualTo(wide.apply(whole));
        assertThat(stores.live().read(siteRecord, wide).handovers())
                .extracting(Handover::id)
                .containsExactlyInAnyOrder("ho-carry-0", "ho-carry-1");
        assertThat(stores.live()
                        .read(siteRecord, LiveSlice.forItem(firstOpen, D))
                        .handovers())
                .extracting(Handover::id)
                .as("the carrier a month before, whatever the item's date, and today's shifts")
                .contains("ho-carry-0", "ho-" + D)
                .doesNotContain("ho-carry-1", "ho-carry-2");
        assertThat(stores.live().read(siteRecord, LiveSlice.forItem(closed, D)).handovers())
                .extracting(Handover::id)
                .as("a closed item's carriers too: who owned it when")
                .contains("ho-carry-1")
                .doesNotContain("ho-carry-0", "ho-carry-2");
        assertThat(stores.live()
                        .read(siteRecord, LiveSlice.forItem(notCompleted, D))
                        .handovers())
                .extracting(Handover::id)
                .as("a handover not completed passed nothing on")
                .doesNotContain("ho-carry-2");
    }

    @Test
    void the_carried_over_table_is_backfilled_and_verified_against_the_handover_table() throws SQLException {
        aSiteWithHistory();
        handoversThatCarriedWorkOver();
        assertThat(storage.verify(site).isIntact()).isTrue();

        // the backfill of V6 writes the rows for the handovers completed before V5
        sql("DELETE FROM duty_carried_over WHERE site_id = ?", site);
        assertThat(storage.verify(site).isIntact()).isFalse();
        try (java.sql.Connection c = tamperConnection()) {
            CarriedOverTable.backfill(c);
        }
        assertThat(column("SELECT item_key FROM duty_carried_over WHERE site_id = ?", site))
                .hasSize(4);
        assertThat(storage.verify(site).isIntact()).isTrue();

        // a row missing or made up is named by verify
        sql(
                "DELETE FROM duty_carried_over WHERE site_id = ? AND handover_key = 'ho-carry-0' AND item_key = ?",
                site,
                firstOpen);
        assertThat(storage.verify(site).isIntact()).isFalse();
        assertThat(storage.verify(site).firstBreak().message())
                .contains("ho-carry-0/" + firstOpen)
                .contains("missing");
        sql(
                "INSERT INTO duty_carried_over (site_id, item_key, handover_key, completed_at, incoming)"
                        + " SELECT site_id, CAST(? AS VARCHAR(500)), handover_key, completed_at, incoming FROM duty_carried_over"
                        + " WHERE site_id = ? AND handover_key = 'ho-carry-0'",
                firstOpen,
                site);
        sql(
                "INSERT INTO duty_carried_over (site_id, item_key, handover_key, completed_at, incoming)"
                        + " SELECT site_id, 'e-9', handover_key, completed_at, incoming FROM duty_carried_over"
                        + " WHERE site_id = ? AND handover_key = 'ho-carry-1' AND item_key = ?",
                site,
                secondOpen);
        assertThat(storage.verify(site).firstBreak().message()).contains("e-9").contains("no completed handover");
    }

    private List<LiveSlice> slicesAroundTheBoundaries() {
        List<LiveSlice> slices = new ArrayList<>();
        slices.add(LiveSlice.none());
        for (long offset : new long[] {-1, 0, 1}) {
            slices.add(LiveSlice.none().withOpenWorkAt(T0.plusMillis(offset)));
        }
        slices.add(LiveSlice.none().withOpenWorkAt(T0.minusSeconds(100_000)));
        slices.add(LiveSlice.none().withIncidentsOpened(T0.minusSeconds(3600), T0.plusSeconds(3600)));
        slices.add(LiveSlice.none().withIncidentsOpened(T0, T0));
        slices.add(LiveSlice.none().withIncidentsOpened(T0.plusSeconds(1), T0));
        slices.add(LiveSlice.dates(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4)));
        slices.add(LiveSlice.dates(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 5)));
        slices.add(LiveSlice.dates(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 5)));
        slices.add(LiveSlice.none().withMonths(YearMonth.of(2026, 10), YearMonth.of(2026, 11)));
        slices.add(LiveSlice.none().withMonths(YearMonth.of(2026, 12), YearMonth.of(2027, 2)));
        Handover handover = stores.handovers().find(site, "ho-" + D).orElseThrow();
        slices.add(LiveSlice.forCompletion(handover, T0));
        slices.add(LiveSlice.forCompletion(handover, T0).withIncidentsOpened(T0.minusSeconds(3600), T0));
        slices.add(LiveSlice.none().withLogged(T0.minusSeconds(3600), T0));
        slices.add(LiveSlice.none().withLogged(T0, T0));
        slices.add(LiveSlice.none().withLogged(T0.plusMillis(1), T0));
        slices.add(LiveSlice.none().withLogged(T0.minusSeconds(3600), T0).withOpenWorkAt(T0));
        slices.add(LiveSlice.dates(D, D).withHandoversFrom(LocalDate.of(2026, 11, 1)));
        slices.add(LiveSlice.dates(D, D).withHandoversFrom(LocalDate.of(2026, 11, 5)));
        Instant asOf = T0.plusSeconds(7200);
        slices.add(io.dutykit.core.procedure.Deadlines.defaults()
                .window(siteRecord, asOf, java.time.Duration.ofHours(26))
                .liveSlice());
        return slices;
    }

    @Test
    void every_slice_is_exactly_what_the_one_definition_keeps_of_the_whole_site() {
        aSiteWithHistory();
        SiteRecords whole = storage.export(site);
        for (LiveSlice slice : slicesAroundTheBoundaries()) {
            assertThat(stores.live().read(siteRecord, slice)).as("%s", slice).isEqualTo(slice.apply(whole));
        }
        LiveSlice open = LiveSlice.none().withOpenWorkAt(T0);
        assertThat(stores.live().read(siteRecord, open).entries())
                .as("closed exactly at the instant is closed; a millisecond later is open")
                .extracting(LogEntry::closedAt)
                .contains(null, T0.plusMillis(1))
                .doesNotContain(T0, T0.minusMillis(1));
    }

    @Test
    void entries_and_calls_are_read_by_the_instant_they_were_logged_whatever_their_text_holds() {
        aSiteWithHistory();
        SiteRecords slice = stores.live().read(siteRecord, LiveSlice.none().withLogged(T0.minusSeconds(3600), T0));
        assertThat(slice.calls()).extracting(Call::at).containsExactly(T0.minusSeconds(3600), T0.minusMillis(1), T0);
        assertThat(slice.entries())
                .filteredOn(e -> e.text().startsWith("\"at\""))
                .extracting(LogEntry::at)
                .containsExactly(T0.minusSeconds(3600), T0.minusMillis(1), T0);
        assertThat(slice.calls()).allSatisfy(c -> assertThat(c.entry()).isNotNull());
    }

    @Test
    void patrols_thanks_and_corrections_are_never_open_work_and_every_other_kind_can_be() throws SQLException {
        aSiteWithHistory();
        for (EntryKind kind : EntryKind.values()) {
            List<String> openUntil = column(
                    "SELECT open_until FROM duty_entry WHERE site_id = ? AND data LIKE ? AND data LIKE ?",
                    site,
                    "%\"kind\":\"" + kind + "\"%",
                    "%\"closedAt\":null%");
            assertThat(openUntil).as("%s", kind).hasSize(1);
            if (kind.canBeOpenWork()) {
                assertThat(openUntil.get(0)).as("%s", kind).isEqualTo("9999-12-31T23:59:59.999Z");
            } else {
                assertThat(openUntil.get(0)).as("%s", kind).isNull();
            }
        }
    }

    @Test
    void the_slice_columns_are_the_databases_own_and_cannot_be_set() throws SQLException {
        aSiteWithHistory();
        for (String statement : List.of(
                "UPDATE duty_entry SET open_until = '0' WHERE site_id = ?",
                "UPDATE duty_incident SET open_until = '0' WHERE site_id = ?",
                "UPDATE duty_incident SET opened_at = '0' WHERE site_id = ?",
                "UPDATE duty_leave SET duty_date = '0' WHERE site_id = ?",
                "UPDATE duty_review SET duty_date = '0' WHERE site_id = ?",
                "UPDATE duty_report SET duty_date = '0' WHERE site_id = ?",
                "UPDATE duty_entry SET logged_at = '0' WHERE site_id = ?",
                "UPDATE duty_call SET logged_at = '0' WHERE site_id = ?")) {
            assertThatThrownBy(() -> sql(statement, site)).as(statement).isInstanceOf(SQLException.class);
        }
        // hiding open work means changing the row's data, which verification compares with the log
        sql(
                "UPDATE duty_entry SET data = REPLACE(data, '\"closedAt\":null', '\"closedAt\":\"2000-01-01T00:00:00.000Z\"')"
                        + " WHERE site_id = ? AND record_key = 'e-1'",
                site);
        assertThat(storage.verify(site).isIntact()).isFalse();
        assertThat(storage.verify(site).firstBreak().message()).contains("e-1");
    }

    @Test
    void each_part_of_a_slice_is_a_range_of_an_index_that_leads_with_the_site() throws SQLException {
        aSiteWithHistory();
        String t = io.dutykit.core.chain.CanonicalJson.instant(T0);
        assertThat(plan(LiveSliceTables.select("duty_entry", LiveSliceTables.OPEN_AT), site, t))
                .containsIgnoringCase("duty_entry_open");
        assertThat(plan(LiveSliceTables.select("duty_incident", LiveSliceTables.OPEN_AT), site, t))
                .containsIgnoringCase("duty_incident_open");
        assertThat(plan(LiveSliceTables.select("duty_incident", LiveSliceTables.OPENED), site, t, t))
                .containsIgnoringCase("duty_incident_opened");
        for (String table : List.of("duty_entry", "duty_call")) {
            assertThat(plan(LiveSliceTables.select(table, LiveSliceTables.LOGGED), site, t, t))
                    .containsIgnoringCase(table + "_logged");
        }
        for (String table : List.of("duty_leave", "duty_review", "duty_report")) {
            assertThat(plan(
                            LiveSliceTables.select(table, LiveSliceTables.DUTY_DATES),
                            site,
                            "2026-11-02",
                            "2026-11-04"))
                    .containsIgnoringCase(table + "_date");
        }
        assertThat(plan(LiveSliceTables.select("duty_handover", LiveSliceTables.HANDOVER_DATES), site, D, D))
                .containsIgnoringCase("duty_handover_shift");
        // rosters: one probe of the primary key per month (Dialect.selectByKeys, as appends look keys up)
    }

    /**
     * Every key and index of DutyKit's tables leads with the site id (docs/storage.md, "Several nodes, one
     * database"): the schema can be distributed by site, and a site's rows are one range of each index.
     */
    @Test
    void every_key_and_index_of_every_table_leads_with_the_site_id() throws SQLException {
        try (java.sql.Connection c = dataSource().getConnection()) {
            java.sql.DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (java.sql.ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (name.startsWith("duty_") && !tables.contains(rs.getString("TABLE_NAME"))) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertThat(tables).as("DutyKit's tables").hasSizeGreaterThanOrEqualTo(18);
            int keys = 0;
            for (String table : tables) {
                try (java.sql.ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
                    while (rs.next()) {
                        if (rs.getInt("KEY_SEQ") == 1) {
                            assertThat(rs.getString("COLUMN_NAME"))
                                    .as("the primary key of %s", table)
                                    .isEqualToIgnoringCase("site_id");
                            keys++;
                        }
                    }
                }
                try (java.sql.ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getInt("ORDINAL_POSITION") == 1) {
                            assertThat(rs.getString("COLUMN_NAME"))
                                    .as("index %s of %s", rs.getString("INDEX_NAME"), table)
                                    .isEqualToIgnoringCase("site_id");
                        }
                    }
                }
            }
            assertThat(keys).as("a primary key per table").isEqualTo(tables.size());
        }
    }
}
