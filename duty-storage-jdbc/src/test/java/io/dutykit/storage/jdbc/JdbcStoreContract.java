package io.dutykit.storage.jdbc;

import static io.dutykit.test.data.CallBuilder.aCall;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.HandoverBuilder.aHandover;
import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.SiteBuilder.aSite;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.ConflictException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.ChainVerification;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.chain.Snapshots;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.site.Site;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.test.data.CallBuilder;
import io.dutykit.test.data.TestStaff;
import io.dutykit.test.store.StoreContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store on each database (H2 in {@code H2StoreTest}, PostgreSQL in {@code PostgresStoreIT}):
 * the store contract every storage adapter keeps (duty-test's {@link StoreContract}: compare-and-set
 * saves, idempotent retries, one handover per shift, one chain per site under concurrency, hostile text),
 * and what this store adds: batches, the chain and its verification against raw-SQL tampering, retention,
 * export and import.
 */
abstract class JdbcStoreContract extends StoreContract {
    static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");

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

    @Override
    protected DutyStores openStores() {
        storage = JdbcStores.open(dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        return storage.stores();
    }

    /** The store's own verification of the site (log, head row, query tables), which must agree with the export's. */
    @Override
    protected ChainVerification verified(String siteId) {
        ChainVerification stored = storage.verify(siteId);
        assertThat(super.verified(siteId).isIntact())
                .as("the export of %s verifies as the store does", siteId)
                .isEqualTo(stored.isIntact());
        return stored;
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
    void a_batch_is_saved_in_order_in_one_transaction_and_all_or_nothing() {
        LogEntry open = entry("b-1");
        LogEntry closed = open.close(T.plusSeconds(60));
        Instant start = SHIFT_START;
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
        Instant first = SHIFT_START;
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
    void query_tables_that_disagree_with_a_verified_log_are_rebuilt_from_it_and_the_site_resumes() {
        fiveEntries();
        SiteRecords before = storage.export(site);
        // what a crash recovery or a careless hand can leave: a row lost, a row altered
        sql("DELETE FROM duty_entry WHERE site_id = ? AND record_key = 'e-3'", site);
        sql("UPDATE duty_entry SET data = REPLACE(data, 'text of e-4', 'nothing happened') WHERE site_id = ?", site);
        assertThat(brokenAt().problem()).isEqualTo(ChainBreak.Problem.LIST_DISAGREES);
        assertThat(storage.hold(site)).as("verify held the site").isPresent();

        ChainVerification rebuilt = storage.rebuildQueryTables(site);

        assertThat(rebuilt.isIntact()).as("%s", rebuilt).isTrue();
        assertThat(storage.export(site)).as("everything as before the damage").isEqualTo(before);
        assertThat(stores.log().records(site)).isEqualTo(before.log());
        assertThat(storage.hold(site))
                .as("a rebuild releases nothing by itself")
                .isPresent();
        storage.release(site, "li", "query tables rebuilt from the verified log");
        append("e-6");
        assertThat(storage.verify(site).isIntact()).isTrue();
    }

    @Test
    void a_log_whose_chain_is_broken_is_never_rebuilt_from_and_nothing_changes() {
        fiveEntries();
        sql("DELETE FROM duty_entry WHERE site_id = ? AND record_key = 'e-3'", site);
        sql(
                "UPDATE duty_log SET data = REPLACE(data, 'text of e-2', 'text of e-X') WHERE site_id = ? AND seq = 6",
                site);
        assertThatThrownBy(() -> storage.rebuildQueryTables(site))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("seq 6")
                .hasMessageContaining("HASH_MISMATCH")
                .hasMessageContaining("restore the database from a backup");
        assertThat(stores.entries().find(site, "e-3")).as("nothing rebuilt").isEmpty();
        assertThat(stores.entries().find(site, "e-2")).isPresent();
        assertThatThrownBy(() -> storage.rebuildQueryTables("no-such-site")).isInstanceOf(NotFoundException.class);
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
        Handover handover = Handover.schedule("ho-1", D, SHIFT_START, "chen", "wang")
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

    /**
     * The carried-over table (V5) follows its handovers: written with a completion and by an import, the
     * purge removes the rows of the handovers it removes, and verify finds it agreeing each time.
     */
    @Test
    void the_carried_over_rows_follow_their_handovers_through_import_and_the_purge() {
        Instant old = Instant.parse("2022-03-01T10:00:00Z");
        LocalDate oldDate = LocalDate.of(2022, 3, 1);
        String carrySite = site + "-c";
        Site oldSite = Site.of(carrySite, "Old", null, null);
        stores.sites().save(carrySite, null, oldSite, change("site", ChangeType.SITE_CONFIGURED, old));
        for (String id : List.of("wang", "chen")) {
            stores.staff()
                    .save(
                            carrySite,
                            null,
                            Staff.of(id, id, Role.DUTY_OFFICER),
                            change("staff/" + id, ChangeType.STAFF_REGISTERED, old));
        }
        LogEntry open = LogEntry.of("old-open", oldDate, old, "chen", EntryKind.ENQUIRY, "still open", false);
        stores.entries().save(carrySite, null, open, change("old-open", ChangeType.ENTRY_APPENDED, old));
        Instant oldStart = oldSite.shiftOf(oldDate).start();
        Handover passed = Handover.schedule("ho-old", oldDate, oldStart, "chen", "wang")
                .carryOver("old-open")
                .signAsOutgoing("chen", oldStart)
                .signAsIncoming("wang", oldStart)
                .complete(oldStart.plusSeconds(60));
        stores.handovers().save(carrySite, null, passed, change("ho-old", ChangeType.HANDOVER_COMPLETED, old));
        Instant recentStart = oldSite.shiftOf(D).start();
        Handover recent = Handover.schedule("ho-recent", D, recentStart, "wang", "chen")
                .carryOver("old-open")
                .signAsOutgoing("wang", recentStart)
                .signAsIncoming("chen", recentStart)
                .complete(recentStart.plusSeconds(60));
        stores.handovers().save(carrySite, null, recent, change("ho-recent", ChangeType.HANDOVER_COMPLETED, T));
        assertThat(storage.verify(carrySite).isIntact()).isTrue();
        // the completion slice of the recent handover reads the old one: it passed the open entry on
        assertThat(stores.live()
                        .read(oldSite, io.dutykit.core.port.LiveSlice.forCompletion(recent, T))
                        .handovers())
                .extracting(Handover::id)
                .contains("ho-old", "ho-recent");

        SiteRecords exported = storage.export(carrySite);
        JdbcStores other = JdbcStores.open(freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        other.importSite(exported);
        assertThat(other.verify(carrySite).isIntact())
                .as("the import wrote the carried-over rows")
                .isTrue();
        assertThat(other.stores()
                        .live()
                        .read(oldSite, io.dutykit.core.port.LiveSlice.forCompletion(recent, T))
                        .handovers())
                .extracting(Handover::id)
                .contains("ho-old");

        PurgeResult purged = storage.purge(carrySite, Period.ofYears(3), "li");
        assertThat(purged.purgedAnything()).isTrue();
        assertThat(storage.export(carrySite).handovers())
                .extracting(Handover::id)
                .containsExactly("ho-recent");
        assertThat(storage.verify(carrySite).isIntact())
                .as("the purge removed the old handover's carried-over rows with it")
                .isTrue();
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

        Instant start = SHIFT_START;
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

    /**
     * Nothing of the fields added on 2026-12-03 is lost on the way out and back in: a hand-written dataset
     * holding every one of them is imported (its rejected leave and reviewed report logged as such),
     * exported, imported into another database and exported again, unchanged.
     */
    @Test
    void every_second_round_field_survives_import_export_and_import_again() {
        String siteId = "second-" + site;
        CallBuilder call = aCall().at("2026-11-02T21:00");
        SiteRecords handWritten = SiteRecords.builder(aSite().id(siteId)
                        .inventory("WALKIE_TALKIE", 2)
                        .inventory("FIRE_EXTINGUISHER", 4)
                        .build())
                .staff(TestStaff.all())
                .leaves(List.of(
                        Leave.request("lv-1", "wang", LocalDate.parse("2026-11-04"), at("2026-11-01T09:00"), "family")
                                .reject("li", at("2026-11-01T10:00"))))
                .handovers(List.of(aHandover().build()))
                .entries(List.of(
                        anEntry().id("e-1").evidence("photo:lobby-2110.jpg").build(),
                        call.loggingEntry().orElseThrow()))
                .incidents(List.of(anIncident()
                        .severity(IncidentSeverity.MAJOR)
                        .escalatedTo("li", "20:05", true)
                        .escalatedTo("zhao", "20:10", true)
                        .build()))
                .calls(List.of(call.build()))
                .dutyReports(List.of(new DutyReport(D, "wang", at("2026-11-03T09:00"), null, null)
                        .review("li", at("2026-11-03T09:40"))))
                .build();
        JdbcStores first = JdbcStores.open(freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        first.importSite(handWritten);

        SiteRecords exported = first.export(siteId);
        JdbcStores second = JdbcStores.open(freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        second.importSite(exported);
        SiteRecords again = second.export(siteId);

        assertThat(again).isEqualTo(exported);
        assertThat(exported.site()).isEqualTo(handWritten.site());
        assertThat(exported.leaves()).isEqualTo(handWritten.leaves());
        assertThat(exported.handovers()).isEqualTo(handWritten.handovers());
        assertThat(exported.entries()).isEqualTo(handWritten.entries());
        assertThat(exported.incidents()).isEqualTo(handWritten.incidents());
        assertThat(exported.calls()).isEqualTo(handWritten.calls());
        assertThat(exported.dutyReports()).isEqualTo(handWritten.dutyReports());
        assertThat(exported.site().inventory()).hasSize(2);
        assertThat(exported.handovers().get(0).checks()).hasSize(4);
        assertThat(exported.incidents().get(0).escalations().get(0).decidedAt()).isNotNull();
        assertThat(exported.incidents().get(0).evidence()).isNotEmpty();
        assertThat(exported.calls().get(0).entry()).isEqualTo("e-c-1");
        assertThat(exported.log()).extracting(LogRecord::type).contains("LEAVE_REJECTED", "DUTY_REPORT_REVIEWED");
        assertThat(second.verify(siteId).isIntact()).isTrue();
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
