package io.dutykit.reference;

import static io.dutykit.reference.V.v;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.TestTime.at;
import static io.dutykit.test.data.TestTime.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.site.Site;
import io.dutykit.test.data.HandoverBuilder;
import io.dutykit.test.data.SiteBuilder;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The handover of Tuesday 3 November: liu hands over to wang at 17:30, completed at 17:32. */
class HandoverRulesTest {
    private static final String HO = "ho-2026-11-03";

    @Test
    void HANDOVER_MISSING_a_shift_without_a_handover_at_its_start() {
        World world = World.week();
        world.handovers.remove(date("2026-11-04"));

        assertThat(world.found())
                .containsExactly(
                        v("HANDOVER_MISSING", "2026-11-04", List.of("chen"), "2026-11-04", at("2026-11-04T17:30")));
        assertThat(world.found("HANDOVER_MISSING", at("2026-11-04T17:29:59"))).isEmpty();
        assertThat(world.found("HANDOVER_MISSING", at("2026-11-04T17:30"))).hasSize(1);
    }

    @Test
    void HANDOVER_MISSING_a_handover_at_another_time_is_not_at_the_shift_start() {
        World world = World.week();
        world.handovers.remove(date("2026-11-04"));
        world.extraHandovers.add(HandoverBuilder.aHandover()
                .id("ho-late")
                .date(date("2026-11-04"))
                .scheduledAt(at("2026-11-04T17:45"))
                .outgoing("liu")
                .incoming("chen")
                .build());

        assertThat(world.found("HANDOVER_MISSING"))
                .containsExactly(
                        v("HANDOVER_MISSING", "2026-11-04", List.of("chen"), "2026-11-04", at("2026-11-04T17:30")));
    }

    @Test
    void HANDOVER_MISSING_with_nobody_rostered_nobody_is_responsible() {
        World world = World.week();
        world.handovers.remove(date("2026-11-04"));
        var old = world.rosters.get(java.time.YearMonth.of(2026, 11));
        world.rosters.put(
                old.month(),
                new io.dutykit.core.roster.Roster(
                        old.month(),
                        old.publishedAt(),
                        old.publishedBy(),
                        old.duties().stream()
                                .filter(d -> !d.date().equals(date("2026-11-04")))
                                .toList()));

        assertThat(world.found("HANDOVER_MISSING"))
                .containsExactly(v("HANDOVER_MISSING", "2026-11-04", List.of(), "2026-11-04", at("2026-11-04T17:30")));
    }

    @Test
    void HANDOVER_INCOMING_LATE_arriving_exactly_five_minutes_early_complies() {
        World world = World.week();
        world.handoverOn("2026-11-03").incomingArrivedAt(at("2026-11-03T17:25"));

        assertThat(world.found()).isEmpty();
    }

    @Test
    void HANDOVER_INCOMING_LATE_arriving_4_min_59_s_early_is_late() {
        World world = World.week();
        world.handoverOn("2026-11-03").incomingArrivedAt(at("2026-11-03T17:25:01"));

        assertThat(world.found())
                .containsExactly(
                        v("HANDOVER_INCOMING_LATE", HO, List.of("wang"), "2026-11-03", at("2026-11-03T17:25")));
    }

    @Test
    void HANDOVER_INCOMING_LATE_a_missing_arrival_is_late() {
        World world = World.week();
        world.handoverOn("2026-11-03").incomingNeverArrived();

        assertThat(world.found("HANDOVER_INCOMING_LATE")).hasSize(1);
    }

    @Test
    void HANDOVER_OUTGOING_UNPREPARED_ready_exactly_fifteen_minutes_early_complies_a_second_later_does_not() {
        World inTime = World.week();
        inTime.handoverOn("2026-11-03").outgoingReadyAt(at("2026-11-03T17:15"));
        World late = World.week();
        late.handoverOn("2026-11-03").outgoingReadyAt(at("2026-11-03T17:15:01"));

        assertThat(inTime.found()).isEmpty();
        assertThat(late.found())
                .containsExactly(
                        v("HANDOVER_OUTGOING_UNPREPARED", HO, List.of("liu"), "2026-11-03", at("2026-11-03T17:15")));
    }

