package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.core.testdata.DeskFixture.date;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.ConflictException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.handover.Anomaly;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.port.Change;
import io.dutykit.core.port.ChangeType;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.testdata.DeskFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The 17:30 handover of Monday 2026-11-02: day clerk he hands over to wang, the rostered officer. */
class HandoverDeskTest {
    private static final String HO = "ho-2026-11-02";

    private final DeskFixture f = new DeskFixture();

    private Handover opened() {
        f.clock.set("2026-11-02T17:20");
        return f.desk.takeOver(SITE, HO, date("2026-11-02"), "he", "wang");
    }

    private Handover signedByBoth() {
        opened();
        f.desk.signAsOutgoing(SITE, HO, "he");
        f.checksDone(HO, "wang");
        return f.desk.signAsIncoming(SITE, HO, "wang");
    }

    @Test
    void a_handover_runs_step_by_step_to_completion() {
        opened();
        f.clock.set("2026-11-02T17:10");
        f.desk.recordOutgoingReady(SITE, HO, "he");
        f.clock.set("2026-11-02T17:24");
        f.desk.recordIncomingArrival(SITE, HO, "wang");
        f.desk.countInventory(SITE, HO, new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null), "wang");
        f.desk.recordAnomaly(SITE, HO, new Anomaly("car park barrier stuck open", null), "wang");
        f.desk.explainAnomaly(SITE, HO, 0, "maintenance called at 16:50", "he");
        f.desk.appendEntry(
                SITE,
                "he",
                anEntry().id("e-5").author("he").at("2026-11-02T17:24").build());
        f.desk.carryOver(SITE, HO, "e-5", "wang");
        f.desk.recordCheck(SITE, HO, "LOG_READ", "wang");
        f.desk.recordCheck(SITE, HO, "AREA_INSPECTED", "wang");
        f.desk.recordCheck(SITE, HO, "SYSTEMS_RUNNING", "wang");
        f.desk.recordCheck(SITE, HO, "COMMS_WORKING", "wang");
        f.clock.set("2026-11-02T17:28");
        f.desk.signAsOutgoing(SITE, HO, "he");
        f.desk.signAsIncoming(SITE, HO, "wang");
        f.clock.set("2026-11-02T17:30");
        Handover done = f.desk.completeHandover(SITE, HO, "wang");

