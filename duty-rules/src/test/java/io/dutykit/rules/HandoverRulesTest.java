package io.dutykit.rules;

import static io.dutykit.rules.Given.aHandover;
import static io.dutykit.rules.Given.anIncident;
import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.EntryKind;
import io.dutykit.test.data.HandoverBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Handover rules (4.2, 4.2.1, 4.2.2) on the Monday 2026-11-02 shift, 17:30 chen → wang. */
class HandoverRulesTest {
    private static final String DAY = "2026-11-02";
    private static final String LATER = "2026-11-20T00:00";

    private static HandoverBuilder handover() {
        return aHandover("ho-1", "2026-11-02T17:30", "chen", "wang");
    }

    private static Given rostered() {
        return given().roster("2026-11", "2026-10-28T16:00", "2026-11-02=wang");
    }

    @Nested
    class HandoverMissing {
        @Test
        void a_begun_shift_without_a_handover_at_its_start_is_reported_against_the_rostered_officer() {
            assertThat(rostered().check("HANDOVER_MISSING", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_MISSING 2026-11-02 [wang]");
        }

        @Test
        void a_handover_at_the_shift_start_complies_even_before_it_is_judged() {
            assertThat(rostered()
                            .handover(handover().notCompleted())
                            .check("HANDOVER_MISSING", DAY, DAY, "2026-11-02T17:31"))
                    .isEmpty();
        }

        @Test
        void the_shift_counts_from_its_exact_start() {
            assertThat(rostered().check("HANDOVER_MISSING", DAY, DAY, "2026-11-02T17:30"))
                    .hasSize(1);
            assertThat(rostered().check("HANDOVER_MISSING", DAY, DAY, "2026-11-02T17:29:59"))
                    .isEmpty();
        }

        @Test
        void a_date_nobody_is_rostered_on_has_nobody_responsible() {
            assertThat(given().check("HANDOVER_MISSING", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_MISSING 2026-11-02 []");
        }

        @Test
        void on_a_holiday_the_shift_starts_at_0830() {
            assertThat(given().check("HANDOVER_MISSING", "2026-11-11", "2026-11-11", "2026-11-11T08:30"))
                    .hasSize(1);
            assertThat(given().check("HANDOVER_MISSING", "2026-11-11", "2026-11-11", "2026-11-11T08:29"))
                    .isEmpty();
        }

        @Test
        void on_a_make_up_working_day_the_shift_starts_at_1730() {
            assertThat(given().check("HANDOVER_MISSING", "2026-11-14", "2026-11-14", "2026-11-14T17:29"))
                    .isEmpty();
            assertThat(given().check("HANDOVER_MISSING", "2026-11-14", "2026-11-14", "2026-11-14T17:30"))
                    .hasSize(1);
        }

        @Test
        void on_a_weekend_the_shift_starts_at_0830() {
            assertThat(given().handover(aHandover("ho-s", "2026-11-07T08:30", "chen", "wang"))
                            .check("HANDOVER_MISSING", "2026-11-07", "2026-11-07", LATER))
                    .isEmpty();
        }
    }

    @Nested
    class IncomingLate {
        @Test
        void arriving_exactly_five_minutes_early_complies() {
            assertThat(given().handover(handover().incomingArrivedAt("2026-11-02T17:25"))
                            .check("HANDOVER_INCOMING_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void arriving_four_minutes_59_seconds_early_is_late() {
            assertThat(given().handover(handover().incomingArrivedAt("2026-11-02T17:25:01"))
                            .check("HANDOVER_INCOMING_LATE", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_INCOMING_LATE ho-1 [wang]");
        }

        @Test
        void no_recorded_arrival_is_late() {
            assertThat(given().handover(handover().incomingNeverArrived())
                            .check("HANDOVER_INCOMING_LATE", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_INCOMING_LATE ho-1 [wang]");
        }

        @Test
        void an_uncompleted_handover_is_judged_only_60_minutes_after_its_scheduled_time() {
            Given g = given().handover(handover().incomingNeverArrived().notCompleted());
            assertThat(g.check("HANDOVER_INCOMING_LATE", DAY, DAY, "2026-11-02T18:29:59"))
                    .isEmpty();
            assertThat(g.check("HANDOVER_INCOMING_LATE", DAY, DAY, "2026-11-02T18:30"))
                    .hasSize(1);
        }

        @Test
        void an_arrival_after_as_of_reads_as_missing() {
            Given g = given().handover(
                            handover().incomingArrivedAt("2026-11-02T17:20").completedAt("2026-11-02T17:40"));
            assertThat(g.check("HANDOVER_INCOMING_LATE", DAY, DAY, "2026-11-02T18:40"))
                    .isEmpty();
        }

        @Test
        void the_violation_is_dated_at_the_arrival_deadline() {
            var v = given().handover(handover().incomingNeverArrived()).check(DAY, DAY, LATER).stream()
                    .filter(x -> x.rule().equals("HANDOVER_INCOMING_LATE"))
                    .findFirst()
                    .orElseThrow();
            assertThat(v.at()).isEqualTo(Given.t("2026-11-02T17:25"));
            assertThat(v.clause()).isEqualTo("4.2.1");
            assertThat(v.date()).isEqualTo(Given.d(DAY));
        }
    }

    @Nested
    class OutgoingUnprepared {
        @Test
        void ready_exactly_15_minutes_early_complies() {
            assertThat(given().handover(handover().outgoingReadyAt("2026-11-02T17:15"))
                            .check("HANDOVER_OUTGOING_UNPREPARED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void ready_14_minutes_59_seconds_early_is_a_warning_for_the_outgoing() {
            assertThat(given().handover(handover().outgoingReadyAt("2026-11-02T17:15:01"))
                            .check("HANDOVER_OUTGOING_UNPREPARED", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_OUTGOING_UNPREPARED ho-1 [chen]");
        }
    }

    @Nested
    class OpenCriticalWork {
        @Test
        void an_open_important_entry_of_the_outgoing_blocks_the_handover() {
            assertThat(given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, null)
                            .handover(handover())
                            .check("HANDOVER_WITH_OPEN_CRITICAL_WORK", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_WITH_OPEN_CRITICAL_WORK ho-1 [chen]");
        }

        @Test
        void an_entry_closed_exactly_at_completion_counts_as_closed() {
            assertThat(given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, "2026-11-02T17:40")
                            .handover(handover().completedAt("2026-11-02T17:40"))
                            .check("HANDOVER_WITH_OPEN_CRITICAL_WORK", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void an_entry_closed_a_second_after_completion_was_open() {
            assertThat(given().entry(
                                    "e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, "2026-11-02T17:40:01")
                            .handover(handover().completedAt("2026-11-02T17:40"))
                            .check("HANDOVER_WITH_OPEN_CRITICAL_WORK", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void an_open_difficult_incident_of_the_outgoing_blocks_the_handover() {
            assertThat(given().incident(anIncident("inc-1", "2026-11-02T16:00")
                                    .reportedBy("chen")
                                    .unresolved())
                            .handover(handover())
                            .check("HANDOVER_WITH_OPEN_CRITICAL_WORK", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_WITH_OPEN_CRITICAL_WORK ho-1 [chen]");
        }

        @Test
        void open_work_of_someone_else_or_a_patrol_does_not_block() {
            assertThat(given().entry("e-1", "2026-11-02T16:00", "liu", EntryKind.COMPLAINT, true, null)
                            .entry("e-2", "2026-11-02T16:00", "chen", EntryKind.PATROL, true, null)
                            .incident(anIncident("inc-1", "2026-11-02T16:00")
                                    .reportedBy("chen")
                                    .severity(IncidentSeverity.ROUTINE)
                                    .unresolved())
                            .handover(handover().carriedOver("inc-1"))
                            .check("HANDOVER_WITH_OPEN_CRITICAL_WORK", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void an_uncompleted_handover_is_skipped() {
            assertThat(given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, null)
                            .handover(handover().notCompleted())
                            .check("HANDOVER_WITH_OPEN_CRITICAL_WORK", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class ItemNotCarried {
        @Test
        void open_unimportant_work_not_carried_over_is_reported_per_item_against_the_incoming() {
            assertThat(given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.ENQUIRY, false, null)
                            .incident(anIncident("inc-1", "2026-11-02T16:30")
                                    .reportedBy("chen")
                                    .severity(IncidentSeverity.ROUTINE)
                                    .unresolved())
                            .handover(handover())
                            .check("HANDOVER_ITEM_NOT_CARRIED", DAY, DAY, LATER))
                    .containsExactly(
                            "HANDOVER_ITEM_NOT_CARRIED ho-1/e-1 [wang]", "HANDOVER_ITEM_NOT_CARRIED ho-1/inc-1 [wang]");
        }

        @Test
        void carried_over_items_comply() {
            assertThat(given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.ENQUIRY, false, null)
                            .handover(handover().carriedOver("e-1"))
                            .check("HANDOVER_ITEM_NOT_CARRIED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void an_entry_logged_exactly_at_completion_does_not_count() {
            assertThat(given().entry("e-1", "2026-11-02T17:40", "chen", EntryKind.ENQUIRY, false, null)
                            .handover(handover().completedAt("2026-11-02T17:40"))
                            .check("HANDOVER_ITEM_NOT_CARRIED", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class InventoryUnexplained {
        @Test
        void a_missing_item_without_explanation_is_reported_against_the_outgoing() {
            assertThat(given().handover(handover().inventory("WALKIE_TALKIE", 2, 1, 0, " "))
                            .check("HANDOVER_INVENTORY_UNEXPLAINED", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_INVENTORY_UNEXPLAINED ho-1/WALKIE_TALKIE [chen]");
        }

        @Test
        void a_damaged_item_without_explanation_is_reported() {
            assertThat(given().handover(handover().inventory("FLASK", 1, 1, 1, null))
                            .check("HANDOVER_INVENTORY_UNEXPLAINED", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_INVENTORY_UNEXPLAINED ho-1/FLASK [chen]");
        }

        @Test
        void a_full_undamaged_count_or_an_explained_one_complies() {
            assertThat(given().handover(handover()
                                    .inventory("WALKIE_TALKIE", 2, 2, 0, null)
                                    .inventory("FIRE_EXTINGUISHER", 4, 3, 0, "sent for refill"))
                            .check("HANDOVER_INVENTORY_UNEXPLAINED", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class AnomalyUnexplained {
        @Test
        void an_unexplained_anomaly_is_reported_by_its_position() {
            assertThat(given().handover(
                                    handover().anomaly("door ajar", "closed it").anomaly("light out", ""))
                            .check("HANDOVER_ANOMALY_UNEXPLAINED", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_ANOMALY_UNEXPLAINED ho-1/1 [chen]");
        }

        @Test
        void explained_anomalies_comply() {
            assertThat(given().handover(handover().anomaly("door ajar", "closed it"))
                            .check("HANDOVER_ANOMALY_UNEXPLAINED", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class Unsigned {
        @Test
        void a_missing_outgoing_signature_is_the_outgoing_s() {
            assertThat(given().handover(handover()
                                    .withoutSignature(SignatureRole.OUTGOING)
                                    .withoutSignature(SignatureRole.INCOMING))
                            .check("HANDOVER_UNSIGNED", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_UNSIGNED ho-1 [chen]");
        }

        @Test
        void a_missing_incoming_signature_is_the_incoming_s() {
            assertThat(given().handover(handover().withoutSignature(SignatureRole.INCOMING))
                            .check("HANDOVER_UNSIGNED", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_UNSIGNED ho-1 [wang]");
        }

        @Test
        void a_signature_by_the_wrong_person_does_not_count() {
            assertThat(given().handover(handover().signedBy(SignatureRole.INCOMING, "liu", "2026-11-02T17:36"))
                            .check("HANDOVER_UNSIGNED", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_UNSIGNED ho-1 [wang]");
        }

        @Test
        void both_signatures_comply() {
            assertThat(given().handover(handover()).check("HANDOVER_UNSIGNED", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    /** The arguments of the one violation of the rule, as the message shows them. */
    private static java.util.List<String> arguments(Given g, String rule, String asOf) {
        return g.check(DAY, DAY, asOf).stream()
                .filter(v -> v.rule().equals(rule))
                .findFirst()
                .orElseThrow()
                .arguments();
    }

    @Nested
    class NotCompleted {
        @Test
        void an_uncompleted_handover_fires_once_judged_sixty_minutes_after_its_time() {
            Given g = given().handover(handover().notCompleted());
            assertThat(g.check("HANDOVER_NOT_COMPLETED", DAY, DAY, "2026-11-02T18:29:59"))
                    .isEmpty();
            assertThat(g.check("HANDOVER_NOT_COMPLETED", DAY, DAY, "2026-11-02T18:30"))
                    .containsExactly("HANDOVER_NOT_COMPLETED ho-1 [chen]");
            assertThat(arguments(g, "HANDOVER_NOT_COMPLETED", "2026-11-02T18:30"))
                    .containsExactly("chen", "wang", "2026-11-02 17:30");
        }

        @Test
        void signed_by_both_but_never_completed_fires_without_unsigned() {
            Given g = given().handover(handover().notCompleted());
            assertThat(g.check(DAY, DAY, LATER))
                    .extracting(v -> v.rule() + " " + v.subject() + " " + v.at())
                    .contains("HANDOVER_NOT_COMPLETED ho-1 " + Given.t("2026-11-02T17:30"))
                    .noneMatch(line -> line.startsWith("HANDOVER_UNSIGNED"));
        }

        @Test
        void a_completion_after_as_of_reads_as_missing() {
            Given g = given().handover(handover().completedAt("2026-11-02T18:40"));
            assertThat(g.check("HANDOVER_NOT_COMPLETED", DAY, DAY, "2026-11-02T18:35"))
                    .hasSize(1);
            assertThat(g.check("HANDOVER_NOT_COMPLETED", DAY, DAY, "2026-11-02T18:40"))
                    .isEmpty();
        }

        @Test
        void a_completed_handover_complies() {
            assertThat(given().handover(handover().completedAt("2026-11-02T17:40"))
                            .check("HANDOVER_NOT_COMPLETED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void the_0830_handover_to_day_staff_is_judged_too() {
            assertThat(given().handover(aHandover("ho-am", "2026-11-03T08:30", "wang", "liu")
                                    .notCompleted())
                            .check("HANDOVER_NOT_COMPLETED", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_NOT_COMPLETED ho-am [wang]");
        }
    }

    @Nested
    class SignatureOrder {
        private HandoverBuilder signed(String outgoingAt, String incomingAt) {
            return handover()
                    .signedBy(SignatureRole.OUTGOING, "chen", outgoingAt)
                    .signedBy(SignatureRole.INCOMING, "wang", incomingAt)
                    .completedAt("2026-11-02T17:40");
        }

        @Test
        void signatures_at_the_same_second_comply() {
            assertThat(given().handover(signed("2026-11-02T17:35", "2026-11-02T17:35"))
                            .check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void the_incoming_signing_a_second_before_the_outgoing_is_the_incoming_s() {
            Given g = given().handover(signed("2026-11-02T17:35", "2026-11-02T17:34:59"));
            assertThat(g.check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_SIGNATURE_ORDER ho-1 [wang]");
            assertThat(arguments(g, "HANDOVER_SIGNATURE_ORDER", LATER))
                    .containsExactly(
                            "chen", "2026-11-02 17:35", "wang", "2026-11-02 17:34:59", "2026-11-02 17:40", "-");
        }

        @Test
        void a_signature_exactly_at_completion_complies_a_second_later_is_the_signer_s() {
            assertThat(given().handover(signed("2026-11-02T17:35", "2026-11-02T17:40"))
                            .check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, LATER))
                    .isEmpty();
            Given late = given().handover(signed("2026-11-02T17:35", "2026-11-02T17:40:01"));
            assertThat(late.check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_SIGNATURE_ORDER ho-1 [wang]");
            assertThat(arguments(late, "HANDOVER_SIGNATURE_ORDER", LATER))
                    .last()
                    .isEqualTo("wang");
        }

        @Test
        void signing_first_and_late_is_one_violation_against_the_incoming() {
            Given g = given().handover(signed("2026-11-02T17:45", "2026-11-02T17:30")
                    .signature(new io.dutykit.core.handover.Signature(
                            "li", SignatureRole.OUTGOING, Given.t("2026-11-02T17:50"), null)));
            assertThat(g.check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_SIGNATURE_ORDER ho-1 [wang]");
            assertThat(arguments(g, "HANDOVER_SIGNATURE_ORDER", LATER)).last().isEqualTo("chen, li");
        }

        @Test
        void late_signers_are_responsible_sorted_and_a_late_signature_after_as_of_is_not_seen() {
            assertThat(given().handover(signed("2026-11-02T17:41", "2026-11-02T17:42"))
                            .check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_SIGNATURE_ORDER ho-1 [chen, wang]");
            // both late, but the incoming first: theirs alone
            assertThat(given().handover(signed("2026-11-02T17:42", "2026-11-02T17:41"))
                            .check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_SIGNATURE_ORDER ho-1 [wang]");
            assertThat(given().handover(signed("2026-11-02T17:35", "2026-11-02T18:50"))
                            .check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, "2026-11-02T18:45"))
                    .isEmpty();
        }

        @Test
        void an_uncompleted_handover_or_a_signature_by_the_wrong_person_is_not_judged_for_order() {
            assertThat(given().handover(signed("2026-11-02T17:35", "2026-11-02T17:34")
                                    .notCompleted())
                            .check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().handover(handover()
                                    .signedBy(SignatureRole.OUTGOING, "chen", "2026-11-02T17:35")
                                    .signedBy(SignatureRole.INCOMING, "liu", "2026-11-02T17:34")
                                    .completedAt("2026-11-02T17:40"))
                            .check("HANDOVER_SIGNATURE_ORDER", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class InventoryIncomplete {
        @Test
        void without_a_checklist_an_empty_count_is_silent() {
            assertThat(given().handover(handover()).check("HANDOVER_INVENTORY_INCOMPLETE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void each_item_of_the_checklist_without_a_line_is_the_outgoing_s() {
            Given g = given().checklist("WALKIE_TALKIE", 2)
                    .checklist("FIRE_EXTINGUISHER", 4)
                    .handover(handover());
            assertThat(g.check("HANDOVER_INVENTORY_INCOMPLETE", DAY, DAY, LATER))
                    .containsExactlyInAnyOrder(
                            "HANDOVER_INVENTORY_INCOMPLETE ho-1/FIRE_EXTINGUISHER [chen]",
                            "HANDOVER_INVENTORY_INCOMPLETE ho-1/WALKIE_TALKIE [chen]");
        }

        @Test
        void a_line_counting_none_is_a_count_but_unexplained_measures_against_the_checklist() {
            Given g = given().checklist("FIRE_EXTINGUISHER", 4)
                    .handover(handover().inventory("FIRE_EXTINGUISHER", 0, 0, 0, null));
            assertThat(g.check("HANDOVER_INVENTORY_INCOMPLETE", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(g.check("HANDOVER_INVENTORY_UNEXPLAINED", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_INVENTORY_UNEXPLAINED ho-1/FIRE_EXTINGUISHER [chen]");
            assertThat(arguments(g, "HANDOVER_INVENTORY_UNEXPLAINED", LATER))
                    .containsExactly("FIRE_EXTINGUISHER", "4", "0", "0");
        }

        @Test
        void the_checklist_s_expected_count_wins_over_the_line_s() {
            Given g = given().checklist("WALKIE_TALKIE", 3)
                    .handover(handover().inventory("WALKIE_TALKIE", 2, 2, 0, null));
            assertThat(arguments(g, "HANDOVER_INVENTORY_UNEXPLAINED", LATER))
                    .containsExactly("WALKIE_TALKIE", "3", "2", "0");
        }

        @Test
        void a_line_of_an_item_not_on_the_checklist_is_fine_and_an_unjudged_handover_is_silent() {
            assertThat(given().checklist("WALKIE_TALKIE", 2)
                            .handover(handover()
                                    .inventory("WALKIE_TALKIE", 2, 2, 0, null)
                                    .inventory("TORCH", 1, 1, 0, null))
                            .check(DAY, DAY, LATER))
                    .noneMatch(v -> v.rule().startsWith("HANDOVER_INVENTORY_"));
            assertThat(given().checklist("WALKIE_TALKIE", 2)
                            .handover(handover().notCompleted())
                            .check("HANDOVER_INVENTORY_INCOMPLETE", DAY, DAY, "2026-11-02T18:29:59"))
                    .isEmpty();
        }
    }

    @Nested
    class ChecksMissing {
        private HandoverBuilder checked(String logReadAt) {
            return handover()
                    .completedAt("2026-11-02T17:40")
                    .check("LOG_READ", "wang", logReadAt)
                    .check("AREA_INSPECTED", "wang", "2026-11-02T17:21")
                    .check("SYSTEMS_RUNNING", "wang", "2026-11-02T17:22")
                    .check("COMMS_WORKING", "wang", "2026-11-02T17:23");
        }

        @Test
        void a_check_exactly_60_minutes_before_or_exactly_at_completion_counts() {
            assertThat(given().handover(checked("2026-11-02T16:30")).check("HANDOVER_CHECKS_MISSING", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(given().handover(checked("2026-11-02T17:40")).check("HANDOVER_CHECKS_MISSING", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_second_outside_the_window_is_the_incoming_s() {
            Given early = given().handover(checked("2026-11-02T16:29:59"));
            assertThat(early.check("HANDOVER_CHECKS_MISSING", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_CHECKS_MISSING ho-1/LOG_READ [wang]");
            assertThat(arguments(early, "HANDOVER_CHECKS_MISSING", LATER))
                    .containsExactly("LOG_READ", "wang", "2026-11-02 16:30", "2026-11-02 17:40");
            assertThat(given().handover(checked("2026-11-02T17:40:01"))
                            .check("HANDOVER_CHECKS_MISSING", DAY, DAY, LATER))
                    .containsExactly("HANDOVER_CHECKS_MISSING ho-1/LOG_READ [wang]");
        }

        @Test
        void not_completed_the_window_ends_at_the_judging_time() {
            Given g = given().handover(checked("2026-11-02T18:30").notCompleted());
            assertThat(g.check("HANDOVER_CHECKS_MISSING", DAY, DAY, "2026-11-02T18:30"))
                    .isEmpty();
            assertThat(given().handover(checked("2026-11-02T18:30:01").notCompleted())
                            .check("HANDOVER_CHECKS_MISSING", DAY, DAY, "2026-11-02T18:31"))
                    .containsExactly("HANDOVER_CHECKS_MISSING ho-1/LOG_READ [wang]");
        }

        @Test
        void a_check_by_the_outgoing_does_not_count_and_no_check_at_all_is_four() {
            assertThat(given().handover(handover().withoutChecks().check("LOG_READ", "chen", "2026-11-02T17:20"))
                            .check("HANDOVER_CHECKS_MISSING", DAY, DAY, LATER))
                    .hasSize(4)
                    .contains("HANDOVER_CHECKS_MISSING ho-1/LOG_READ [wang]");
        }

        @Test
        void an_unjudged_handover_is_silent() {
            assertThat(given().handover(handover().withoutChecks().notCompleted())
                            .check("HANDOVER_CHECKS_MISSING", DAY, DAY, "2026-11-02T18:29:59"))
                    .isEmpty();
        }
    }

    @Nested
    class OwnedWork {
        /** SPEC section 4 "owned" (2026-12-03): chen's entry e-1, carried over to wang at ho-1, is wang's from 17:40. */
        private Given carriedToWang(boolean important, String closedAt) {
            return given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, important, closedAt)
                    .handover(handover().carriedOver("e-1").completedAt("2026-11-02T17:40"))
                    .handover(
                            aHandover("ho-2", "2026-11-03T17:30", "wang", "liu").completedAt("2026-11-03T17:40"));
        }

        @Test
        void important_work_carried_over_to_the_outgoing_blocks_their_next_handover() {
            assertThat(carriedToWang(true, "2026-11-03T17:40:01")
                            .check("HANDOVER_WITH_OPEN_CRITICAL_WORK", "2026-11-03", "2026-11-03", LATER))
                    .containsExactly("HANDOVER_WITH_OPEN_CRITICAL_WORK ho-2 [wang]");
            assertThat(carriedToWang(true, "2026-11-03T17:40")
                            .check("HANDOVER_WITH_OPEN_CRITICAL_WORK", "2026-11-03", "2026-11-03", LATER))
                    .isEmpty();
        }

        @Test
        void unimportant_work_carried_over_to_the_outgoing_must_be_carried_over_again() {
            assertThat(carriedToWang(false, null).check("HANDOVER_ITEM_NOT_CARRIED", "2026-11-03", "2026-11-03", LATER))
                    .containsExactly("HANDOVER_ITEM_NOT_CARRIED ho-2/e-1 [liu]");
        }

        @Test
        void work_handed_on_is_no_longer_its_author_s() {
            // chen hands over again on the 4th: e-1 is wang's (then liu's), not chen's
            Given g = given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.ENQUIRY, false, null)
                    .handover(handover().carriedOver("e-1").completedAt("2026-11-02T17:40"))
                    .handover(aHandover("ho-2", "2026-11-03T17:30", "wang", "liu")
                            .carriedOver("e-1")
                            .completedAt("2026-11-03T17:40"))
                    .handover(aHandover("ho-3", "2026-11-04T17:30", "chen", "wang")
                            .completedAt("2026-11-04T17:40"));
            assertThat(g.check("HANDOVER_ITEM_NOT_CARRIED", "2026-11-02", "2026-11-04", LATER))
                    .isEmpty();
        }

        @Test
        void a_critical_incident_carried_over_blocks_its_new_owner() {
            Given g = given().incident(anIncident("inc-1", "2026-11-02T16:00")
                            .reportedBy("chen")
                            .unresolved())
                    .handover(handover().carriedOver("inc-1").completedAt("2026-11-02T17:40"))
                    .handover(
                            aHandover("ho-2", "2026-11-03T17:30", "wang", "liu").completedAt("2026-11-03T17:40"));
            assertThat(g.check("HANDOVER_WITH_OPEN_CRITICAL_WORK", DAY, "2026-11-03", LATER))
                    .containsExactly(
                            "HANDOVER_WITH_OPEN_CRITICAL_WORK ho-1 [chen]",
                            "HANDOVER_WITH_OPEN_CRITICAL_WORK ho-2 [wang]");
        }
    }
}