    @Test
    void HANDOVER_WITH_OPEN_CRITICAL_WORK_an_important_entry_of_the_outgoing_open_at_completion() {
        World world = World.week();
        world.entries.add(anEntry()
                .id("e-1")
                .author("liu")
                .at(at("2026-10-20T10:00"))
                .important()
                .closedAt(at("2026-11-03T17:40"))
                .build());

        // written weeks before the period, it is open at liu's handovers of the 2nd and the 3rd
        assertThat(world.found())
                .containsExactly(
                        v(
                                "HANDOVER_WITH_OPEN_CRITICAL_WORK",
                                "ho-2026-11-02",
                                List.of("liu"),
                                "2026-11-02",
                                at("2026-11-02T17:32")),
                        v(
                                "HANDOVER_WITH_OPEN_CRITICAL_WORK",
                                HO,
                                List.of("liu"),
                                "2026-11-03",
                                at("2026-11-03T17:32")));
    }

    @Test
    void HANDOVER_WITH_OPEN_CRITICAL_WORK_closed_exactly_at_completion_counts_as_closed() {
        World world = World.week();
        world.entries.add(anEntry()
                .id("e-1")
                .author("liu")
                .at(at("2026-11-03T10:00"))
                .important()
                .closedAt(at("2026-11-03T17:32"))
                .build());
        // written exactly at completion: not before it, so it does not count at this handover
        world.entries.add(anEntry()
                .id("e-2")
                .author("liu")
                .at(at("2026-11-03T17:32"))
                .important()
                .closedAt(at("2026-11-03T17:40"))
                .build());
        // a patrol is a record, never open work
        world.entries.add(anEntry()
                .id("e-3")
                .author("liu")
                .kind(EntryKind.PATROL)
                .at(at("2026-11-03T11:00"))
                .important()
                .build());

        assertThat(world.found()).isEmpty();
    }

    @Test
    void HANDOVER_WITH_OPEN_CRITICAL_WORK_a_difficult_incident_of_the_outgoing_unresolved_at_completion() {
        World world = World.week();
        world.incidents.add(anIncident()
                .id("inc-1")
                .reportedBy("liu")
                .severity(IncidentSeverity.DIFFICULT)
                .openedAt(at("2026-11-03T16:00"))
                .date(date("2026-11-03"))
                .escalatedTo("li", at("2026-11-03T16:05"), true)
                .resolvedAt(at("2026-11-03T17:32:01"))
                .build());

        assertThat(world.found())
                .containsExactly(v(
                        "HANDOVER_WITH_OPEN_CRITICAL_WORK", HO, List.of("liu"), "2026-11-03", at("2026-11-03T17:32")));
    }

    @Test
    void HANDOVER_WITH_OPEN_CRITICAL_WORK_skips_handovers_not_completed() {
        World world = World.week();
        world.handoverOn("2026-11-03").notCompleted();
        world.entries.add(anEntry()
                .id("e-1")
                .author("liu")
                .at(at("2026-11-03T10:00"))
                .important()
                .closedAt(at("2026-11-03T18:00"))
                .build());

        assertThat(world.found("HANDOVER_WITH_OPEN_CRITICAL_WORK")).isEmpty();
    }

    @Test
    void HANDOVER_ITEM_NOT_CARRIED_open_routine_work_of_the_outgoing_not_carried_over() {
        World world = World.week();
        world.entries.add(anEntry()
                .id("e-1")
                .author("liu")
                .at(at("2026-11-03T10:00"))
                .closedAt(at("2026-11-03T18:00"))
                .build());
        world.entries.add(anEntry()
                .id("e-2")
                .author("liu")
                .at(at("2026-11-03T11:00"))
                .closedAt(at("2026-11-03T18:00"))
                .build());
        world.incidents.add(anIncident()
                .id("inc-1")
                .reportedBy("liu")
                .openedAt(at("2026-11-03T12:00"))
                .date(date("2026-11-03"))
                .resolvedAt(at("2026-11-03T18:00"))
                .build());
        world.handoverOn("2026-11-03").carriedOver("e-2");

        assertThat(world.found())
                .containsExactly(
                        v(
                                "HANDOVER_ITEM_NOT_CARRIED",
                                HO + "/e-1",
                                List.of("wang"),
                                "2026-11-03",
                                at("2026-11-03T17:32")),
                        v(
                                "HANDOVER_ITEM_NOT_CARRIED",
                                HO + "/inc-1",
                                List.of("wang"),
                                "2026-11-03",
                                at("2026-11-03T17:32")));
    }

