package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.core.testdata.DeskFixture.date;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.ConflictException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.testdata.DeskFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Monday 2026-11-02, wang on duty. */
class LogDeskTest {
    private final DeskFixture f = new DeskFixture();

    {
        f.clock.set("2026-11-02T21:11");
    }

    private LogRecord lastRecord() {
        return f.log().get(f.log().size() - 1);
    }

    @Test
    void an_officer_appends_an_entry_under_an_id_derived_from_the_entry() {
        LogEntry entry = anEntry().build();
        f.desk.appendEntry(SITE, "wang", entry);

        assertThat(f.stores.entries().find(SITE, "e-17")).contains(entry);
        assertThat(lastRecord().id()).isEqualTo("e-17/ENTRY_APPENDED");
        assertThat(lastRecord().actor()).isEqualTo("wang");
        assertThat(lastRecord().at()).isEqualTo(at("2026-11-02T21:11"));
    }

    @Test
    void a_retried_append_is_written_once_even_later() {
        f.desk.appendEntry(SITE, "wang", anEntry().build());
        int before = f.log().size();
        f.clock.advance(Duration.ofSeconds(30));
        f.desk.appendEntry(SITE, "wang", anEntry().build());
        assertThat(f.log()).hasSize(before);
    }

    @Test
    void an_entry_id_reused_for_other_content_is_a_conflict() {
        f.desk.appendEntry(SITE, "wang", anEntry().build());
        f.assertFailsWithoutWriting(
                ConflictException.class,
                () -> f.desk.appendEntry(SITE, "wang", anEntry().text("changed").build()));
        assertThat(f.stores.entries().find(SITE, "e-17").orElseThrow().text()).isEqualTo("Lift 2 stuck on floor 9");
    }

    @Test
    void nobody_writes_an_entry_in_someone_elses_name() {
        f.assertRefused(
                "4.1.8",
                () -> f.desk.appendEntry(SITE, "chen", anEntry().author("wang").build()));
    }

    @Test
    void an_unknown_site_or_author_is_not_found() {
        f.assertFailsWithoutWriting(
                NotFoundException.class,
                () -> f.desk.appendEntry("nowhere", "wang", anEntry().build()));
        f.assertFailsWithoutWriting(
                NotFoundException.class,
                () -> f.desk.appendEntry(
                        SITE, "ghost", anEntry().author("ghost").build()));
    }

    @Test
    void a_mistake_is_corrected_by_a_new_entry_and_the_original_stays_as_written() {
        LogEntry original = anEntry().build();
        f.desk.appendEntry(SITE, "wang", original);
        f.clock.advance(Duration.ofMinutes(5));

        LogEntry correction = f.desk.correctEntry(SITE, "e-18", "e-17", "it was lift 3, not lift 2", "wang");

        assertThat(correction.kind()).isEqualTo(EntryKind.CORRECTION);
        assertThat(correction.corrects()).isEqualTo("e-17");
        assertThat(correction.date()).isEqualTo(date("2026-11-02"));
        assertThat(correction.at()).isEqualTo(at("2026-11-02T21:16"));
        assertThat(f.stores.entries().find(SITE, "e-17")).contains(original);
        assertThat(lastRecord().id()).isEqualTo("e-18/ENTRY_CORRECTED");
        int before = f.log().size();
        f.clock.advance(Duration.ofMinutes(1));
        f.desk.correctEntry(SITE, "e-18", "e-17", "it was lift 3, not lift 2", "wang");
        assertThat(f.log()).hasSize(before);
    }

    @Test
    void a_correction_appended_as_an_entry_is_logged_as_a_correction() {
        f.desk.appendEntry(SITE, "wang", anEntry().build());
        f.desk.appendEntry(
                SITE,
                "wang",
                anEntry().id("e-18").corrects("e-17").text("lift 3").build());
        assertThat(lastRecord().type()).isEqualTo("ENTRY_CORRECTED");
    }

    @Test
    void only_the_author_or_a_supervisor_corrects_an_entry() {
        f.desk.appendEntry(SITE, "wang", anEntry().build());
        f.assertRefused("4.1.8", () -> f.desk.correctEntry(SITE, "e-18", "e-17", "lift 3", "chen"));
        f.assertRefused(
                "4.1.8",
                () -> f.desk.appendEntry(
                        SITE,
                        "chen",
                        anEntry().id("e-18").author("chen").corrects("e-17").build()));
        f.desk.correctEntry(SITE, "e-18", "e-17", "lift 3", "li");
    }

