package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.ProcessReview;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.record.Training;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.roster.RosterDuty;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract every database runs (H2 in {@code H2StoreTest}, PostgreSQL in {@code
 * PostgresStoreIT}): compare-and-set saves, idempotent retries, one handover per shift, the chain and
 * its verification against raw-SQL tampering, retention, export and import, concurrency and hostile
 * text.
 */
abstract class StoreContract {
    static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
    static final LocalDate D = LocalDate.of(2026, 11, 2);
    static final Instant T = Instant.parse("2026-11-02T09:25:00Z");
    private static final AtomicInteger SITES = new AtomicInteger();

    /** The database the tests of one class share (sites keep them apart). */
    abstract DataSource dataSource();

    /** A new, empty database. */
    abstract DataSource freshDatabase();

    /**
     * A connection for tampering behind the library's back; on PostgreSQL it bypasses the append-only
     * triggers, as a superuser could.
     */
    abstract Connection tamperConnection() throws SQLException;

    JdbcStores storage;
    DutyStores stores;
    String site;

    @BeforeEach
    void openStorage() {
        storage = JdbcStores.open(dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        stores = storage.stores();
        site = "site-" + SITES.incrementAndGet() + "-" + getClass().getSimpleName();
        stores.sites()
                .save(
                        site,
                        null,
                        Site.of(site, "Garden Court 花园", null, null),
                        change("site", ChangeType.SITE_CONFIGURED));
        stores.staff()
                .save(
                        site,
                        null,
                        Staff.of("wang", "王芳", Role.DUTY_OFFICER),
                        change("staff/wang", ChangeType.STAFF_REGISTERED));
        stores.staff()
                .save(
                        site,
                        null,
                        Staff.of("chen", "陈", Role.DUTY_OFFICER),
                        change("staff/chen", ChangeType.STAFF_REGISTERED));
        stores.staff()
                .save(
                        site,
                        null,
                        Staff.of("li", "李强", Role.SUPERVISOR),
                        change("staff/li", ChangeType.STAFF_REGISTERED));
    }

    static Change change(String id, ChangeType type) {
        return new Change(id, type, T, "li");
    }

    static Change change(String id, ChangeType type, Instant at) {
        return new Change(id, type, at, "wang");
    }

    LogEntry entry(String id) {
        return LogEntry.of(id, D, T, "wang", EntryKind.ENQUIRY, "text of " + id, false);
    }

    void append(String id) {
        stores.entries().save(site, null, entry(id), change(id, ChangeType.ENTRY_APPENDED, T));
    }

    int sql(String statement, Object... binds) {
        try (Connection c = tamperConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setObject(i + 1, binds[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("tampering failed: " + e.getMessage(), e);
        }
    }

    ChainBreak brokenAt() {
        ChainVerification result = storage.verify(site);
        assertThat(result.isIntact()).as("verification of %s", site).isFalse();
        return result.firstBreak();
    }

    // ---- saving ---------------------------------------------------------------------------------

    @Test
    void every_kind_of_record_is_stored_and_read_back_unchanged() {
        Handover handover = Handover.schedule("ho-1", D, Instant.parse("2026-11-02T09:30:00Z"), "chen", "wang")
                .recordIncomingArrival(T)
                .countInventory(new InventoryLine("WALKIE_TALKIE", 2, 1, 0, "one charging"))
                .recordAnomaly(new Anomaly("door ajar", "wind"))
                .carryOver("e-1")
                .signAsOutgoing("chen", T.plusSeconds(60))
                .signAsIncoming("wang", T.plusSeconds(90));
        Incident incident = Incident.open("inc-1", D, T, "wang", "WATER_LEAK", IncidentSeverity.MAJOR)
                .escalateTo(new Escalation("li", T.plusSeconds(60), true, "send plumber", null));
        Roster roster = new Roster(YearMonth.of(2026, 11), T, "li", List.of(new RosterDuty(D, "wang")));
        Leave leave = new Leave("lv-1", "wang", D, T, "li", T.plusSeconds(5), "chen", "sick");
        Call call = new Call("c-1", T, CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang");
        Absence absence = new Absence("ab-1", "wang", T, null, null, "toilet");
        SupervisorReview review =
                new SupervisorReview(D, "li", T, stores.log().head(site).orElseThrow());
        DutyReport report = new DutyReport(D, "wang", T, null, null);
        Training training = new Training(D, "fire drill", List.of("wang", "chen"));
        ProcessReview processReview = new ProcessReview(YearMonth.of(2026, 10), T, "fine");
        SpotCheck spotCheck = new SpotCheck(D, "li", T, "ok");
        append("e-1");
        stores.handovers().save(site, null, handover, change("ho-1/signed", ChangeType.HANDOVER_SIGNED));
        stores.incidents().save(site, null, incident, change("inc-1", ChangeType.INCIDENT_OPENED));
        stores.rosters().save(site, null, roster, change("roster", ChangeType.ROSTER_PUBLISHED));
        stores.leaves().save(site, null, leave, change("lv-1", ChangeType.LEAVE_APPROVED));
        stores.calls().save(site, null, call, change("c-1", ChangeType.CALL_RECORDED));
        stores.absences().save(site, null, absence, change("ab-1", ChangeType.ABSENCE_STARTED));
        stores.reviews().save(site, null, review, change("review", ChangeType.REVIEW_SIGNED));
        stores.dutyReports().save(site, null, report, change("report", ChangeType.DUTY_REPORT_SUBMITTED));
        stores.trainings().save(site, null, training, change("training", ChangeType.TRAINING_RECORDED));
        stores.processReviews().save(site, null, processReview, change("pr", ChangeType.PROCESS_REVIEW_RECORDED));
        stores.spotChecks().save(site, null, spotCheck, change("spot", ChangeType.SPOT_CHECK_RECORDED));

        assertThat(stores.handovers().find(site, "ho-1")).contains(handover);
        assertThat(stores.handovers().findScheduled(site, D, handover.scheduledAt()))
                .contains(handover);
        assertThat(stores.incidents().all(site)).containsExactly(incident);
        assertThat(stores.rosters().find(site, "2026-11")).contains(roster);
        assertThat(stores.leaves().find(site, "lv-1")).contains(leave);
        assertThat(stores.calls().find(site, "c-1")).contains(call);
        assertThat(stores.absences().find(site, "ab-1")).contains(absence);
        assertThat(stores.reviews().find(site, review.key())).contains(review);
        assertThat(stores.dutyReports().find(site, report.key())).contains(report);
        assertThat(stores.trainings().find(site, training.key())).contains(training);
        assertThat(stores.processReviews().find(site, "2026-10")).contains(processReview);
        assertThat(stores.spotChecks().find(site, spotCheck.key())).contains(spotCheck);
        assertThat(stores.staff().all(site)).extracting(Staff::id).containsExactly("wang", "chen", "li");
        assertThat(stores.sites().find(site, site).orElseThrow().name()).isEqualTo("Garden Court 花园");

        List<LogRecord> log = stores.log().records(site);
        assertThat(log).hasSize(4 + 12);
        assertThat(log).extracting(LogRecord::seq).containsExactlyElementsOf(seqs(1, 16));
        assertThat(stores.log().head(site)).contains(log.get(15).hash());
        assertThat(storage.verify(site).isIntact()).isTrue();
        SiteRecords exported = storage.export(site);
        assertThat(LogChain.verify(exported).isIntact()).isTrue();
        assertThat(exported.handovers()).containsExactly(handover);
    }

    private static List<Long> seqs(long from, long to) {
        List<Long> list = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            list.add(i);
        }
        return list;
    }

    @Test
    void a_save_is_a_compare_and_set() {
        LogEntry open = entry("e-1");
        append("e-1");
        assertThatThrownBy(() ->
                        stores.entries().save(site, null, open, change("e-1/again", ChangeType.ENTRY_APPENDED, T)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        LogEntry closed = open.close(T.plusSeconds(60));
        stores.entries().save(site, open, closed, change("e-1/closed", ChangeType.ENTRY_CLOSED, T.plusSeconds(60)));
        LogEntry other = new LogEntry(
                "e-1", D, T, "wang", EntryKind.ENQUIRY, "edited", false, T.plusSeconds(90), List.of(), null);
        assertThatThrownBy(
                        () -> stores.entries().save(site, open, other, change("e-1/stale", ChangeType.ENTRY_CLOSED, T)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed since it was read");
        assertThatThrownBy(() -> stores.entries()
                        .save(site, entry("e-2"), entry("e-2"), change("e-2", ChangeType.ENTRY_CLOSED, T)))
                .isInstanceOf(ConflictException.class);
        assertThat(stores.entries().find(site, "e-1")).contains(closed);
        assertThat(stores.log().records(site)).hasSize(6);
    }

    @Test
    void a_retried_change_is_accepted_once_and_a_reused_id_with_other_content_is_refused() {
        append("e-1");
        append("e-1");
        assertThat(stores.log().records(site)).hasSize(5);
        LogEntry different = LogEntry.of("e-1", D, T, "wang", EntryKind.ENQUIRY, "other text", false);
        assertThatThrownBy(
                        () -> stores.entries().save(site, null, different, change("e-1", ChangeType.ENTRY_APPENDED, T)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already used");
        assertThat(stores.entries().find(site, "e-1")).contains(entry("e-1"));
    }

    @Test
    void a_change_type_must_fit_the_store() {
        assertThatThrownBy(
                        () -> stores.entries().save(site, null, entry("e-1"), change("x", ChangeType.CALL_RECORDED, T)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> stores.entries().save(site, null, entry("e-1"), change("x", ChangeType.CHECKPOINT, T)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void one_handover_per_shift() {
        Instant start = Instant.parse("2026-11-02T09:30:00Z");
        stores.handovers()
                .save(
                        site,
                        null,
                        Handover.schedule("ho-a", D, start, "chen", "wang"),
                        change("ho-a", ChangeType.HANDOVER_OPENED));
        assertThatThrownBy(() -> stores.handovers()
                        .save(
                                site,
                                null,
                                Handover.schedule("ho-b", D, start, "wang", "chen"),
                                change("ho-b", ChangeType.HANDOVER_OPENED)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("ho-a");
        assertThat(stores.handovers().all(site)).extracting(Handover::id).containsExactly("ho-a");
    }

    @Test
    void a_batch_is_saved_in_order_in_one_transaction_and_all_or_nothing() {
        LogEntry open = entry("b-1");
        LogEntry closed = open.close(T.plusSeconds(60));
        Instant start = Instant.parse("2026-11-02T09:30:00Z");
        List<PendingSave> batch = new ArrayList<>();
        batch.add(new PendingSave(null, open, change("b-1", ChangeType.ENTRY_APPENDED, T)));
        batch.add(new PendingSave(open, closed, change("b-1/closed", ChangeType.ENTRY_CLOSED, T.plusSeconds(60))));
        batch.add(new PendingSave(
                null, Handover.schedule("ho-b", D, start, "chen", "wang"), change("ho-b", ChangeType.HANDOVER_OPENED)));
        for (int i = 2; i <= 50; i++) {
            batch.add(new PendingSave(null, entry("b-" + i), change("b-" + i, ChangeType.ENTRY_APPENDED, T)));
        }
        assertThat(storage.saveAll(site, batch)).isEqualTo(52);
        assertThat(stores.entries().find(site, "b-1")).contains(closed);
        assertThat(stores.entries().all(site)).hasSize(50);
        assertThat(storage.verify(site).isIntact()).isTrue();
        // retried as a whole: nothing new
        assertThat(storage.saveAll(site, batch)).isZero();

        List<PendingSave> clashing = List.of(
                new PendingSave(null, entry("c-1"), change("c-1", ChangeType.ENTRY_APPENDED, T)),
                new PendingSave(
                        null,
                        Handover.schedule("ho-c", D, start, "wang", "chen"),
                        change("ho-c", ChangeType.HANDOVER_OPENED)));
        assertThatThrownBy(() -> storage.saveAll(site, clashing)).isInstanceOf(ConflictException.class);
        assertThat(stores.entries().find(site, "c-1")).isEmpty();
        List<PendingSave> stale = List.of(
                new PendingSave(null, entry("d-1"), change("d-1", ChangeType.ENTRY_APPENDED, T)),
                new PendingSave(open, closed, change("b-1/closed-again", ChangeType.ENTRY_CLOSED, T)));
        assertThatThrownBy(() -> storage.saveAll(site, stale)).isInstanceOf(ConflictException.class);
        assertThat(stores.entries().find(site, "d-1")).isEmpty();
        assertThat(stores.log().records(site)).hasSize(4 + 52);
        assertThat(storage.verify(site).isIntact()).isTrue();
    }

    private PendingSave opening(Handover handover) {
        return new PendingSave(null, handover, change(handover.id(), ChangeType.HANDOVER_OPENED));
    }

    @Test
    void a_batch_checks_every_handover_shift_against_the_stored_ones_and_the_batch() {
        Instant first = Instant.parse("2026-11-02T09:30:00Z");
        Instant second = Instant.parse("2026-11-03T09:30:00Z");
        Instant third = Instant.parse("2026-11-04T09:30:00Z");
        LocalDate d2 = D.plusDays(1);
        LocalDate d3 = D.plusDays(2);
        Handover stored = Handover.schedule("ho-1", D, first, "chen", "wang");
        stores.handovers().save(site, null, stored, change("ho-1", ChangeType.HANDOVER_OPENED));

        // a shift held in the database, by another handover: refused, naming the holder; nothing saved
        List<PendingSave> clashWithStored = List.of(
                opening(Handover.schedule("ho-2", d2, second, "wang", "chen")),
                opening(Handover.schedule("ho-3", D, first, "wang", "chen")));
        assertThatThrownBy(() -> storage.saveAll(site, clashWithStored))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("ho-1")
                .hasMessageContaining("ho-3");
        assertThat(stores.handovers().all(site)).extracting(Handover::id).containsExactly("ho-1");

        // a shift taken earlier in the same batch: refused, naming the batch's handover
        List<PendingSave> clashInBatch = List.of(
                opening(Handover.schedule("ho-2", d2, second, "wang", "chen")),
                opening(Handover.schedule("ho-4", d2, second, "chen", "wang")));
        assertThatThrownBy(() -> storage.saveAll(site, clashInBatch))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("ho-2")
                .hasMessageContaining("ho-4");

        // the stored handover saved again on its own shift, two new shifts, entries: all accepted
        Handover moved = Handover.schedule("ho-1", D, first, "chen", "li");
        List<PendingSave> fine = List.of(
                new PendingSave(stored, moved, change("ho-1/again", ChangeType.HANDOVER_OPENED)),
                opening(Handover.schedule("ho-2", d2, second, "wang", "chen")),
                new PendingSave(null, entry("h-e-1"), change("h-e-1", ChangeType.ENTRY_APPENDED, T)),
                opening(Handover.schedule("ho-5", d3, third, "chen", "wang")));
        assertThat(storage.saveAll(site, fine)).isEqualTo(4);
        assertThat(stores.handovers().all(site)).extracting(Handover::id).containsExactly("ho-1", "ho-2", "ho-5");
        assertThat(stores.handovers().findScheduled(site, D, first)).contains(moved);
        // retried as a whole: accepted once, nothing new
        assertThat(storage.saveAll(site, fine)).isZero();
        // a retried id with other content is refused, the compare-and-set holds across kinds in one batch
        List<PendingSave> stale = List.of(
                new PendingSave(null, entry("h-e-2"), change("h-e-2", ChangeType.ENTRY_APPENDED, T)),
                new PendingSave(stored, moved, change("ho-1/stale", ChangeType.HANDOVER_OPENED)));
        assertThatThrownBy(() -> storage.saveAll(site, stale))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed since it was read");
        List<PendingSave> reused = List.of(
                new PendingSave(null, entry("h-e-3"), change("h-e-1", ChangeType.ENTRY_APPENDED, T.plusSeconds(1))));
        assertThatThrownBy(() -> storage.saveAll(site, reused))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already used");
        assertThat(stores.entries().find(site, "h-e-2")).isEmpty();
        assertThat(storage.verify(site).isIntact()).isTrue();
    }

    @Test
    void the_first_batch_of_a_new_site_creates_its_head_and_chains_from_genesis() {
        String fresh = site + "-new";
        List<PendingSave> batch = List.of(
                new PendingSave(null, Site.of(fresh, "New", null, null), change("site", ChangeType.SITE_CONFIGURED)),
                new PendingSave(null, entry("n-1"), change("n-1", ChangeType.ENTRY_APPENDED, T)));
        assertThat(storage.saveAll(fresh, batch)).isEqualTo(2);
        assertThat(stores.log().records(fresh))
                .extracting(LogRecord::prevHash)
                .first()
                .isEqualTo(LogRecord.GENESIS);
        assertThat(storage.saveAll(fresh, batch)).isZero();
        assertThat(storage.verify(fresh).isIntact()).isTrue();
    }

    // ---- tampering ------------------------------------------------------------------------------

    void fiveEntries() {
        for (int i = 1; i <= 5; i++) {
            append("e-" + i);
        }
        assertThat(storage.verify(site).isIntact()).isTrue();
    }

    @Test
    void an_altered_log_record_is_named() {
        fiveEntries();
        sql(
                "UPDATE duty_log SET data = REPLACE(data, 'text of e-2', 'text of e-X') WHERE site_id = ? AND seq = 6",
                site);
        ChainBreak found = brokenAt();
        assertThat(found.seq()).isEqualTo(6);
        assertThat(found.recordId()).isEqualTo("e-2");
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.HASH_MISMATCH);
    }

    @Test
    void the_chain_only_walk_catches_the_log_but_leaves_the_tables_to_the_full_verification() {
        fiveEntries();
        assertThat(storage.verifyChain(site, stores.log().head(site).orElseThrow())
                        .isIntact())
                .isTrue();
        sql("UPDATE duty_entry SET data = REPLACE(data, 'text of e-4', 'nothing happened') WHERE site_id = ?", site);
        assertThat(storage.verifyChain(site, null).isIntact()).isTrue();
        assertThat(storage.verify(site).isIntact()).isFalse();
        sql("UPDATE duty_log SET actor = 'mallory' WHERE site_id = ? AND seq = 7", site);
        ChainBreak found = storage.verifyChain(site, null).firstBreak();
        assertThat(found.seq()).isEqualTo(7);
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.HASH_MISMATCH);
    }

    @Test
    void a_removed_log_record_is_named() {
        fiveEntries();
        sql("DELETE FROM duty_log WHERE site_id = ? AND seq = 6", site);
        ChainBreak found = brokenAt();
        assertThat(found.seq()).isEqualTo(7);
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.SEQ_GAP);
    }

    @Test
    void an_inserted_log_record_is_named() {
        fiveEntries();
        List<LogRecord> log = stores.log().records(site);
        // make room at seq 7 and insert a well-formed record that chains from seq 6
        for (long seq = 9; seq >= 7; seq--) {
            sql("UPDATE duty_log SET seq = ? WHERE site_id = ? AND seq = ?", seq + 1, site, seq);
        }
        LogEntry forged = entry("forged");
        LogRecord record = LogChain.link(log.get(5), "forged", "ENTRY_APPENDED", T, "wang", Snapshots.toData(forged));
        sql(
                "INSERT INTO duty_log (site_id, seq, record_id, type, at, actor, data, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                site,
                record.seq(),
                record.id(),
                record.type(),
                T.atOffset(ZoneOffset.UTC),
                record.actor(),
                CanonicalJson.write(record.data()),
                record.prevHash(),
                record.hash());
        ChainBreak found = brokenAt();
        assertThat(found.seq()).isEqualTo(8);
        assertThat(found.recordId()).isEqualTo("e-3");
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.PREV_HASH_MISMATCH);
    }

    @Test
    void reordered_log_records_are_named() {
        fiveEntries();
        sql("UPDATE duty_log SET seq = 1000 WHERE site_id = ? AND seq = 6", site);
        sql("UPDATE duty_log SET seq = 6 WHERE site_id = ? AND seq = 7", site);
        sql("UPDATE duty_log SET seq = 7 WHERE site_id = ? AND seq = 1000", site);
        ChainBreak found = brokenAt();
        assertThat(found.seq()).isEqualTo(6);
        assertThat(found.recordId()).isEqualTo("e-3");
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.PREV_HASH_MISMATCH);
    }

    @Test
    void a_changed_query_table_is_named() {
        fiveEntries();
        sql("UPDATE duty_entry SET data = REPLACE(data, 'text of e-4', 'nothing happened') WHERE site_id = ?", site);
        ChainBreak found = brokenAt();
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.LIST_DISAGREES);
        assertThat(found.seq()).isEqualTo(8);
        assertThat(found.recordId()).isEqualTo("e-4");
    }

    Handover signedHandover() {
        Handover handover = Handover.schedule("ho-1", D, Instant.parse("2026-11-02T09:30:00Z"), "chen", "wang")
                .countInventory(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null));
        stores.handovers().save(site, null, handover, change("ho-1", ChangeType.HANDOVER_OPENED));
        Handover signed = handover.signAsOutgoing("chen", T.plusSeconds(60));
        stores.handovers().save(site, handover, signed, change("ho-1/sign", ChangeType.HANDOVER_SIGNED));
        append("e-after");
        assertThat(storage.verify(site).isIntact()).isTrue();
        return signed;
    }

    @Test
    void a_signed_handover_changed_in_its_table_is_reported() {
        signedHandover();
        sql("UPDATE duty_handover SET data = REPLACE(data, '\"counted\":2', '\"counted\":1') WHERE site_id = ?", site);
        ChainBreak found = brokenAt();
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.SIGNATURE_MISMATCH);
        assertThat(found.recordId()).isEqualTo("ho-1/sign");
    }

    @Test
    void a_signed_handover_rewritten_with_a_recomputed_chain_is_reported() {
        signedHandover();
        List<LogRecord> log = stores.log().records(site);
        // rewrite the signed record and re-hash everything after it, head row and table included
        LogRecord previous = log.get(4);
        for (int i = 5; i < log.size(); i++) {
            LogRecord r = log.get(i);
            Map<String, Object> data = r.data();
            if (r.id().equals("ho-1/sign")) {
                String text = CanonicalJson.write(data).replace("\"counted\":2", "\"counted\":1");
                data = CanonicalJson.readObject(text);
                sql("UPDATE duty_handover SET data = ? WHERE site_id = ?", text, site);
            }
            LogRecord rewritten = LogChain.link(previous, r.id(), r.type(), r.at(), r.actor(), data);
            sql(
                    "UPDATE duty_log SET data = ?, prev_hash = ?, hash = ? WHERE site_id = ? AND seq = ?",
                    CanonicalJson.write(data),
                    rewritten.prevHash(),
                    rewritten.hash(),
                    site,
                    r.seq());
            previous = rewritten;
        }
        sql("UPDATE duty_log_head SET hash = ? WHERE site_id = ?", previous.hash(), site);
        ChainBreak found = brokenAt();
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.SIGNATURE_MISMATCH);
        assertThat(found.seq()).isEqualTo(6);
    }

    @Test
    void a_truncated_log_is_caught_against_the_head_a_supervisor_signed() {
        fiveEntries();
        String signedHead = stores.log().head(site).orElseThrow();
        stores.reviews()
                .save(
                        site,
                        null,
                        new SupervisorReview(D, "li", T, signedHead),
                        change("review", ChangeType.REVIEW_SIGNED));
        append("e-6");
        String printedHead = stores.log().head(site).orElseThrow();
        assertThat(storage.verify(site, printedHead).isIntact()).isTrue();

        // a clean truncation of the last two records, query tables and head row included
        List<LogRecord> log = stores.log().records(site);
        sql("DELETE FROM duty_log WHERE site_id = ? AND seq > 9", site);
        sql("DELETE FROM duty_review WHERE site_id = ?", site);
        sql("DELETE FROM duty_entry WHERE site_id = ? AND record_key = 'e-6'", site);
        sql(
                "UPDATE duty_log_head SET seq = 9, hash = ? WHERE site_id = ?",
                log.get(8).hash(),
                site);
        assertThat(storage.verify(site).isIntact()).isTrue();
        ChainVerification against = storage.verify(site, printedHead);
        assertThat(against.firstBreak().problem()).isEqualTo(ChainBreak.Problem.ANCHOR_NOT_FOUND);
        assertThat(against.firstBreak().seq()).isEqualTo(9);

        // truncating without fixing the head row is caught without any outside anchor
        sql("DELETE FROM duty_log WHERE site_id = ? AND seq = 9", site);
        sql("DELETE FROM duty_entry WHERE site_id = ? AND record_key = 'e-5'", site);
        assertThat(brokenAt().problem()).isEqualTo(ChainBreak.Problem.ANCHOR_NOT_FOUND);
        assertThat(storage.verify(site, signedHead).firstBreak().problem())
                .isEqualTo(ChainBreak.Problem.ANCHOR_NOT_FOUND);
    }

    // ---- issue 18, findings 2 and 3: every site is found from its log, every record it holds is named --

    @Test
    void a_site_whose_head_row_was_deleted_is_still_listed_and_reported_broken() {
        fiveEntries();
        sql("DELETE FROM duty_log_head WHERE site_id = ?", site);

        assertThat(storage.siteIds()).contains(site);
        assertThat(storage.verifyAll()).containsKey(site);
        ChainBreak found = brokenAt();
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.ANCHOR_NOT_FOUND);
        assertThat(found.seq()).isEqualTo(9);
        assertThat(found.message()).contains("no head row");
    }

    @Test
    void a_record_whose_data_is_not_json_is_named_even_when_the_chain_was_recomputed() {
        fiveEntries();
        rewriteWithRecomputedChain(7, "not json");

        ChainBreak found = brokenAt();
        assertThat(found.seq()).isEqualTo(7);
        assertThat(found.recordId()).isEqualTo("e-3");
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.MALFORMED);
        assertThat(found.message()).contains("not a readable record");
    }

    @Test
    void a_record_nested_too_deeply_is_named_not_a_stack_overflow() {
        fiveEntries();
        int depth = 100_000;
        rewriteWithRecomputedChain(8, "{\"id\":\"e-4\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}");

        ChainBreak found = brokenAt();
        assertThat(found.seq()).isEqualTo(8);
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.MALFORMED);
        assertThat(storage.verifyChain(site, null).isIntact()).isTrue(); // the chain alone reads no record
        assertThatThrownBy(() -> storage.export(site))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("log record 8 (e-4)");
    }

    @Test
    void a_record_holding_an_escaped_unpaired_surrogate_is_named_even_when_the_chain_was_recomputed() {
        fiveEntries();
        String text = CanonicalJson.write(stores.log().records(site).get(6).data());
        // a JSON escape of a lone high surrogate: plain ASCII text, so its hash can be recomputed
        rewriteWithRecomputedChain(7, text.replace("text of e-3", "text of e-3\\ud800"));

        ChainBreak found = brokenAt();
        assertThat(found.seq()).isEqualTo(7);
        assertThat(found.recordId()).isEqualTo("e-3");
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.MALFORMED);
        assertThat(found.message()).contains("not a readable record").contains("surrogate");
        assertThat(storage.verifyAll().get(site).isIntact()).isFalse();
        assertThatThrownBy(() -> storage.export(site))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("log record 7 (e-3)");
    }

    /**
     * Replaces the data text of the record at {@code seq} and re-hashes it and every record after it,
     * and the head row, as someone who knows the chain's format could.
     */
    void rewriteWithRecomputedChain(long seq, String dataText) {
        List<LogRecord> log = stores.log().records(site);
        LogRecord previous = log.get((int) seq - 2);
        for (int i = (int) seq - 1; i < log.size(); i++) {
            LogRecord r = log.get(i);
            String text = r.seq() == seq ? dataText : CanonicalJson.write(r.data());
            LogRecord unhashed =
                    new LogRecord(r.seq(), r.id(), r.type(), r.at(), r.actor(), r.data(), previous.hash(), null);
            LogRecord rewritten = new LogRecord(
                    r.seq(),
                    r.id(),
                    r.type(),
                    r.at(),
                    r.actor(),
                    r.data(),
                    previous.hash(),
                    LogChain.hashOf(unhashed, text));
            sql(
                    "UPDATE duty_log SET data = ?, prev_hash = ?, hash = ? WHERE site_id = ? AND seq = ?",
                    text,
                    rewritten.prevHash(),
                    rewritten.hash(),
                    site,
                    r.seq());
            previous = rewritten;
        }
        sql("UPDATE duty_log_head SET hash = ? WHERE site_id = ?", previous.hash(), site);
    }

    // ---- retention ------------------------------------------------------------------------------

    @Test
    void a_purge_removes_whole_old_duty_dates_and_leaves_a_chain_that_verifies() {
        Instant old = Instant.parse("2022-03-01T10:00:00Z");
        LocalDate oldDate = LocalDate.of(2022, 3, 1);
        String purgeSite = site + "-p";
        stores.sites()
                .save(
                        purgeSite,
                        null,
                        Site.of(purgeSite, "Old", null, null),
                        change("site", ChangeType.SITE_CONFIGURED, old));
        stores.staff()
                .save(
                        purgeSite,
                        null,
                        Staff.of("wang", "王芳", Role.DUTY_OFFICER),
                        change("staff/wang", ChangeType.STAFF_REGISTERED, old));
        LogEntry oldEntry = LogEntry.of("old-1", oldDate, old, "wang", EntryKind.NOTE, "old", false);
        stores.entries().save(purgeSite, null, oldEntry, change("old-1", ChangeType.ENTRY_APPENDED, old));
        LogEntry oldOpen = LogEntry.of("old-2", oldDate, old, "wang", EntryKind.ENQUIRY, "still open", false);
        stores.entries().save(purgeSite, null, oldOpen, change("old-2", ChangeType.ENTRY_APPENDED, old));
        Call oldCall = new Call("c-old", old, CallLine.HOTLINE, CallDirection.INBOUND, 1, true, "wang");
        stores.calls().save(purgeSite, null, oldCall, change("c-old", ChangeType.CALL_RECORDED, old));
        LogEntry recent = LogEntry.of("new-1", D, T, "wang", EntryKind.NOTE, "recent", false);
        stores.entries().save(purgeSite, null, recent, change("new-1", ChangeType.ENTRY_APPENDED, T));
        // an old entry closed recently keeps its records: it has a log record after the purged part
        stores.entries().save(purgeSite, oldOpen, oldOpen.close(T), change("old-2/closed", ChangeType.ENTRY_CLOSED, T));

        assertThatThrownBy(() -> storage.purge(purgeSite, Period.ofYears(1), "li"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("3 years");
        PurgeResult result = storage.purge(purgeSite, Period.ofYears(3), "li");
        assertThat(result.purgedBefore()).isEqualTo(LocalDate.of(2023, 11, 26));
        assertThat(result.removedLogRecords()).isEqualTo(5);
        assertThat(result.removedRecords()).isEqualTo(2);
        assertThat(result.checkpointSeq()).isEqualTo(8);

        assertThat(storage.verify(purgeSite).isIntact()).isTrue();
        SiteRecords exported = storage.export(purgeSite);
        assertThat(exported.purgedBefore()).isEqualTo(LocalDate.of(2023, 11, 26));
        assertThat(exported.log()).extracting(LogRecord::seq).containsExactly(6L, 7L, 8L);
        assertThat(exported.entries()).extracting(LogEntry::id).containsExactly("old-2", "new-1");
        assertThat(exported.calls()).isEmpty();
        assertThat(exported.staff()).extracting(Staff::id).containsExactly("wang");
        assertThat(LogChain.verify(exported).isIntact()).isTrue();

        // the chain goes on after the checkpoint, and a second purge is a no-op
        stores.entries()
                .save(
                        purgeSite,
                        null,
                        LogEntry.of("new-2", D, T, "wang", EntryKind.NOTE, "n", false),
                        change("new-2", ChangeType.ENTRY_APPENDED, T));
        assertThat(storage.verify(purgeSite).isIntact()).isTrue();
        assertThat(storage.purge(purgeSite, Period.ofYears(3), "li").purgedAnything())
                .isFalse();

        // a shorter retention with the explicit override purges up to the recent records
        PurgeResult shorter = storage.purge(purgeSite, Period.ofDays(1), "li", true);
        assertThat(shorter.purgedAnything()).isTrue();
        assertThat(storage.verify(purgeSite).isIntact()).isTrue();
        assertThat(storage.export(purgeSite).staff()).extracting(Staff::id).containsExactly("wang");
    }

    // ---- export and import ----------------------------------------------------------------------

    @Test
    void an_export_imports_into_an_empty_database_and_verifies_there() {
        signedHandover();
        append("e-x");
        SiteRecords exported = storage.export(site);
        JdbcStores other = JdbcStores.open(freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        other.importSite(exported);
        assertThat(other.verify(site).isIntact()).isTrue();
        SiteRecords again = other.export(site);
        assertThat(again).isEqualTo(exported);
        assertThatThrownBy(() -> other.importSite(exported)).isInstanceOf(ConflictException.class);
    }

    @Test
    void an_import_is_all_or_nothing() {
        fiveEntries();
        SiteRecords exported = storage.export(site);
        List<LogEntry> changed = new ArrayList<>(exported.entries());
        changed.set(2, LogEntry.of("e-3", D, T, "wang", EntryKind.ENQUIRY, "rewritten", false));
        SiteRecords tampered = exported.toBuilder().entries(changed).build();
        JdbcStores other = JdbcStores.open(freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> other.importSite(tampered))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("does not verify");
        assertThat(other.siteIds()).isEmpty();

        Instant start = Instant.parse("2026-11-02T09:30:00Z");
        SiteRecords handWritten = SiteRecords.builder(Site.of("hand", "Hand", null, null))
                .staff(List.of(Staff.of("wang", "w", Role.DUTY_OFFICER), Staff.of("chen", "c", Role.DUTY_OFFICER)))
                .handovers(List.of(
                        Handover.schedule("ho-a", D, start, "chen", "wang"),
                        Handover.schedule("ho-b", D, start, "wang", "chen")))
                .build();
        assertThatThrownBy(() -> other.importSite(handWritten)).isInstanceOf(InvalidValueException.class);
        assertThat(other.siteIds()).isEmpty();
        assertThatThrownBy(() -> other.export("hand")).isInstanceOf(io.dutykit.core.NotFoundException.class);
    }

    @Test
    void a_multi_site_import_is_all_or_nothing_across_sites() {
        fiveEntries();
        SiteRecords exported = storage.export(site);
        SiteRecords fresh = SiteRecords.builder(Site.of("new-" + site, "New", null, null))
                .staff(List.of(Staff.of("wang", "w", Role.DUTY_OFFICER)))
                .entries(List.of(entry("e-1")))
                .build();
        JdbcStores other = JdbcStores.open(freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        other.importSite(exported);

        // the second site is new, but the first already holds records: neither is written
        assertThatThrownBy(() -> other.importSites(List.of(fresh, exported)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(site);
        assertThat(other.siteIds()).containsExactly(site);

        assertThatThrownBy(() -> other.importSites(List.of(fresh, fresh)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("twice");
        other.importSites(List.of(fresh));
        assertThat(other.siteIds()).containsExactlyInAnyOrder(site, "new-" + site);
    }

    @Test
    void a_streamed_import_stores_the_sites_one_by_one_in_one_transaction_all_or_nothing() {
        fiveEntries();
        SiteRecords exported = storage.export(site);
        SiteRecords fresh = SiteRecords.builder(Site.of("new-" + site, "New", null, null))
                .staff(List.of(Staff.of("wang", "w", Role.DUTY_OFFICER)))
                .entries(List.of(entry("e-1")))
                .build();
        JdbcStores other = JdbcStores.open(freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));

        // the source fails after the first site was written: nothing stays
        assertThatThrownBy(() -> other.importSites(sites -> {
                    sites.accept(fresh);
                    throw new InvalidValueException("the second site of the file is malformed");
                }))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("malformed");
        assertThat(other.siteIds()).isEmpty();
        // a site handed over twice refuses the whole import
        assertThatThrownBy(() -> other.importSites(sites -> {
                    sites.accept(fresh);
                    sites.accept(fresh);
                }))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("twice");
        assertThat(other.siteIds()).isEmpty();

        int imported = other.importSites(sites -> {
            sites.accept(exported);
            sites.accept(fresh);
        });

        assertThat(imported).isEqualTo(2);
        assertThat(other.siteIds()).containsExactlyInAnyOrder(site, "new-" + site);
        assertThat(other.verify(site).head()).isEqualTo(storage.verify(site).head());
        assertThat(other.verify("new-" + site).isIntact()).isTrue();
    }

    @Test
    void a_hand_written_dataset_gets_a_log_on_import() {
        SiteRecords handWritten = SiteRecords.builder(Site.of("hand-" + site, "Hand", null, null))
                .staff(List.of(Staff.of("wang", "w", Role.DUTY_OFFICER)))
                .entries(List.of(entry("e-1"), entry("e-2").close(T.plusSeconds(5))))
                .build();
        JdbcStores other = JdbcStores.open(freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        other.importSite(handWritten);
        SiteRecords exported = other.export("hand-" + site);
        assertThat(exported.entries()).isEqualTo(handWritten.entries());
        assertThat(exported.log())
                .extracting(LogRecord::type)
                .containsExactly("SITE_CONFIGURED", "STAFF_REGISTERED", "ENTRY_APPENDED", "ENTRY_CLOSED");
        assertThat(other.verify("hand-" + site).isIntact()).isTrue();
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @Test
    void many_threads_appending_to_one_site_keep_one_unbroken_chain() throws Exception {
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    append("t" + thread + "-" + i);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<LogRecord> log = stores.log().records(site);
        assertThat(log).hasSize(4 + threads * each);
        assertThat(log).extracting(LogRecord::seq).containsExactlyElementsOf(seqs(1, 4 + threads * each));
        assertThat(stores.entries().all(site)).hasSize(threads * each);
        assertThat(storage.verify(site).isIntact()).isTrue();
    }

    /**
     * A walk reads the head row and the log in one snapshot: a site appended to while it is verified is
     * intact every time (on H2 at REPEATABLE READ each table was read as of its first read in the
     * transaction, so a walk could see the head before an append and the log after it and report
     * ANCHOR_NOT_FOUND, "the head row names seq 7 but the log ends at seq 20").
     */
    @Test
    void a_site_verified_while_it_is_appended_to_is_intact_every_time() throws Exception {
        int appends = 150;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> appending = pool.submit(() -> {
            for (int i = 0; i < appends; i++) {
                append("busy-" + i);
            }
            return null;
        });
        List<String> broken = new ArrayList<>();
        int walks = 0;
        while (!appending.isDone() || walks < 20) {
            ChainVerification result = walks % 2 == 0 ? storage.verifyChain(site, null) : storage.verify(site);
            walks++;
            if (!result.isIntact()) {
                broken.add(result.firstBreak().problem() + ": "
                        + result.firstBreak().message());
            }
        }
        appending.get(5, TimeUnit.MINUTES);
        pool.shutdown();
        assertThat(broken).as("%s walks while appending", walks).isEmpty();
        assertThat(storage.verify(site).records()).isEqualTo(4 + appends);
    }

    @Test
    void threads_racing_to_write_the_first_records_of_a_new_site_make_one_chain() throws Exception {
        String fresh = site + "-new";
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String id = "first-" + t;
            done.add(pool.submit(() -> {
                start.await();
                stores.entries().save(fresh, null, entry(id), change(id, ChangeType.ENTRY_APPENDED, T));
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(stores.log().records(fresh)).extracting(LogRecord::seq).containsExactlyElementsOf(seqs(1, threads));
        assertThat(storage.verifyChain(fresh, null).isIntact()).isTrue();
    }

    @Test
    void of_two_officers_taking_over_the_same_shift_at_once_exactly_one_succeeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 10; round++) {
            Instant start = Instant.parse("2026-11-02T09:30:00Z").plusSeconds(86400L * round);
            LocalDate date = D.plusDays(round);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<String>> attempts = new ArrayList<>();
            for (String officer : List.of("wang", "chen")) {
                String outgoing = officer.equals("wang") ? "chen" : "wang";
                String id = "ho-" + round + "-" + officer;
                attempts.add(pool.submit(() -> {
                    together.await();
                    try {
                        stores.handovers()
                                .save(
                                        site,
                                        null,
                                        Handover.schedule(id, date, start, outgoing, officer),
                                        new Change(id, ChangeType.HANDOVER_OPENED, start, officer));
                        return "won";
                    } catch (ConflictException e) {
                        return "refused";
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> attempt : attempts) {
                outcomes.add(attempt.get(1, TimeUnit.MINUTES));
            }
            Collections.sort(outcomes);
            assertThat(outcomes).as("round %d", round).containsExactly("refused", "won");
        }
        pool.shutdown();
        assertThat(stores.handovers().all(site)).hasSize(10);
        assertThat(storage.verify(site).isIntact()).isTrue();
    }

    // ---- hostile text ---------------------------------------------------------------------------

    static final List<String> HOSTILE = List.of(
            "O'Brien \"quoted\" \\ back",
            "; DROP TABLE duty_log; --",
            "' OR '1'='1",
            "-- comment */ /* ",
            "emoji 🚒🔥👩‍🚒",
            "中文：水管漏水，已通知维修部。",
            "tab\tnew\nline\r\u0001\u001f",
            "%_ like wildcards %");

    @Test
    void hostile_text_in_every_field_is_stored_and_read_back_unchanged() {
        int n = 0;
        for (String text : HOSTILE) {
            String id = "id " + text + " #" + n++;
            Staff staff = Staff.of("staff " + text, text, Role.DUTY_OFFICER);
            stores.staff().save(site, null, staff, new Change(id + "/s", ChangeType.STAFF_REGISTERED, T, text));
            LogEntry entry = new LogEntry(
                    id, D, T, text, EntryKind.COMPLAINT, text, true, null, List.of(text, text + "2"), null);
            stores.entries().save(site, null, entry, new Change(id, ChangeType.ENTRY_APPENDED, T, text));
            Incident incident = new Incident(
                    id,
                    D,
                    T,
                    text,
                    "WATER_LEAK",
                    IncidentSeverity.ROUTINE,
                    List.of(new Escalation(text, T, false, text, null)),
                    null,
                    T,
                    text,
                    text);
            stores.incidents().save(site, null, incident, new Change(id + "/i", ChangeType.INCIDENT_RESOLVED, T, text));
            Handover handover = new Handover(
                    id,
                    D.plusDays(n),
                    T.plusSeconds(86400L * n),
                    text,
                    text + "'",
                    null,
                    null,
                    List.of(new InventoryLine("FLASK", 1, 0, 1, text)),
                    List.of(new Anomaly(text, text)),
                    List.of(text),
                    List.of(),
                    null);
            stores.handovers().save(site, null, handover, new Change(id + "/h", ChangeType.HANDOVER_OPENED, T, text));
            Training training = new Training(D, text, List.of(text));
            stores.trainings().save(site, null, training, new Change(id + "/t", ChangeType.TRAINING_RECORDED, T, text));
            Leave leave = new Leave(id, text, D, T, text, T, text + "x", text);
            stores.leaves().save(site, null, leave, new Change(id + "/l", ChangeType.LEAVE_APPROVED, T, text));

            assertThat(stores.staff().find(site, staff.id())).contains(staff);
            assertThat(stores.entries().find(site, id)).contains(entry);
            assertThat(stores.incidents().find(site, id)).contains(incident);
            assertThat(stores.handovers().find(site, id)).contains(handover);
            assertThat(stores.trainings().find(site, training.key())).contains(training);
            assertThat(stores.leaves().find(site, id)).contains(leave);
        }
        assertThat(stores.entries().all(site)).hasSize(HOSTILE.size());
        assertThat(storage.verify(site).isIntact()).isTrue();
        assertThat(storage.siteIds()).contains(site);
        assertThat(countRows("duty_log")).isEqualTo(4 + 6L * HOSTILE.size());
    }

    long countRows(String table) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE site_id = ?")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