    @Test
    void HANDOVER_ITEM_NOT_CARRIED_work_open_across_several_handovers_is_judged_at_each() {
        World world = World.week();
        world.entries.add(anEntry()
                .id("e-1")
                .author("liu")
                .at(at("2026-11-03T10:00"))
                .closedAt(at("2026-11-04T17:32"))
                .build());

        assertThat(world.found())
                .containsExactly(v(
                        "HANDOVER_ITEM_NOT_CARRIED",
                        HO + "/e-1",
                        List.of("wang"),
                        "2026-11-03",
                        at("2026-11-03T17:32")));
    }

    @Test
    void HANDOVER_INVENTORY_UNEXPLAINED_a_missing_or_damaged_item_without_an_explanation() {
        World world = World.week();
        world.handoverOn("2026-11-03")
                .inventory(new InventoryLine("WALKIE_TALKIE", 2, 1, 0, " "))
                .inventory(new InventoryLine("FLASK", 2, 2, 1, null))
                .inventory(new InventoryLine("FIRE_EXTINGUISHER", 4, 3, 0, "sent for refill"))
                .inventory(new InventoryLine("TORCH", 2, 3, 0, null));

        assertThat(world.found())
                .containsExactly(
                        v(
                                "HANDOVER_INVENTORY_UNEXPLAINED",
                                HO + "/FLASK",
                                List.of("liu"),
                                "2026-11-03",
                                at("2026-11-03T17:32")),
                        v(
                                "HANDOVER_INVENTORY_UNEXPLAINED",
                                HO + "/WALKIE_TALKIE",
                                List.of("liu"),
                                "2026-11-03",
                                at("2026-11-03T17:32")));
    }

    @Test
    void HANDOVER_ANOMALY_UNEXPLAINED_an_anomaly_without_an_explanation_by_index() {
        World world = World.week();
        world.handoverOn("2026-11-03")
                .anomaly("lobby light flickers", "reported to maintenance")
                .anomaly("side gate unlocked", "  ");

        assertThat(world.found())
                .containsExactly(v(
                        "HANDOVER_ANOMALY_UNEXPLAINED",
                        HO + "/1",
                        List.of("liu"),
                        "2026-11-03",
                        at("2026-11-03T17:32")));
    }

    @Test
    void HANDOVER_UNSIGNED_the_outgoing_when_their_signature_is_missing_else_the_incoming() {
        World noOutgoing = World.week();
        noOutgoing.handoverOn("2026-11-03").withoutSignature(SignatureRole.OUTGOING);
        World noIncoming = World.week();
        noIncoming.handoverOn("2026-11-03").withoutSignature(SignatureRole.INCOMING);
        World wrongSigner = World.week();
        wrongSigner.handoverOn("2026-11-03").signedBy(SignatureRole.INCOMING, "chen", at("2026-11-03T17:29"));

        assertThat(noOutgoing.found())
                .containsExactly(v("HANDOVER_UNSIGNED", HO, List.of("liu"), "2026-11-03", at("2026-11-03T17:32")));
        assertThat(noIncoming.found())
                .containsExactly(v("HANDOVER_UNSIGNED", HO, List.of("wang"), "2026-11-03", at("2026-11-03T17:32")));
        assertThat(wrongSigner.found())
                .containsExactly(v("HANDOVER_UNSIGNED", HO, List.of("wang"), "2026-11-03", at("2026-11-03T17:32")));
    }

