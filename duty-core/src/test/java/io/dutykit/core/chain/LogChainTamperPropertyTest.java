package io.dutykit.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Any single change to a chained log — a field of any record, a removal, a swap — is found at the right record. */
class LogChainTamperPropertyTest {
    private static final int SIZE = 12;

    private static List<LogRecord> chain() {
        List<LogRecord> log = new ArrayList<>();
        LogRecord previous = null;
        for (int i = 1; i <= SIZE; i++) {
            Instant at = Instant.parse("2026-11-02T09:00:00Z").plusSeconds(60L * i);
            LogEntry entry =
                    LogEntry.of("e-" + i, LocalDate.of(2026, 11, 2), at, "wang", EntryKind.NOTE, "entry " + i, false);
            previous = LogChain.link(previous, "e-" + i, "ENTRY_APPENDED", at, "wang", Snapshots.toData(entry));
            log.add(previous);
        }
        return log;
    }

    @Property(tries = 200)
    void a_changed_field_is_named(
            @ForAll @IntRange(min = 0, max = SIZE - 1) int position, @ForAll @IntRange(min = 0, max = 7) int field) {
        List<LogRecord> log = new ArrayList<>(chain());
        LogRecord r = log.get(position);
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        data.put("text", "changed");
        LogRecord changed =
                switch (field) {
                    case 0 ->
                        new LogRecord(
                                r.seq(), r.id() + "x", r.type(), r.at(), r.actor(), r.data(), r.prevHash(), r.hash());
                    case 1 ->
                        new LogRecord(
                                r.seq(), r.id(), "ENTRY_CLOSED", r.at(), r.actor(), r.data(), r.prevHash(), r.hash());
                    case 2 ->
                        new LogRecord(
                                r.seq(),
                                r.id(),
                                r.type(),
                                r.at().plusMillis(1),
                                r.actor(),
                                r.data(),
                                r.prevHash(),
                                r.hash());
                    case 3 -> new LogRecord(r.seq(), r.id(), r.type(), r.at(), "li", r.data(), r.prevHash(), r.hash());
                    case 4 -> new LogRecord(r.seq(), r.id(), r.type(), r.at(), r.actor(), data, r.prevHash(), r.hash());
                    case 5 ->
                        new LogRecord(r.seq(), r.id(), r.type(), r.at(), r.actor(), r.data(), "f".repeat(64), r.hash());
                    case 6 ->
                        new LogRecord(
                                r.seq(), r.id(), r.type(), r.at(), r.actor(), r.data(), r.prevHash(), "e".repeat(64));
                    default ->
                        new LogRecord(
                                r.seq() + 100, r.id(), r.type(), r.at(), r.actor(), r.data(), r.prevHash(), r.hash());
                };
        log.set(position, changed);
        ChainVerification result = LogChain.verify(log);
        assertThat(result.isIntact()).isFalse();
        assertThat(result.firstBreak().seq()).isEqualTo(changed.seq());
    }

    @Property(tries = 100)
    void a_removed_or_swapped_record_is_found_where_it_happened(
            @ForAll @IntRange(min = 0, max = SIZE - 2) int position, @ForAll boolean swap) {
        List<LogRecord> log = new ArrayList<>(chain());
        if (swap) {
            LogRecord here = log.get(position);
            log.set(position, log.get(position + 1));
            log.set(position + 1, here);
        } else {
            log.remove(position);
        }
        ChainVerification result = LogChain.verify(log);
        assertThat(result.isIntact()).isFalse();
        assertThat(result.firstBreak().seq()).isEqualTo(position + 2L);
    }
}
