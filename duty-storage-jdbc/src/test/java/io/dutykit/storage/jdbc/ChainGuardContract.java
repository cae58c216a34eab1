package io.dutykit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dutykit.core.ChainBrokenException;
import io.dutykit.core.InvalidValueException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.chain.ChainBreak;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC 8.1, "a broken chain stops writes", on both databases: each append re-hashes the site's last
 * stored record against the stored head and refuses with the integrity error on a mismatch; a site
 * that verification found broken refuses appends until an operator releases it; both are recorded as
 * holds. Nothing is written by a refused append.
 */
abstract class ChainGuardContract extends LiveStoreFixture {
    static final Instant T = Instant.parse("2026-11-02T13:10:00Z");
    static final LocalDate D = LocalDate.of(2026, 11, 2);

    private LogEntry entry(String id) {
        return LogEntry.of(id, D, T, "wang", EntryKind.ENQUIRY, "text of " + id, false);
    }

    void append(String id) {
        stores.entries().save(site, null, entry(id), change(id + "/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED, T));
    }

    void appendSix() {
        for (int i = 1; i <= 6; i++) {
            append("e-" + i);
        }
    }

    long lastSeq() {
        List<LogRecord> log = stores.log().records(site);
        return log.get(log.size() - 1).seq();
    }

    /** The append is refused with the integrity error, and nothing of it is written. */
    ChainBrokenException refused(String id) {
        long before = rows("duty_log");
        ChainBrokenException refused = catchThrowableOfType(ChainBrokenException.class, () -> append(id));
        assertThat(refused).as("append of %s", id).isNotNull();
        assertThat(refused.siteId()).isEqualTo(site);
        assertThat(rows("duty_log")).as("nothing written").isEqualTo(before);
        assertThat(stores.entries().find(site, id)).isEmpty();
        return refused;
    }

    long rows(String table) {
        try {
            return Long.parseLong(column("SELECT COUNT(*) FROM " + table + " WHERE site_id = ?", site)
                    .get(0));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void an_append_after_the_last_record_was_tampered_with_is_refused_and_holds_the_site() throws SQLException {
        appendSix();
        long last = lastSeq();
        sql(
                "UPDATE duty_log SET data = REPLACE(data, 'text of e-6', 'text of e-6, edited') WHERE site_id = ? AND"
                        + " seq = ?",
                site,
                last);

        ChainBrokenException refused = refused("e-7");
        assertThat(refused.firstBreak().seq()).isEqualTo(last);
        assertThat(refused.firstBreak().problem()).isEqualTo(ChainBreak.Problem.HASH_MISMATCH);
        assertThat(refused.heldSince()).as("found by this append").isEmpty();
        assertThat(refused)
                .hasMessageContaining(site)
                .hasMessageContaining("e-6")
                .hasMessageContaining("seq " + last);

        SiteHold hold = storage.hold(site).orElseThrow();
        assertThat(hold.foundBy()).isEqualTo("append");
        assertThat(hold.firstBreak().seq()).isEqualTo(last);
        // undoing the edit is not enough: the site stays held until an operator releases it
        sql(
                "UPDATE duty_log SET data = REPLACE(data, 'text of e-6, edited', 'text of e-6') WHERE site_id = ? AND"
                        + " seq = ?",
                site,
                last);
        assertThat(refused("e-7").heldSince()).contains(hold.heldAt());

        SiteHold released = storage.release(site, "li", "restored the row from the backup of 11-02");
        assertThat(released.isActive()).isFalse();
        assertThat(released.releasedBy()).isEqualTo("li");
        assertThat(released.releaseReason()).isEqualTo("restored the row from the backup of 11-02");
        append("e-7");
        assertThat(storage.verify(site).isIntact()).isTrue();
        assertThat(storage.holds(site)).hasSize(1);
    }

    @Test
    void a_removed_tail_and_a_forged_record_behind_the_head_are_refused() throws SQLException {
        appendSix();
        long last = lastSeq();
        sql("DELETE FROM duty_log WHERE site_id = ? AND seq = ?", site, last);
        ChainBrokenException removed = refused("e-7");
        assertThat(removed.firstBreak().problem()).isEqualTo(ChainBreak.Problem.ANCHOR_NOT_FOUND);
        assertThat(removed.firstBreak().message()).contains("seq " + last).contains("removed");
    }

    @Test
    void a_record_inserted_after_the_head_is_refused() throws SQLException {
        appendSix();
        long last = lastSeq();
        sql(
                "INSERT INTO duty_log (site_id, seq, record_id, type, at, actor, data, prev_hash, hash)"
                        + " SELECT site_id, seq + 1, 'forged', type, at, actor, data, hash, hash FROM duty_log"
                        + " WHERE site_id = ? AND seq = ?",
                site,
                last);
        ChainBrokenException forged = refused("e-7");
        assertThat(forged.firstBreak().seq()).isEqualTo(last + 1);
        assertThat(forged.firstBreak().recordId()).isEqualTo("forged");
    }

    @Test
    void tampering_further_back_is_found_by_verify_which_holds_the_site_until_an_operator_acknowledges_it()
            throws SQLException {
        appendSix();
        sql("UPDATE duty_log SET actor = 'mallory' WHERE site_id = ? AND seq = 6", site);
        append("e-7"); // the tail still verifies: only verification finds this
        assertThat(storage.hold(site)).isEmpty();

        ChainBreak found = storage.verifyChain(site, null).firstBreak();
        assertThat(found.seq()).isEqualTo(6);
        SiteHold hold = storage.hold(site).orElseThrow();
        assertThat(hold.foundBy()).isEqualTo("verify");
        ChainBrokenException held = refused("e-8");
        assertThat(held.heldSince()).contains(hold.heldAt());
        assertThat(held.firstBreak().seq()).isEqualTo(6);

        // the operator looked, and acknowledges the break they found: appends resume, and finding the
        // same break again does not hold the site again
        storage.release(site, "li", "seq 6 actor changed by a DBA on 11-03; see ticket 42");
        append("e-8");
        assertThat(storage.verify(site).isIntact()).isFalse();
        assertThat(storage.hold(site)).isEmpty();

        // a new break is a new hold
        sql("UPDATE duty_log SET actor = 'mallory' WHERE site_id = ? AND seq = 4", site);
        assertThat(storage.verify(site).firstBreak().seq()).isEqualTo(4);
        assertThat(storage.hold(site)).isPresent();
        assertThat(storage.holds(site)).hasSize(2);
    }

    @Test
    void a_hold_is_not_released_while_the_chain_breaks_somewhere_else() throws SQLException {
        appendSix();
        sql("UPDATE duty_log SET actor = 'mallory' WHERE site_id = ? AND seq = 6", site);
        storage.verify(site);
        sql("UPDATE duty_log SET actor = 'mallory' WHERE site_id = ? AND seq = 5", site);

        assertThatThrownBy(() -> storage.release(site, "li", "looked at seq 6"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("seq 6")
                .hasMessageContaining("seq 5");
        assertThat(storage.hold(site)).isPresent();
        assertThatThrownBy(() -> storage.release("no-such-site", "li", "?")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_head_given_to_verify_that_is_not_in_an_intact_chain_does_not_hold_the_site() {
        appendSix();
        assertThat(storage.verify(site, "0".repeat(63) + "1").isIntact()).isFalse();
        assertThat(storage.hold(site)).isEmpty();
        append("e-7");
    }
}
