package io.dutykit.reference;

import static io.dutykit.reference.V.v;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.record.Absence;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.EntryKind;
import io.dutykit.test.data.CallBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostRulesTest {

    /** An inbound hotline call; answered, it comes with the entry that records it (CompliantWorld#call). */
    private static CallBuilder inbound(String id, Instant at, int rings, boolean answered, String staff) {
        CallBuilder call = CallBuilder.aCall().id(id).at(at).rings(rings).staff(staff);
        return answered ? call : call.unanswered();
    }

    private static Absence absence(String id, String staff, Instant from, Instant to, String coveredBy) {
        return new Absence(id, staff, from, to, coveredBy, "fetch parcel");
    }

    @Test
    void POST_LEFT_an_uncovered_absence_in_a_shift_longer_than_zero() {
        World world = World.week();
        world.absences.add(absence("ab-1", "chen", at("2026-11-02T20:00"), at("2026-11-02T20:00:01"), null));

        assertThat(world.found())
                .containsExactly(v("POST_LEFT", "ab-1", List.of("chen"), "2026-11-02", at("2026-11-02T20:00")));
    }

    @Test
    void POST_LEFT_a_zero_length_or_covered_absence_complies() {
        World world = World.week();
        world.absences.add(absence("ab-1", "chen", at("2026-11-02T20:00"), at("2026-11-02T20:00"), null));
        world.absences.add(absence("ab-2", "chen", at("2026-11-02T21:00"), at("2026-11-02T22:00"), "liu"));

        assertThat(world.found()).isEmpty();
    }

    @Test
    void POST_LEFT_an_absence_must_overlap_a_shift_which_is_half_open() {
        World world = World.week();
        // day time on a working day, then one ending exactly at the 17:30 shift start
        world.absences.add(absence("ab-1", "liu", at("2026-11-03T10:00"), at("2026-11-03T12:00"), null));
        world.absences.add(absence("ab-2", "wang", at("2026-11-03T17:00"), at("2026-11-03T17:30"), null));
        world.absences.add(absence("ab-3", "wang", at("2026-11-04T17:00"), at("2026-11-04T17:30:01"), null));

        assertThat(world.found())
                .containsExactly(v("POST_LEFT", "ab-3", List.of("wang"), "2026-11-04", at("2026-11-04T17:00")));
    }

    @Test
    void POST_LEFT_an_absence_without_an_end_lasts_until_as_of_and_one_after_as_of_is_ignored() {
        World world = World.week();
        world.absences.add(absence("ab-1", "chen", at("2026-11-02T20:00"), null, null));

        assertThat(world.found("POST_LEFT", at("2026-11-02T19:59"))).isEmpty();
        assertThat(world.found("POST_LEFT", at("2026-11-02T20:00"))).isEmpty();
        assertThat(world.found("POST_LEFT", at("2026-11-02T20:01")))
                .containsExactly(v("POST_LEFT", "ab-1", List.of("chen"), "2026-11-02", at("2026-11-02T20:00")));
    }

    @Test
    void POST_LEFT_an_absence_of_exactly_the_allowed_minutes_complies() {
        Properties p = new Properties();
        p.setProperty("post.maxUncoveredAbsenceMinutes", "10");
        World world = World.week();
        world.absences.add(absence("ab-1", "chen", at("2026-11-02T20:00"), at("2026-11-02T20:10"), null));
        world.absences.add(absence("ab-2", "chen", at("2026-11-02T21:00"), at("2026-11-02T21:10:01"), null));
        var rules = Fixtures.rulesWith(p);

        var found = rules.evaluate(world.records(), new CheckPeriod(world.from, world.to), at("2027-02-01T00:00"));

        assertThat(V.of(found))
                .containsExactly(v("POST_LEFT", "ab-2", List.of("chen"), "2026-11-02", at("2026-11-02T21:00")));
    }

    @Test
    void CALL_ANSWERED_LATE_more_than_three_rings_at_any_hour() {
        World world = World.week();
        world.call(inbound("c-1", at("2026-11-02T22:00"), 3, true, "chen"));
        world.call(inbound("c-2", at("2026-11-02T22:10"), 4, true, "chen"));
        world.call(inbound("c-3", at("2026-11-03T11:00"), 4, true, "liu"));

        assertThat(world.found())
                .containsExactly(
                        v("CALL_ANSWERED_LATE", "c-2", List.of("chen"), "2026-11-02", at("2026-11-02T22:10")),
                        v("CALL_ANSWERED_LATE", "c-3", List.of("liu"), "2026-11-03", at("2026-11-03T11:00")));
    }

    @Test
    void CALL_MISSED_an_unanswered_inbound_call_in_a_shift_is_the_officer_on_duty() {
        World world = World.week();
        world.call(inbound("c-1", at("2026-11-02T17:30"), 6, false, null));
        world.call(inbound("c-2", at("2026-11-03T08:30"), 6, false, null));
        world.call(inbound("c-3", at("2026-11-03T11:00"), 6, false, null));

        assertThat(world.found())
                .containsExactly(v("CALL_MISSED", "c-1", List.of("chen"), "2026-11-02", at("2026-11-02T17:30")));
    }

    @Test
    void CALL_MISSED_the_officer_on_duty_is_the_incoming_of_the_handover_at_the_shift_start() {
        World world = World.week();
        world.handoverOn("2026-11-07").incoming("liu");
        world.call(inbound("c-1", at("2026-11-07T12:00"), 6, false, null));

        assertThat(world.found("CALL_MISSED"))
                .containsExactly(v("CALL_MISSED", "c-1", List.of("liu"), "2026-11-07", at("2026-11-07T12:00")));
    }

    @Test
    void calls_after_as_of_are_ignored() {
        World world = World.week();
        world.call(inbound("c-1", at("2026-11-02T22:00"), 6, false, null));

        assertThat(world.found("CALL_MISSED", at("2026-11-02T21:59:59"))).isEmpty();
        assertThat(world.found("CALL_MISSED", at("2026-11-02T22:00"))).hasSize(1);
    }

    @Test
    void HOTLINE_DIALLED_OUT_an_outbound_call_on_the_hotline() {
        World world = World.week();
        world.calls.add(
                new Call("c-1", at("2026-11-02T22:00"), CallLine.HOTLINE, CallDirection.OUTBOUND, null, true, "chen"));
        world.calls.add(
                new Call("c-2", at("2026-11-02T22:05"), CallLine.OTHER, CallDirection.OUTBOUND, null, true, "chen"));

        assertThat(world.found())
                .containsExactly(
                        v("HOTLINE_DIALLED_OUT", "c-1", List.of("chen"), "2026-11-02", at("2026-11-02T22:00")));
    }

    @Test
    void a_call_belongs_to_the_duty_date_of_its_shift_even_after_midnight() {
        World world = World.week();
        world.call(inbound("c-1", at("2026-11-09T02:00"), 4, true, "chen"));
        world.call(inbound("c-2", at("2026-11-02T03:00"), 4, true, "wang"));

        // c-1 lies in the shift of the 8th (in the period); c-2 in the shift of the 1st (outside it)
        assertThat(world.found())
                .containsExactly(v("CALL_ANSWERED_LATE", "c-1", List.of("chen"), "2026-11-08", at("2026-11-09T02:00")));
    }

    // the second round (SPEC section 4.1)

    /** chen's answered call at 22:00 on the 2nd, recorded by entry e-1 written at {@code loggedAt}. */
    private static World loggedAt(String loggedAt) {
        World world = World.week();
        world.call(CallBuilder.aCall().at(at("2026-11-02T22:00")).staff("chen").entry("e-1"));
        world.entries.add(anEntry()
                .id("e-1")
                .at(at(loggedAt))
                .author("chen")
                .kind(EntryKind.ENQUIRY)
                .closedAt(at("2026-11-02T23:30"))
                .build());
        return world;
    }

    @Test
    void CALL_NOT_LOGGED_an_entry_30_minutes_and_a_second_after_the_call() {
        World world = loggedAt("2026-11-02T22:30:01");

        assertThat(world.found())
                .containsExactly(v("CALL_NOT_LOGGED", "c-1", List.of("chen"), "2026-11-02", at("2026-11-02T22:30")));
        assertThat(world.check("CALL_NOT_LOGGED").get(0).arguments()).containsExactly("2026-11-02 22:00", "30", "e-1");
        assertThat(loggedAt("2026-11-02T21:59:59").found("CALL_NOT_LOGGED")).hasSize(1);
    }

    @Test
    void CALL_NOT_LOGGED_an_entry_at_the_call_or_exactly_30_minutes_later_complies() {
        assertThat(loggedAt("2026-11-02T22:00").found()).isEmpty();
        assertThat(loggedAt("2026-11-02T22:30").found()).isEmpty();

        World none = World.week();
        none.call(CallBuilder.aCall().at(at("2026-11-02T22:00")).staff("chen").notLogged());
        none.call(CallBuilder.aCall()
                .id("c-2")
                .at(at("2026-11-03T12:00"))
                .staff("liu")
                .notLogged());
        assertThat(none.found())
                .containsExactly(v("CALL_NOT_LOGGED", "c-1", List.of("chen"), "2026-11-02", at("2026-11-02T22:30")));
        assertThat(none.found("CALL_NOT_LOGGED", at("2026-11-02T22:29:59"))).isEmpty();
    }
}