    @Test
    void an_uncompleted_handover_is_judged_sixty_minutes_after_its_scheduled_time() {
        World world = World.week();
        world.handoverOn("2026-11-03")
                .notCompleted()
                .withoutSignature(SignatureRole.OUTGOING)
                .withoutSignature(SignatureRole.INCOMING)
                .incomingNeverArrived();

        assertThat(V.of(world.check(at("2026-11-03T18:29:59")))).isEmpty();
        assertThat(V.of(world.check(at("2026-11-03T18:30"))))
                .containsExactly(
                        v("HANDOVER_INCOMING_LATE", HO, List.of("wang"), "2026-11-03", at("2026-11-03T17:25")),
                        // SPEC section 4.1 (2026-12-03): a judged handover without completedAt is not completed
                        v("HANDOVER_NOT_COMPLETED", HO, List.of("liu"), "2026-11-03", at("2026-11-03T17:30")),
                        v("HANDOVER_UNSIGNED", HO, List.of("liu"), "2026-11-03", at("2026-11-03T17:30")));
    }

    @Test
    void instants_after_as_of_read_as_missing_in_a_judged_handover() {
        World world = World.week();
        // completed and signed only at 18:40, after as-of 18:35: judged by time, unsigned as of then
        world.handoverOn("2026-11-03")
                .completedAt(at("2026-11-03T18:40"))
                .signedBy(SignatureRole.OUTGOING, "liu", at("2026-11-03T18:38"))
                .signedBy(SignatureRole.INCOMING, "wang", at("2026-11-03T18:39"));

        assertThat(V.of(world.check(at("2026-11-03T18:35"))))
                .containsExactly(
                        // SPEC section 4.1 (2026-12-03): its completion after as-of reads as missing too
                        v("HANDOVER_NOT_COMPLETED", HO, List.of("liu"), "2026-11-03", at("2026-11-03T17:30")),
                        v("HANDOVER_UNSIGNED", HO, List.of("liu"), "2026-11-03", at("2026-11-03T17:30")));
        assertThat(V.of(world.check(at("2026-11-03T18:40")))).isEmpty();
    }

    @Test
    void the_day_staff_handover_that_starts_no_shift_is_checked_too() {
        World world = World.week();
        Handover morning = HandoverBuilder.aHandover()
                .id("ho-am")
                .date(date("2026-11-03"))
                .scheduledAt(at("2026-11-04T08:30"))
                .outgoing("wang")
                .incoming("liu")
                .incomingArrivedAt(at("2026-11-04T08:26"))
                .build();
        world.extraHandovers.add(morning);

        assertThat(world.found())
                .containsExactly(
                        v("HANDOVER_INCOMING_LATE", "ho-am", List.of("liu"), "2026-11-03", at("2026-11-04T08:25")));
    }

    // the second round (SPEC section 4.1)

    /** The arguments of the one violation of the rule once every deadline has passed. */
    private static List<String> arguments(World world, String rule) {
        return world.check(rule).get(0).arguments();
    }

    @Test
    void HANDOVER_NOT_COMPLETED_a_judged_handover_never_completed_is_the_outgoing_s() {
        World world = World.week();
        world.handoverOn("2026-11-03").notCompleted();

        assertThat(world.found())
                .containsExactly(v("HANDOVER_NOT_COMPLETED", HO, List.of("liu"), "2026-11-03", at("2026-11-03T17:30")));
        assertThat(arguments(world, "HANDOVER_NOT_COMPLETED")).containsExactly("liu", "wang", "2026-11-03 17:30");
        assertThat(world.found("HANDOVER_NOT_COMPLETED", at("2026-11-03T18:29:59")))
                .isEmpty();
        assertThat(world.found("HANDOVER_NOT_COMPLETED", at("2026-11-03T18:30")))
                .hasSize(1);
    }

    @Test
    void HANDOVER_SIGNATURE_ORDER_the_incoming_signing_a_second_before_the_outgoing() {
        World world = World.week();
        world.handoverOn("2026-11-03")
                .signedBy(SignatureRole.OUTGOING, "liu", at("2026-11-03T17:28"))
                .signedBy(SignatureRole.INCOMING, "wang", at("2026-11-03T17:27:59"));

        assertThat(world.found())
                .containsExactly(
                        v("HANDOVER_SIGNATURE_ORDER", HO, List.of("wang"), "2026-11-03", at("2026-11-03T17:32")));
        assertThat(arguments(world, "HANDOVER_SIGNATURE_ORDER"))
                .containsExactly("liu", "2026-11-03 17:28", "wang", "2026-11-03 17:27:59", "2026-11-03 17:32", "-");

        world.handoverOn("2026-11-03").signedBy(SignatureRole.INCOMING, "wang", at("2026-11-03T17:28"));
        assertThat(world.found()).isEmpty();
    }

