package io.dutykit.core.memory;

import static io.dutykit.core.testdata.EntryBuilder.anEntry;
import static io.dutykit.core.testdata.HandoverBuilder.aHandover;
import static io.dutykit.core.testdata.MutableClock.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.ConflictException;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.port.DutyStores;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.core.testdata.SiteBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest {
    private static final String SITE = "garden-court";
    private static final Instant NOW = shanghai("2026-11-02T21:10");

    private final DutyStores stores = InMemoryStores.create();

    private static Change change(String recordId, ChangeType type) {
        return new Change(recordId, type, NOW, "wang");
    }

    @Test
    void a_saved_record_is_found_by_key_and_listed_in_saving_order() {
        LogEntry first = anEntry().id("e-1").build();
        LogEntry second = anEntry().id("e-2").build();
        stores.entries().save(SITE, null, second, change("e-2/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));
        stores.entries().save(SITE, null, first, change("e-1/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));

        assertThat(stores.entries().find(SITE, "e-1")).contains(first);
        assertThat(stores.entries().all(SITE)).containsExactly(second, first);
        assertThat(stores.entries().all("other-site")).isEmpty();
    }

    @Test
    void every_save_appends_a_chained_log_record_that_verifies() {
        LogEntry entry = anEntry().build();
        stores.entries().save(SITE, null, entry, change("e-17/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));
        LogEntry closed = entry.close(NOW.plusSeconds(60));
        stores.entries().save(SITE, entry, closed, change("e-17/ENTRY_CLOSED", ChangeType.ENTRY_CLOSED));

        List<LogRecord> log = stores.log().records(SITE);
        assertThat(log).extracting(LogRecord::id).containsExactly("e-17/ENTRY_APPENDED", "e-17/ENTRY_CLOSED");
        assertThat(log).extracting(LogRecord::seq).containsExactly(1L, 2L);
        assertThat(log.get(0).prevHash()).isEqualTo(LogRecord.GENESIS);
        assertThat(log.get(1).prevHash()).isEqualTo(log.get(0).hash());
        assertThat(log.get(1).data()).containsEntry("closedAt", "2026-11-02T13:11:00.000Z");
        assertThat(stores.log().head(SITE)).contains(log.get(1).hash());
        assertThat(LogChain.verify(log).isIntact()).isTrue();
    }

    @Test
    void the_stored_lists_agree_with_the_log() {
        stores.sites()
                .save(
                        SITE,
                        null,
                        SiteBuilder.aSite().build(),
                        change("garden-court/SITE_CONFIGURED", ChangeType.SITE_CONFIGURED));
        stores.staff()
                .save(
                        SITE,
                        null,
                        Staff.of("wang", "王芳", Role.DUTY_OFFICER),
                        change("wang/STAFF_REGISTERED", ChangeType.STAFF_REGISTERED));
        stores.entries().save(SITE, null, anEntry().build(), change("e-17/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));

        assertThat(LogChain.verify(stores.load(SITE)).isIntact()).isTrue();
    }

    @Test
    void a_stale_previous_state_is_refused_and_nothing_is_written() {
        LogEntry entry = anEntry().build();
        stores.entries().save(SITE, null, entry, change("e-17/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));
        LogEntry closed = entry.close(NOW.plusSeconds(60));
        stores.entries().save(SITE, entry, closed, change("e-17/ENTRY_CLOSED", ChangeType.ENTRY_CLOSED));
        List<LogRecord> before = stores.log().records(SITE);

        assertThatThrownBy(() -> stores.entries()
                        .save(
                                SITE,
                                entry,
                                entry.close(NOW.plusSeconds(120)),
                                change("e-17/ENTRY_CLOSED/2", ChangeType.ENTRY_CLOSED)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("e-17")
                .hasMessageContaining("changed since it was read");
        assertThat(stores.log().records(SITE)).isEqualTo(before);
        assertThat(stores.entries().find(SITE, "e-17")).contains(closed);
    }

    @Test
    void creating_a_record_whose_key_exists_is_refused() {
        stores.entries().save(SITE, null, anEntry().build(), change("e-17/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));

        assertThatThrownBy(() -> stores.entries()
                        .save(
                                SITE,
                                null,
                                anEntry().text("other").build(),
                                change("e-17/ENTRY_APPENDED/2", ChangeType.ENTRY_APPENDED)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        assertThat(stores.log().records(SITE)).hasSize(1);
    }

    @Test
    void the_same_change_id_with_the_same_state_is_accepted_once() {
        LogEntry entry = anEntry().build();
        stores.entries().save(SITE, null, entry, change("e-17/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));
        stores.entries().save(SITE, null, entry, change("e-17/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));

        assertThat(stores.log().records(SITE)).hasSize(1);
        assertThat(stores.entries().all(SITE)).containsExactly(entry);
    }

    @Test
    void the_same_change_id_with_other_content_is_refused() {
        stores.entries().save(SITE, null, anEntry().build(), change("e-17/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));

        assertThatThrownBy(() -> stores.entries()
                        .save(
                                SITE,
                                null,
                                anEntry().text("edited").build(),
                                change("e-17/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("e-17/ENTRY_APPENDED")
                .hasMessageContaining("other content");
        assertThat(stores.entries().find(SITE, "e-17").orElseThrow().text()).isEqualTo("Lift 2 stuck on floor 9");
    }

    @Test
    void a_second_handover_for_the_same_date_and_time_is_refused() {
        Handover first = aHandover().id("ho-a").incoming("wang").build();
        Handover second = aHandover().id("ho-b").incoming("liu").build();
        stores.handovers().save(SITE, null, first, change("ho-a/HANDOVER_OPENED", ChangeType.HANDOVER_OPENED));

        assertThatThrownBy(() -> stores.handovers()
                        .save(SITE, null, second, change("ho-b/HANDOVER_OPENED", ChangeType.HANDOVER_OPENED)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("ho-a");
        assertThat(stores.handovers().all(SITE)).containsExactly(first);
        assertThat(stores.handovers().findScheduled(SITE, first.date(), first.scheduledAt()))
                .contains(first);
        assertThat(stores.handovers()
                        .findScheduled(SITE, first.date(), first.scheduledAt().plusSeconds(1)))
                .isEmpty();
    }

    @Test
    void records_are_kept_to_the_millisecond_like_the_log() {
        LogEntry entry = anEntry().build();
        LogEntry withNanos = new LogEntry(
                entry.id(),
                entry.date(),
                entry.at().plusNanos(123_456_789),
                entry.author(),
                entry.kind(),
                entry.text(),
                entry.important(),
                null,
                List.of(),
                null);
        stores.entries().save(SITE, null, withNanos, change("e-17/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));

        assertThat(stores.entries().find(SITE, "e-17").orElseThrow().at())
                .isEqualTo(entry.at().plusMillis(123));
    }

    @Test
    void appends_from_many_threads_keep_one_unbroken_chain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    String id = "e-" + thread + "-" + i;
                    stores.entries()
                            .save(
                                    SITE,
                                    null,
                                    anEntry().id(id).build(),
                                    change(id + "/ENTRY_APPENDED", ChangeType.ENTRY_APPENDED));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<LogRecord> log = stores.log().records(SITE);
        assertThat(log).hasSize(400);
        assertThat(stores.entries().all(SITE)).hasSize(400);
        assertThat(LogChain.verify(log).isIntact()).isTrue();
    }
}