    @Test
    void correcting_an_unknown_entry_is_not_found() {
        f.assertFailsWithoutWriting(
                NotFoundException.class, () -> f.desk.correctEntry(SITE, "e-18", "e-404", "x", "wang"));
    }

    @Test
    void the_author_closes_an_entry_once() {
        f.desk.appendEntry(SITE, "wang", anEntry().build());
        f.clock.advance(Duration.ofMinutes(40));
        LogEntry closed = f.desk.closeEntry(SITE, "e-17", "wang");
        assertThat(closed.closedAt()).isEqualTo(at("2026-11-02T21:51"));
        assertThat(lastRecord().id()).isEqualTo("e-17/ENTRY_CLOSED");
        int before = f.log().size();
        f.desk.closeEntry(SITE, "e-17", "wang");
        assertThat(f.log()).hasSize(before);
    }

    @Test
    void the_officer_on_duty_or_a_supervisor_closes_someone_elses_entry_and_others_may_not() {
        f.desk.appendEntry(SITE, "chen", anEntry().author("chen").build());
        f.assertRefused("4.1.8", () -> f.desk.closeEntry(SITE, "e-17", "liu"));
        f.desk.closeEntry(SITE, "e-17", "wang"); // wang is on duty on 11-02
        f.desk.appendEntry(SITE, "chen", anEntry().id("e-19").author("chen").build());
        f.desk.closeEntry(SITE, "e-19", "li");
    }

    @Test
    void a_patrol_is_a_record_and_is_never_closed() {
        f.desk.appendEntry(SITE, "wang", anEntry().kind(EntryKind.PATROL).build());
        f.assertRefused("4.1.8", () -> f.desk.closeEntry(SITE, "e-17", "wang"));
    }

    @Test
    void an_officer_records_the_calls_they_take() {
        Call call = new Call("c-9", at("2026-11-02T21:10"), CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang");
        f.desk.recordCall(SITE, "wang", call);
        assertThat(f.stores.calls().find(SITE, "c-9")).contains(call);
        assertThat(lastRecord().id()).isEqualTo("c-9/CALL_RECORDED");
        Call missed = new Call("c-10", at("2026-11-02T21:11"), CallLine.HOTLINE, CallDirection.INBOUND, 6, false, null);
        f.desk.recordCall(SITE, "wang", missed);
        assertThat(f.stores.calls().all(SITE)).hasSize(2);
    }

    @Test
    void nobody_records_a_call_in_someone_elses_name() {
        Call call = new Call("c-9", at("2026-11-02T21:10"), CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang");
        f.assertRefused("4.1.8", () -> f.desk.recordCall(SITE, "chen", call));
    }

    @Test
    void an_officer_leaves_the_post_with_cover_and_comes_back() {
        Absence started = f.desk.startAbsence(SITE, "ab-1", "liu", "fetching the first-aid kit", "wang");
        assertThat(started.from()).isEqualTo(at("2026-11-02T21:11"));
        assertThat(started.coveredBy()).isEqualTo("liu");
        f.clock.advance(Duration.ofMinutes(4));
        Absence ended = f.desk.endAbsence(SITE, "ab-1", "wang");
        assertThat(ended.to()).isEqualTo(at("2026-11-02T21:15"));
        assertThat(f.log()).extracting(LogRecord::id).endsWith("ab-1/ABSENCE_STARTED", "ab-1/ABSENCE_ENDED");
    }

    @Test
    void nobody_covers_their_own_absence_and_only_those_involved_end_it() {
        f.assertRefused("4.1.5", () -> f.desk.startAbsence(SITE, "ab-1", "wang", null, "wang"));
        f.desk.startAbsence(SITE, "ab-1", null, "toilet", "wang");
        f.assertRefused("4.1.5", () -> f.desk.endAbsence(SITE, "ab-1", "chen"));
        f.desk.endAbsence(SITE, "ab-1", "li");
    }

    @Test
    void ending_an_unknown_absence_is_not_found() {
        f.assertFailsWithoutWriting(NotFoundException.class, () -> f.desk.endAbsence(SITE, "ab-404", "wang"));
    }
}