    @Test
    void HANDOVER_SIGNATURE_ORDER_a_signature_after_completion_is_the_signer_s() {
        World world = World.week();
        world.handoverOn("2026-11-03").signedBy(SignatureRole.INCOMING, "wang", at("2026-11-03T17:32:01"));

        assertThat(world.found())
                .containsExactly(
                        v("HANDOVER_SIGNATURE_ORDER", HO, List.of("wang"), "2026-11-03", at("2026-11-03T17:32")));
        assertThat(arguments(world, "HANDOVER_SIGNATURE_ORDER")).last().isEqualTo("wang");

        world.handoverOn("2026-11-03").signedBy(SignatureRole.INCOMING, "wang", at("2026-11-03T17:32"));
        assertThat(world.found()).isEmpty();
    }

    /** The week at a site whose checklist holds 2 walkie-talkies and 4 fire extinguishers, all counted. */
    private static World counted() {
        Site site = SiteBuilder.aSite()
                .inventory("WALKIE_TALKIE", 2)
                .inventory("FIRE_EXTINGUISHER", 4)
                .build();
        World world = World.compliant(site, date("2026-11-02"), date("2026-11-08"));
        world.handovers.values().forEach(h -> h.inventory("WALKIE_TALKIE", 2, 2, 0, null));
        return world;
    }

    @Test
    void HANDOVER_INVENTORY_INCOMPLETE_an_item_of_the_checklist_not_counted() {
        World world = counted();
        world.handovers.values().forEach(h -> {
            if (!h.date().equals(date("2026-11-03"))) {
                h.inventory("FIRE_EXTINGUISHER", 4, 4, 0, null);
            }
        });

        assertThat(world.found())
                .containsExactly(v(
                        "HANDOVER_INVENTORY_INCOMPLETE",
                        HO + "/FIRE_EXTINGUISHER",
                        List.of("liu"),
                        "2026-11-03",
                        at("2026-11-03T17:32")));
        assertThat(arguments(world, "HANDOVER_INVENTORY_INCOMPLETE")).containsExactly("FIRE_EXTINGUISHER", "4");

        world.handoverOn("2026-11-03").inventory("FIRE_EXTINGUISHER", 0, 0, 0, "sent for refilling");
        assertThat(world.found()).isEmpty();
    }