        assertThat(done.completedAt()).isEqualTo(at("2026-11-02T17:30"));
        assertThat(done.scheduledAt()).isEqualTo(at("2026-11-02T17:30"));
        assertThat(done.incomingArrivedAt()).isEqualTo(at("2026-11-02T17:24"));
        assertThat(done.outgoingReadyAt()).isEqualTo(at("2026-11-02T17:10"));
        assertThat(done.carriedOver()).containsExactly("e-5");
        assertThat(done.checks())
                .extracting(c -> c.check())
                .containsExactly("LOG_READ", "AREA_INSPECTED", "SYSTEMS_RUNNING", "COMMS_WORKING");
        assertThat(done.signaturesMatchContent()).isTrue();
        assertThat(done.signature(SignatureRole.INCOMING).orElseThrow().contentHash())
                .isEqualTo(done.contentHash());
        assertThat(f.stores.handovers().find(SITE, HO)).contains(done);
        assertThat(f.log())
                .extracting(LogRecord::id)
                .contains(
                        HO + "/HANDOVER_OPENED",
                        HO + "/HANDOVER_OUTGOING_READY",
                        HO + "/HANDOVER_INCOMING_ARRIVED",
                        HO + "/HANDOVER_ANOMALY_RECORDED/0",
                        HO + "/HANDOVER_ITEM_CARRIED_OVER/e-5",
                        HO + "/HANDOVER_CHECK_RECORDED/LOG_READ",
                        HO + "/HANDOVER_CHECK_RECORDED/COMMS_WORKING",
                        HO + "/HANDOVER_SIGNED/OUTGOING",
                        HO + "/HANDOVER_SIGNED/INCOMING",
                        HO + "/HANDOVER_COMPLETED");
        assertThat(f.scripted().askedAt()).containsExactly(at("2026-11-02T17:30"));
        assertThat(LogChain.verify(f.stores.load(SITE)).isIntact()).isTrue();
    }

    @Test
    void repeated_steps_return_the_stored_handover_without_writing() {
        signedByBoth();
        f.desk.completeHandover(SITE, HO, "wang");
        int before = f.log().size();

        f.desk.takeOver(SITE, HO, date("2026-11-02"), "he", "wang");
        f.desk.signAsOutgoing(SITE, HO, "he");
        f.desk.signAsIncoming(SITE, HO, "wang");
        f.desk.completeHandover(SITE, HO, "wang");

        assertThat(f.log()).hasSize(before);
    }

    @Test
    void only_the_rostered_officer_takes_over() {
        f.clock.set("2026-11-02T17:20");
        ProcedureRefusedException refused =
                f.assertRefused("4.1.5", () -> f.desk.takeOver(SITE, HO, date("2026-11-02"), "he", "chen"));
        assertThat(refused).hasMessageContaining("chen").hasMessageContaining("wang is rostered");
    }

    @Test
    void the_substitute_of_an_approved_leave_takes_over() {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "family", "wang");
        f.desk.approveLeave(SITE, "lv-1", "liu", "li");
        f.clock.set("2026-11-04T17:20");

        Handover handover = f.desk.takeOver(SITE, "ho-2026-11-04", date("2026-11-04"), "he", "liu");

        assertThat(handover.incoming()).isEqualTo("liu");
        assertThat(handover.scheduledAt()).isEqualTo(at("2026-11-04T17:30"));
    }

    @Test
    void a_leave_approved_by_someone_who_is_not_a_supervisor_does_not_cover_a_swap() {
        plantLeave(new Leave(
                "lv-2",
                "wang",
                date("2026-11-04"),
                at("2026-11-03T09:00"),
                "zhao",
                at("2026-11-03T10:00"),
                "liu",
                null));
        f.clock.set("2026-11-04T17:20");
        f.assertRefused("4.1.5", () -> f.desk.takeOver(SITE, "ho-2026-11-04", date("2026-11-04"), "he", "liu"));
    }

    @Test
    void a_leave_approved_after_the_shift_start_does_not_cover_a_swap() {
        plantLeave(new Leave(
                "lv-3", "wang", date("2026-11-04"), at("2026-11-03T09:00"), "li", at("2026-11-04T17:31"), "liu", null));
        f.clock.set("2026-11-04T17:40");
        f.assertRefused("4.1.5", () -> f.desk.takeOver(SITE, "ho-2026-11-04", date("2026-11-04"), "he", "liu"));
    }

    @Test
    void a_leave_naming_another_substitute_does_not_cover_a_swap() {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "family", "wang");
        f.desk.approveLeave(SITE, "lv-1", "liu", "li");
        f.clock.set("2026-11-04T17:20");
        f.assertRefused("4.1.5", () -> f.desk.takeOver(SITE, "ho-2026-11-04", date("2026-11-04"), "he", "chen"));
    }

    @Test
    void nobody_takes_over_a_month_without_a_published_roster() {
        f.clock.set("2026-12-01T17:20");
        f.assertRefused("4.1.1", () -> f.desk.takeOver(SITE, "ho-2026-12-01", date("2026-12-01"), "he", "wang"));
    }

    @Test
    void of_two_officers_taking_over_the_same_shift_at_once_exactly_one_succeeds() throws Exception {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "family", "wang");
        f.desk.approveLeave(SITE, "lv-1", "liu", "li");
        f.clock.set("2026-11-04T17:20");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Handover>> results = new ArrayList<>();
        for (String officer : List.of("wang", "liu")) {
            Callable<Handover> takeOver = () -> {
                start.await();
                return f.desk.takeOver(SITE, "ho-" + officer, date("2026-11-04"), "he", officer);
            };
            results.add(pool.submit(takeOver));
        }
        start.countDown();
        int succeeded = 0;
        int conflicted = 0;
        for (Future<Handover> result : results) {
            try {
                result.get(10, TimeUnit.SECONDS);
                succeeded++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                conflicted++;
            }
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(1);
        assertThat(conflicted).isEqualTo(1);
        assertThat(f.stores.handovers().all(SITE)).hasSize(1);
    }

    @Test
    void taking_over_a_shift_already_taken_is_a_conflict_and_writes_nothing() {
        opened();
        f.assertFailsWithoutWriting(
                ConflictException.class, () -> f.desk.takeOver(SITE, "ho-other", date("2026-11-02"), "he", "wang"));
    }

    @Test
    void unknown_site_staff_or_handover_are_not_found() {
        f.assertFailsWithoutWriting(
                NotFoundException.class, () -> f.desk.takeOver("nowhere", HO, date("2026-11-02"), "he", "wang"));
        f.assertFailsWithoutWriting(
                NotFoundException.class, () -> f.desk.takeOver(SITE, HO, date("2026-11-02"), "ghost", "wang"));
        f.assertFailsWithoutWriting(
                NotFoundException.class, () -> f.desk.recordIncomingArrival(SITE, "ho-none", "wang"));
        opened();
        f.assertFailsWithoutWriting(NotFoundException.class, () -> f.desk.recordIncomingArrival(SITE, HO, "ghost"));
    }

    @Test
    void each_step_is_done_by_its_party() {
        opened();
        f.assertRefused("4.2.1", () -> f.desk.recordIncomingArrival(SITE, HO, "he"));
        f.assertRefused("4.2.2", () -> f.desk.recordOutgoingReady(SITE, HO, "wang"));
        f.assertRefused(
                "4.2.1", () -> f.desk.countInventory(SITE, HO, new InventoryLine("FLASK", 1, 1, 0, null), "liu"));
        f.assertRefused("4.2.1", () -> f.desk.recordAnomaly(SITE, HO, new Anomaly("smoke", null), "li"));
        f.assertRefused("4.2.2", () -> f.desk.explainAnomaly(SITE, HO, 0, "x", "wang"));
        f.assertRefused("4.2.1", () -> f.desk.carryOver(SITE, HO, "e-5", "he"));
        f.assertRefused("4.2.2", () -> f.desk.signAsOutgoing(SITE, HO, "wang"));
        f.assertRefused("4.2.1", () -> f.desk.signAsIncoming(SITE, HO, "he"));
        f.assertRefused("4.2.1", () -> f.desk.completeHandover(SITE, HO, "liu"));
    }

    @Test
    void the_incoming_signs_only_after_the_outgoing() {
        opened();
        ProcedureRefusedException refused = f.assertRefused("4.2.1", () -> f.desk.signAsIncoming(SITE, HO, "wang"));
        assertThat(refused).hasMessageContaining("only after the outgoing");
    }

    @Test
    void nobody_signs_while_a_missing_item_or_an_anomaly_is_unexplained() {
        opened();
        f.desk.countInventory(SITE, HO, new InventoryLine("WALKIE_TALKIE", 2, 1, 0, null), "wang");
        f.desk.recordAnomaly(SITE, HO, new Anomaly("broken window in the lobby", null), "wang");

        ProcedureRefusedException refused = f.assertRefused("4.2.1", () -> f.desk.signAsOutgoing(SITE, HO, "he"));
        assertThat(refused.blockingIds()).containsExactly(HO + "/WALKIE_TALKIE", HO + "/0");

        f.desk.countInventory(SITE, HO, new InventoryLine("WALKIE_TALKIE", 2, 1, 0, "lent to security"), "he");
        f.desk.explainAnomaly(SITE, HO, 0, "storm damage, glazier booked", "he");
        assertThat(f.desk.signAsOutgoing(SITE, HO, "he").signature(SignatureRole.OUTGOING))
                .isPresent();
    }

    @Test
    void the_incoming_signs_only_once_every_required_check_is_recorded_in_its_window() {
        opened();
        f.desk.signAsOutgoing(SITE, HO, "he");
        f.desk.recordCheck(SITE, HO, "LOG_READ", "wang");
        f.desk.recordCheck(SITE, HO, "AREA_INSPECTED", "wang");

        ProcedureRefusedException refused = f.assertRefused("4.2.1", () -> f.desk.signAsIncoming(SITE, HO, "wang"));
        assertThat(refused.code()).isEqualTo("INCOMING_SIGNATURE_CHECKS_MISSING");
        assertThat(refused.blockingIds()).containsExactly(HO + "/SYSTEMS_RUNNING", HO + "/COMMS_WORKING");

        f.desk.recordCheck(SITE, HO, "SYSTEMS_RUNNING", "wang");
        refused = f.assertRefused("4.2.1", () -> f.desk.signAsIncoming(SITE, HO, "wang"));
        assertThat(refused.blockingIds()).containsExactly(HO + "/COMMS_WORKING");

        f.desk.recordCheck(SITE, HO, "COMMS_WORKING", "wang");
        assertThat(f.desk.signAsIncoming(SITE, HO, "wang").isSignedByBoth()).isTrue();
        assertThat(f.log().get(f.log().size() - 2).id()).isEqualTo(HO + "/HANDOVER_CHECK_RECORDED/COMMS_WORKING");
    }

    @Test
    void a_check_counts_from_the_lead_before_the_handover_until_the_incoming_signs() {
        opened();
        f.clock.set("2026-11-02T16:29:59");
        ProcedureRefusedException early =
                f.assertRefused("4.2.1", () -> f.desk.recordCheck(SITE, HO, "LOG_READ", "wang"));
        assertThat(early.code()).isEqualTo("CHECK_TOO_EARLY");
        f.clock.set("2026-11-02T16:30");
        f.desk.recordCheck(SITE, HO, "LOG_READ", "wang");
        int before = f.log().size();
        f.desk.recordCheck(SITE, HO, "LOG_READ", "wang");
        assertThat(f.log()).as("a check recorded again writes nothing").hasSize(before);
        assertThat(f.assertRefused("4.2.1", () -> f.desk.recordCheck(SITE, HO, "AREA_INSPECTED", "he"))
                        .code())
                .isEqualTo("CHECK_NOT_INCOMING");
        f.assertFailsWithoutWriting(
                io.dutykit.core.InvalidValueException.class, () -> f.desk.recordCheck(SITE, HO, "log read", "wang"));

        f.clock.set("2026-11-02T17:28");
        f.desk.signAsOutgoing(SITE, HO, "he");
        f.checksDone(HO, "wang");
        f.desk.signAsIncoming(SITE, HO, "wang");
        assertThat(f.assertRefused("4.2.1", () -> f.desk.recordCheck(SITE, HO, "KEYS_HANDED", "wang"))
                        .code())
                .isEqualTo("CHECK_AFTER_INCOMING_SIGNED");
    }

    @Test
    void nobody_signs_while_an_item_of_the_site_checklist_is_not_counted() {
        f.desk.configureSite(
                io.dutykit.test.data.SiteBuilder.aSite()
                        .holiday("2026-10-01")
                        .inventory("WALKIE_TALKIE", 2)
                        .inventory("FLASHLIGHT", 1)
                        .build(),
                "li");
        opened();
        ProcedureRefusedException outgoing = f.assertRefused("4.2.1", () -> f.desk.signAsOutgoing(SITE, HO, "he"));
        assertThat(outgoing.code()).isEqualTo("OUTGOING_SIGNATURE_ITEMS_NOT_COUNTED");
        assertThat(outgoing.blockingIds()).containsExactly(HO + "/WALKIE_TALKIE", HO + "/FLASHLIGHT");
        assertThat(f.assertRefused(
                                "4.2.1",
                                () -> f.desk.countInventory(
                                        SITE, HO, new InventoryLine("WALKIE_TALKIE", 3, 3, 0, null), "wang"))
                        .code())
                .as("counted against the checklist's expected number (D5)")
                .isEqualTo("COUNT_EXPECTED_NOT_CHECKLIST");

        f.desk.countInventory(SITE, HO, new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null), "wang");
        f.desk.countInventory(SITE, HO, new InventoryLine("FLASHLIGHT", 1, 1, 0, null), "wang");
        f.desk.signAsOutgoing(SITE, HO, "he");
        f.checksDone(HO, "wang");
        assertThat(f.desk.signAsIncoming(SITE, HO, "wang").isSignedByBoth()).isTrue();
    }

    @Test
    void nothing_is_changed_after_a_signature() {
        opened();
        f.desk.signAsOutgoing(SITE, HO, "he");
        f.assertRefused(
                "4.2.1", () -> f.desk.countInventory(SITE, HO, new InventoryLine("FLASK", 1, 1, 0, null), "wang"));
    }

    @Test
    void completion_is_refused_while_important_work_of_the_outgoing_is_open_naming_it() {
        f.clock.set("2026-11-02T16:00");
        f.desk.appendEntry(
                SITE,
                "he",
                anEntry()
                        .id("e-17")
                        .author("he")
                        .at("2026-11-02T16:00")
                        .important()
                        .build());
        f.desk.openIncident(SITE, "inc-3", "WATER_LEAK", IncidentSeverity.DIFFICULT, "he");
        signedByBoth();
        f.clock.set("2026-11-02T17:30");

        ProcedureRefusedException refused = f.assertRefused("4.2.2", () -> f.desk.completeHandover(SITE, HO, "wang"));
        assertThat(refused.blockingIds()).containsExactly("e-17", "inc-3");
        assertThat(refused).hasMessageContaining("e-17").hasMessageContaining("inc-3");
        assertThat(f.scripted().askedAt()).containsExactly(at("2026-11-02T17:30"));

        f.desk.closeEntry(SITE, "e-17", "he");
        f.desk.resolveIncident(SITE, "inc-3", "valve closed", "dry", "he");
        assertThat(f.desk.completeHandover(SITE, HO, "wang").isCompleted()).isTrue();
    }

    @Test
    void completion_is_refused_before_both_have_signed() {
        opened();
        f.desk.signAsOutgoing(SITE, HO, "he");
        f.assertRefused("4.2.2", () -> f.desk.completeHandover(SITE, HO, "wang"));
    }

    @Test
    void only_an_existing_entry_or_incident_is_carried_over() {
        opened();
        f.assertFailsWithoutWriting(NotFoundException.class, () -> f.desk.carryOver(SITE, HO, "e-404", "wang"));
    }

    @Test
    void the_officer_on_duty_hands_over_to_day_staff_at_08_30_on_a_working_day() {
        signedByBoth();
        f.clock.set("2026-11-03T08:20");

        Handover morning = f.desk.handOverShiftEnd(SITE, "ho-2026-11-03-am", date("2026-11-02"), "he", "wang");

        assertThat(morning.scheduledAt()).isEqualTo(at("2026-11-03T08:30"));
        assertThat(morning.date()).isEqualTo(date("2026-11-02"));
        assertThat(morning.outgoing()).isEqualTo("wang");
        f.assertRefused("4.2.2", () -> f.desk.handOverShiftEnd(SITE, "ho-x", date("2026-11-02"), "he", "chen"));
    }

    @Test
    void a_shift_end_that_starts_the_next_shift_is_taken_over_not_handed_to_day_staff() {
        f.clock.set("2026-11-07T08:20");
        // Friday 11-06's shift ends at 08:30 on Saturday, when Saturday's 24-hour shift starts
        f.assertRefused("4.2", () -> f.desk.handOverShiftEnd(SITE, "ho-x", date("2026-11-06"), "he", "wang"));
    }

    private void plantLeave(Leave leave) {
        f.stores
                .leaves()
                .save(
                        SITE,
                        null,
                        leave,
                        new Change(
                                leave.id() + "/LEAVE_APPROVED", ChangeType.LEAVE_APPROVED, leave.approvedAt(), "zhao"));
    }

    @Test
    void the_clock_decides_every_instant_the_desk_writes() {
        opened();
        f.clock.advance(Duration.ofMinutes(3));
        Handover arrived = f.desk.recordIncomingArrival(SITE, HO, "wang");
        assertThat(arrived.incomingArrivedAt()).isEqualTo(at("2026-11-02T17:23"));
        assertThat(f.log().get(f.log().size() - 1).at()).isEqualTo(at("2026-11-02T17:23"));
    }
}
