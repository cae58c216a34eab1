package io.dutykit.reference;

import static io.dutykit.reference.V.v;
import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.TestTime.at;
import static io.dutykit.test.data.TestTime.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.SupervisorReview;
import io.dutykit.core.roster.Roster;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.test.data.CallBuilder;
import io.dutykit.test.data.HandoverBuilder;
import io.dutykit.test.data.TestTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Holidays, make-up working days, weekends and month boundaries move shifts and deadlines. */
class CalendarTest {
    private static final List<String> SUPERVISORS = List.of("li", "sun");

    private static World weekWith(Set<String> holidays, Set<String> workdays) {
        Site site = Fixtures.siteWith(
                holidays.stream().map(TestTime::date).collect(java.util.stream.Collectors.toSet()),
                workdays.stream().map(TestTime::date).collect(java.util.stream.Collectors.toSet()));
        return World.compliant(site, date("2026-11-02"), date("2026-11-08"));
    }

    private static Call missed(String id, String at) {
        return new Call(id, at(at), CallLine.HOTLINE, CallDirection.INBOUND, 8, false, null);
    }

    @Test
    void a_holiday_has_a_24_hour_shift_starting_at_08_30() {
        World world = weekWith(Set.of("2026-11-04"), Set.of());
        assertThat(world.found()).isEmpty();

        world.handovers.remove(date("2026-11-04"));
        world.extraHandovers.add(HandoverBuilder.aHandover()
                .id("ho-evening")
                .date(date("2026-11-04"))
                .scheduledAt(at("2026-11-04T17:30"))
                .outgoing("liu")
                .incoming("chen")
                .build());
        world.calls.add(missed("c-1", "2026-11-04T12:00"));

        assertThat(world.found())
                .containsExactly(
                        v("CALL_MISSED", "c-1", List.of("chen"), "2026-11-04", at("2026-11-04T12:00")),
                        v("HANDOVER_MISSING", "2026-11-04", List.of("chen"), "2026-11-04", at("2026-11-04T08:30")));
    }

    @Test
    void a_make_up_working_day_on_a_saturday_has_an_evening_shift_and_office_hours() {
        World world = weekWith(Set.of(), Set.of("2026-11-07"));
        assertThat(world.found()).isEmpty();

        world.calls.add(missed("c-1", "2026-11-07T12:00"));
        world.incidents.add(anIncident()
                .id("inc-1")
                .openedAt(at("2026-11-07T09:50"))
                .date(date("2026-11-07"))
                .resolvedAt(at("2026-11-07T11:00"))
                .escalatedTo("zhao", at("2026-11-07T10:00"), false)
                .build());

        assertThat(world.found()).isEmpty();
    }

    @Test
    void a_plain_saturday_is_on_duty_all_day_and_after_hours() {
        World world = World.week();
        world.calls.add(missed("c-1", "2026-11-07T12:00"));
        world.incidents.add(anIncident()
                .id("inc-1")
                .openedAt(at("2026-11-07T09:50"))
                .date(date("2026-11-07"))
                .resolvedAt(at("2026-11-07T11:00"))
                .escalatedTo("zhao", at("2026-11-07T10:00"), false)
                .build());

        assertThat(world.found())
                .containsExactly(
                        v("CALL_MISSED", "c-1", List.of("wang"), "2026-11-07", at("2026-11-07T12:00")),
                        v("ONCALL_UNREACHABLE", "inc-1/zhao", List.of("zhao"), "2026-11-07", at("2026-11-07T10:00")));
    }

    @Test
    void a_review_falls_due_on_the_make_up_saturday_but_otherwise_on_monday() {
        World makeUp = weekWith(Set.of(), Set.of("2026-11-07"));
        makeUp.reviews.removeIf(r -> r.date().equals(date("2026-11-06")));
        makeUp.reviews.add(new SupervisorReview(date("2026-11-06"), "li", at("2026-11-09T09:00"), null));

        assertThat(makeUp.found())
                .containsExactly(
                        v("LOG_NOT_REVIEWED", "2026-11-06", SUPERVISORS, "2026-11-06", at("2026-11-07T10:00")));
    }

    @Test
    void a_review_after_holidays_falls_due_on_the_next_working_day() {
        World world = weekWith(Set.of("2026-11-05", "2026-11-06"), Set.of());
        assertThat(world.found()).isEmpty();

        world.reviews.removeIf(r -> r.date().equals(date("2026-11-04")));

        assertThat(world.found())
                .containsExactly(
                        v("LOG_NOT_REVIEWED", "2026-11-04", SUPERVISORS, "2026-11-04", at("2026-11-09T10:00")));
    }

    @Test
    void a_period_across_a_month_boundary_checks_both_months() {
        World world = World.compliant(Fixtures.SITE, date("2026-11-30"), date("2026-12-01"));
        assertThat(world.found()).isEmpty();

        Roster december = world.rosters.get(YearMonth.of(2026, 12));
        world.rosters.put(
                december.month(), new Roster(december.month(), at("2026-12-01T00:00"), "sun", december.duties()));
        world.processReviews.clear();
        world.call(CallBuilder.aCall()
                .id("c-1")
                .at(at("2026-12-01T02:00"))
                .rings(5)
                .staff("chen"));

        assertThat(world.found())
                .containsExactly(
                        v("PROCESS_REVIEW_MISSING", "2026-11", SUPERVISORS, "2026-11-01", at("2026-12-11T00:00")),
                        v("CALL_ANSWERED_LATE", "c-1", List.of("chen"), "2026-11-30", at("2026-12-01T02:00")),
                        v("PROCESS_REVIEW_MISSING", "2026-12", SUPERVISORS, "2026-12-01", at("2027-01-11T00:00")),
                        v("ROSTER_LATE", "2026-12", List.of("sun"), "2026-12-01", at("2026-12-01T00:00")));
    }

    @Test
    void a_zone_with_daylight_saving_time_keeps_shifts_site_local() {
        Site berlin = Site.of("spree-hof", "Spree Hof", ZoneId.of("Europe/Berlin"), SiteCalendar.WEEKDAYS_ONLY);
        // summer time ends on Sunday 25 October 2026: that shift lasts 25 hours
        World world = World.compliant(berlin, date("2026-10-19"), date("2026-10-31"));

        assertThat(world.check(at("2027-02-01T00:00"))).isEmpty();
    }
}