    @Test
    void HANDOVER_INVENTORY_UNEXPLAINED_measures_an_item_of_the_checklist_against_the_checklist() {
        World world = counted();
        world.handovers.values().forEach(h -> h.inventory("FIRE_EXTINGUISHER", 4, 4, 0, null));
        world.handoverOn("2026-11-03").inventory("TORCH", 1, 1, 0, null);
        assertThat(world.found()).isEmpty();

        World fewer = World.compliant(
                SiteBuilder.aSite().inventory("WALKIE_TALKIE", 3).build(), date("2026-11-02"), date("2026-11-08"));
        fewer.handovers.values().forEach(h -> h.inventory("WALKIE_TALKIE", 3, 3, 0, null));
        fewer.handoverOn("2026-11-03").inventory(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null));
        assertThat(fewer.found("HANDOVER_INVENTORY_UNEXPLAINED"))
                .containsExactly(v(
                        "HANDOVER_INVENTORY_UNEXPLAINED",
                        HO + "/WALKIE_TALKIE",
                        List.of("liu"),
                        "2026-11-03",
                        at("2026-11-03T17:32")));
        assertThat(arguments(fewer, "HANDOVER_INVENTORY_UNEXPLAINED")).containsExactly("WALKIE_TALKIE", "3", "2", "0");
    }

    @Test
    void HANDOVER_CHECKS_MISSING_a_check_60_minutes_and_a_second_before_the_handover() {
        World world = World.week();
        world.handoverOn("2026-11-03")
                .check("LOG_READ", "wang", at("2026-11-03T16:29:59"))
                .check("AREA_INSPECTED", "wang", at("2026-11-03T17:21"))
                .check("SYSTEMS_RUNNING", "wang", at("2026-11-03T17:22"))
                .check("COMMS_WORKING", "liu", at("2026-11-03T17:23"));

        assertThat(world.found())
                .containsExactly(
                        v(
                                "HANDOVER_CHECKS_MISSING",
                                HO + "/COMMS_WORKING",
                                List.of("wang"),
                                "2026-11-03",
                                at("2026-11-03T17:32")),
                        v(
                                "HANDOVER_CHECKS_MISSING",
                                HO + "/LOG_READ",
                                List.of("wang"),
                                "2026-11-03",
                                at("2026-11-03T17:32")));
        assertThat(world.check("HANDOVER_CHECKS_MISSING").get(1).arguments())
                .containsExactly("LOG_READ", "wang", "2026-11-03 16:30", "2026-11-03 17:32");
    }

    @Test
    void HANDOVER_CHECKS_MISSING_checks_exactly_at_the_window_s_ends_count() {
        World world = World.week();
        world.handoverOn("2026-11-03")
                .check("LOG_READ", "wang", at("2026-11-03T16:30"))
                .check("AREA_INSPECTED", "wang", at("2026-11-03T17:32"))
                .check("SYSTEMS_RUNNING", "wang", at("2026-11-03T17:22"))
                .check("COMMS_WORKING", "wang", at("2026-11-03T17:23"));
        assertThat(world.found()).isEmpty();

        World none = World.week();
        none.handoverOn("2026-11-03").withoutChecks();
        assertThat(none.found("HANDOVER_CHECKS_MISSING")).hasSize(4);
        assertThat(Fixtures.rulesWith(properties("handover.requiredChecks", ""))
                        .evaluate(none.records(), new CheckPeriod(none.from, none.to), at("2027-02-01T00:00")))
                .isEmpty();
        assertThat(Fixtures.rulesWith(properties("handover.requiredChecks", "LOG_READ"))
                        .evaluate(none.records(), new CheckPeriod(none.from, none.to), at("2027-02-01T00:00")))
                .extracting(Violation::subject)
                .containsExactly(HO + "/LOG_READ");
    }

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    /** SPEC section 4 "owned" (2026-12-03): liu's enquiry, carried over to wang on the 3rd, is wang's to hand on. */
    @Test
    void open_work_carried_over_is_owned_by_the_incoming_until_handed_on_again() {
        World world = World.week();
        world.entries.add(anEntry()
                .id("e-1")
                .at(at("2026-11-03T16:00"))
                .author("liu")
                .kind(EntryKind.ENQUIRY)
                .build());
        world.handoverOn("2026-11-03").carriedOver("e-1");

        // liu's later handovers (4th to 6th) no longer owe it; wang hands over on Sunday the 8th without it
        assertThat(world.found())
                .containsExactly(v(
                        "HANDOVER_ITEM_NOT_CARRIED",
                        "ho-2026-11-08/e-1",
                        List.of("chen"),
                        "2026-11-08",
                        at("2026-11-08T08:32")));

        world.handoverOn("2026-11-08").carriedOver("e-1");
        assertThat(world.found()).isEmpty();
    }

    @Test
    void important_work_carried_over_blocks_each_handover_of_its_owner() {
        World world = World.week();
        world.entries.add(anEntry()
                .id("e-1")
                .at(at("2026-11-03T16:00"))
                .author("liu")
                .kind(EntryKind.COMPLAINT)
                .important()
                .closedAt(at("2026-11-08T08:32:01"))
                .build());
        world.handoverOn("2026-11-03").carriedOver("e-1");

        assertThat(world.found())
                .containsExactly(
                        v("HANDOVER_WITH_OPEN_CRITICAL_WORK", HO, List.of("liu"), "2026-11-03", at("2026-11-03T17:32")),
                        v("REQUEST_NOT_CLOSED", "e-1", List.of("wang"), "2026-11-03", at("2026-11-06T16:00")),
                        v(
                                "HANDOVER_WITH_OPEN_CRITICAL_WORK",
                                "ho-2026-11-08",
                                List.of("wang"),
                                "2026-11-08",
                                at("2026-11-08T08:32")));
    }
}
