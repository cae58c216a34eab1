package io.dutykit.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.site.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogChainTest {
    static final Instant T = Instant.parse("2026-11-02T09:25:00Z");
    static final LocalDate D = LocalDate.of(2026, 11, 2);

    private static List<LogRecord> chainOf(int entries) {
        List<LogRecord> log = new ArrayList<>();
        LogRecord previous = null;
        for (int i = 1; i <= entries; i++) {
            LogEntry entry = LogEntry.of("e-" + i, D, T.plusSeconds(i), "wang", EntryKind.NOTE, "note " + i, false);
            previous = LogChain.link(previous, "e-" + i, "ENTRY_APPENDED", entry.at(), "wang", Snapshots.toData(entry));
            log.add(previous);
        }
        return log;
    }

    @Test
    void the_hash_of_a_pinned_record_never_changes() {
        // the example of docs/log-integrity.md; the Python script there prints the same hash
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", "水管漏水 \"B2\"");
        data.put("n", 2L);
        data.put("ok", true);
        data.put("none", null);
        LogRecord first = LogChain.link(null, "e-1", "ENTRY_APPENDED", T, "wang", data);
        assertThat(LogChain.canonicalText(first))
                .isEqualTo("{\"actor\":\"wang\",\"at\":\"2026-11-02T09:25:00.000Z\",\"data\":{\"n\":2,\"none\":null,"
                        + "\"ok\":true,\"text\":\"水管漏水 \\\"B2\\\"\"},\"id\":\"e-1\",\"prevHash\":\""
                        + LogRecord.GENESIS + "\",\"seq\":1,\"type\":\"ENTRY_APPENDED\"}");
        assertThat(first.hash()).isEqualTo(CanonicalJson.sha256Hex(LogChain.canonicalText(first) + LogRecord.GENESIS));
        assertThat(LogChain.hashOf(first, CanonicalJson.write(data))).isEqualTo(first.hash());
        LogRecord second = LogChain.link(first, "e-1/closed", "ENTRY_CLOSED", T.plusSeconds(60), "wang", Map.of());
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(LogChain.verify(List.of(first, second)).isIntact()).isTrue();
    }

    @Test
    void an_intact_chain_verifies_and_reports_its_head() {
        List<LogRecord> log = chainOf(5);
        ChainVerification result = LogChain.verify(log);
        assertThat(result.isIntact()).isTrue();
        assertThat(result.records()).isEqualTo(5);
        assertThat(result.head()).isEqualTo(log.get(4).hash());
    }

    @Test
    void an_altered_record_is_named() {
        List<LogRecord> log = new ArrayList<>(chainOf(5));
        LogRecord r = log.get(2);
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        data.put("text", "changed");
        log.set(2, new LogRecord(r.seq(), r.id(), r.type(), r.at(), r.actor(), data, r.prevHash(), r.hash()));
        ChainBreak found = LogChain.verify(log).firstBreak();
        assertThat(found.seq()).isEqualTo(3);
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.HASH_MISMATCH);
    }

    @Test
    void a_removed_record_is_named() {
        List<LogRecord> log = new ArrayList<>(chainOf(5));
        log.remove(2);
        ChainBreak found = LogChain.verify(log).firstBreak();
        assertThat(found.seq()).isEqualTo(4);
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.SEQ_GAP);
    }

    @Test
    void reordered_records_are_named() {
        List<LogRecord> log = new ArrayList<>(chainOf(5));
        LogRecord third = log.get(2);
        log.set(2, log.get(3));
        log.set(3, third);
        assertThat(LogChain.verify(log).firstBreak().seq()).isEqualTo(4);
        assertThat(LogChain.verify(log).firstBreak().problem()).isEqualTo(ChainBreak.Problem.SEQ_GAP);
    }

    @Test
    void an_inserted_record_with_a_valid_hash_breaks_the_link_after_it() {
        List<LogRecord> log = new ArrayList<>(chainOf(5));
        LogRecord forged = LogChain.link(log.get(1), "forged", "ENTRY_APPENDED", T, "x", Map.of());
        log.add(2, forged);
        List<LogRecord> renumbered = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            LogRecord r = log.get(i);
            renumbered.add(new LogRecord(i + 1, r.id(), r.type(), r.at(), r.actor(), r.data(), r.prevHash(), r.hash()));
        }
        ChainBreak found = LogChain.verify(renumbered).firstBreak();
        assertThat(found.seq()).isEqualTo(4);
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.PREV_HASH_MISMATCH);
    }

    @Test
    void a_truncated_log_is_caught_against_an_anchored_head() {
        List<LogRecord> log = chainOf(5);
        String anchored = log.get(4).hash();
        assertThat(LogChain.verify(log, anchored).isIntact()).isTrue();
        ChainVerification truncated = LogChain.verify(log.subList(0, 3), anchored);
        assertThat(truncated.firstBreak().problem()).isEqualTo(ChainBreak.Problem.ANCHOR_NOT_FOUND);
    }

    @Test
    void a_log_starting_after_seq_1_without_checkpoint_is_broken() {
        List<LogRecord> log = chainOf(5);
        assertThat(LogChain.verify(log.subList(2, 5)).firstBreak().problem())
                .isEqualTo(ChainBreak.Problem.CHECKPOINT_MISSING);
    }

    @Test
    void a_checkpoint_lets_the_remaining_chain_verify_and_carries_state() {
        List<LogRecord> log = new ArrayList<>(chainOf(5));
        LogEntry carriedEntry = Snapshots.fromData(LogEntry.class, log.get(1).data());
        Checkpoint checkpoint = new Checkpoint(
                D,
                3,
                log.get(1).hash(),
                List.of(new Checkpoint.Carried(
                        RecordKind.ENTRY, "e-2", log.get(1).data())));
        log.add(LogChain.link(
                log.get(4), "purge-1", LogChain.CHECKPOINT, T.plusSeconds(99), "system", checkpoint.toData()));
        List<LogRecord> remaining = log.subList(2, 6);
        assertThat(LogChain.verify(remaining).isIntact()).isTrue();
        LogReplay replay = LogReplay.of(remaining);
        assertThat(replay.purgedBefore()).isEqualTo(D);
        assertThat(replay.records(LogEntry.class)).first().isEqualTo(carriedEntry);
        assertThat(replay.records(LogEntry.class)).hasSize(4);
    }

    @Test
    void site_records_verify_when_the_lists_agree_with_the_log_and_name_the_record_when_not() {
        Site site = Site.of("s", "S", null, null);
        LogRecord r1 = LogChain.link(null, "site", "SITE_CONFIGURED", T, "li", Snapshots.toData(site));
        LogEntry entry = LogEntry.of("e-1", D, T, "wang", EntryKind.NOTE, "n", true);
        LogRecord r2 = LogChain.link(r1, "e-1", "ENTRY_APPENDED", T, "wang", Snapshots.toData(entry));
        LogEntry closed = entry.close(T.plusSeconds(60));
        LogRecord r3 = LogChain.link(r2, "e-1/closed", "ENTRY_CLOSED", T, "wang", Snapshots.toData(closed));
        SiteRecords good = SiteRecords.builder(site)
                .entries(List.of(closed))
                .log(List.of(r1, r2, r3))
                .build();
        assertThat(LogChain.verify(good).isIntact()).isTrue();

        SiteRecords stale = good.toBuilder().entries(List.of(entry)).build();
        ChainBreak found = LogChain.verify(stale).firstBreak();
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.LIST_DISAGREES);
        assertThat(found.seq()).isEqualTo(3);

        SiteRecords extra = good.toBuilder()
                .entries(List.of(closed, LogEntry.of("e-9", D, T, "x", EntryKind.NOTE, "n", false)))
                .build();
        assertThat(LogChain.verify(extra).firstBreak().recordId()).isEqualTo("e-9");

        SiteRecords missing = good.toBuilder().entries(List.of()).build();
        assertThat(LogChain.verify(missing).firstBreak().recordId()).isEqualTo("e-1/closed");
    }

    @Test
    void a_signed_handover_changed_afterwards_is_reported() {
        Site site = Site.of("s", "S", null, null);
        Handover signed = Handover.schedule("ho-1", D, T, "chen", "wang").signAsOutgoing("chen", T);
        Handover changed = new Handover(
                signed.id(),
                signed.date(),
                signed.scheduledAt(),
                signed.outgoing(),
                signed.incoming(),
                null,
                null,
                List.of(),
                List.of(new Anomaly("added later", null)),
                List.of(),
                signed.signatures(),
                null);
        LogRecord r1 = LogChain.link(null, "ho-1/s", "HANDOVER_SIGNED", T, "chen", Snapshots.toData(changed));
        SiteRecords records = SiteRecords.builder(site)
                .handovers(List.of(changed))
                .log(List.of(r1))
                .build();
        ChainBreak found = LogChain.verify(records).firstBreak();
        assertThat(found.problem()).isEqualTo(ChainBreak.Problem.SIGNATURE_MISMATCH);
        assertThat(found.seq()).isEqualTo(1);
    }

    @Test
    void a_review_whose_signed_head_is_gone_is_reported() {
        Site site = Site.of("s", "S", null, null);
        List<LogRecord> log = chainOf(3);
        SupervisorReview review = new SupervisorReview(D, "li", T, "ab".repeat(32));
        SiteRecords records = SiteRecords.builder(site)
                .entries(LogReplay.of(log).records(LogEntry.class))
                .reviews(List.of(review))
                .log(log)
                .build();
        // the review is not in the log either: the list check names it first
        assertThat(LogChain.verify(records).firstBreak().recordId()).isEqualTo("2026-11-02/li");
    }
}
