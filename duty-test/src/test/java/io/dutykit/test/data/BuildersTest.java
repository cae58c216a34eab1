package io.dutykit.test.data;

import static io.dutykit.test.data.CallBuilder.aCall;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.HandoverBuilder.aHandover;
import static io.dutykit.test.data.HandoverBuilder.anOpenHandover;
import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.SiteBuilder.aSite;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.Signature;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.site.Site;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What the builders' defaults are, as their comments promise. */
class BuildersTest {

    @Test
    void a_handover_is_compliant_by_default_and_follows_its_scheduled_time() {
        Handover handover = aHandover().build();

        assertThat(handover.id()).isEqualTo("ho-2026-11-02");
        assertThat(handover.date()).isEqualTo(LocalDate.parse("2026-11-02"));
        assertThat(handover.scheduledAt()).isEqualTo(at("2026-11-02T17:30"));
        assertThat(handover.outgoing()).isEqualTo("chen");
        assertThat(handover.incoming()).isEqualTo("wang");
        assertThat(handover.incomingArrivedAt()).isEqualTo(at("2026-11-02T17:20"));
        assertThat(handover.outgoingReadyAt()).isEqualTo(at("2026-11-02T17:10"));
        assertThat(handover.signatures())
                .extracting(Signature::staff, Signature::role, Signature::at)
                .containsExactly(
                        tuple("chen", SignatureRole.OUTGOING, at("2026-11-02T17:28")),
                        tuple("wang", SignatureRole.INCOMING, at("2026-11-02T17:29")));
        assertThat(handover.completedAt()).isEqualTo(at("2026-11-02T17:32"));
        assertThat(handover.isSignedByBoth()).isTrue();

        Handover morning = aHandover().scheduledAt("2026-11-03T08:30").build();
        assertThat(morning.date()).as("the shift it ends").isEqualTo(LocalDate.parse("2026-11-02"));
        assertThat(morning.id()).isEqualTo("ho-2026-11-02");
        assertThat(morning.completedAt()).isEqualTo(at("2026-11-03T08:32"));
    }

    @Test
    void a_handover_takes_a_time_of_day_on_its_scheduled_day_and_the_duty_date_of_its_site() {
        Handover handover = aHandover()
                .scheduledAt("2026-11-07T08:30")
                .incomingArrivedAt("08:26")
                .signedBy(SignatureRole.INCOMING, "liu", "08:31")
                .withoutSignature(SignatureRole.OUTGOING)
                .notCompleted()
                .build();

        assertThat(handover.date())
                .as("Saturday: the 24-hour shift it starts")
                .isEqualTo(LocalDate.parse("2026-11-07"));
        assertThat(handover.incomingArrivedAt()).isEqualTo(at("2026-11-07T08:26"));
        assertThat(handover.signatures())
                .extracting(Signature::staff, Signature::at)
                .containsExactly(tuple("liu", at("2026-11-07T08:31")));
        assertThat(handover.completedAt()).isNull();

        Site makeUpDay = aSite().workday("2026-11-07").build();
        assertThat(aHandover()
                        .site(makeUpDay)
                        .scheduledAt("2026-11-07T08:30")
                        .build()
                        .date())
                .as("a make-up working day: the night shift of the 6th ends at 08:30")
                .isEqualTo(LocalDate.parse("2026-11-06"));
    }

    @Test
    void an_open_handover_is_one_as_just_scheduled() {
        Handover open = anOpenHandover().build();

        assertThat(open)
                .isEqualTo(Handover.schedule(
                        "ho-2026-11-02", LocalDate.parse("2026-11-02"), at("2026-11-02T17:30"), "chen", "wang"));
        assertThat(anOpenHandover().unsigned().incomingNeverArrived().build()).isEqualTo(open);
    }

    @Test
    void an_entry_is_an_open_enquiry_dated_by_the_shift_it_was_written_in() {
        LogEntry entry = anEntry().build();
        assertThat(entry.id()).isEqualTo("e-17");
        assertThat(entry.kind()).isEqualTo(EntryKind.ENQUIRY);
        assertThat(entry.author()).isEqualTo("wang");
        assertThat(entry.isOpenAt(at("2026-12-01T00:00"))).isTrue();
        assertThat(entry.important()).isFalse();

        assertThat(anEntry().at("2026-11-03T02:00").build().date())
                .as("after midnight, in the shift of the 2nd")
                .isEqualTo(LocalDate.parse("2026-11-02"));
        LogEntry correction = anEntry().id("e-18").corrects("e-17").build();
        assertThat(correction.kind()).isEqualTo(EntryKind.CORRECTION);
        assertThat(correction.corrects()).isEqualTo("e-17");
        assertThatThrownBy(() -> anEntry().kind(EntryKind.CORRECTION).build()).hasMessageContaining("CORRECTION");
    }

    @Test
    void an_incident_is_routine_and_resolved_an_hour_later_with_its_process_and_result() {
        Incident incident = anIncident().build();
        assertThat(incident.severity()).isEqualTo(IncidentSeverity.ROUTINE);
        assertThat(incident.openedAt()).isEqualTo(at("2026-11-02T20:00"));
        assertThat(incident.resolvedAt()).isEqualTo(at("2026-11-02T21:00"));
        assertThat(incident.process()).isNotBlank();
        assertThat(incident.result()).isNotBlank();

        Incident open = anIncident()
                .openedAt("2026-11-02T23:50")
                .escalatedTo("li", "23:55", true)
                .unresolved()
                .build();
        assertThat(open.resolvedAt()).isNull();
        assertThat(open.escalations().get(0).at()).isEqualTo(at("2026-11-02T23:55"));
        assertThat(open.date()).isEqualTo(LocalDate.parse("2026-11-02"));
    }

    @Test
    void a_site_is_garden_court_with_its_holidays_and_make_up_days() {
        Site site = aSite().holiday("2026-10-01").workday("2026-10-10").build();

        assertThat(site.id()).isEqualTo("garden-court");
        assertThat(site.zone()).isEqualTo(TestTime.ZONE);
        assertThat(site.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(site.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(aSite().workdayDuty("18:00", "08:00")
                        .build()
                        .shiftOf(LocalDate.parse("2026-11-02"))
                        .start())
                .isEqualTo(at("2026-11-02T18:00"));
    }

    @Test
    void times_are_read_site_local_and_a_malformed_one_says_how_to_write_it() {
        assertThat(at("2026-11-02T17:25")).hasToString("2026-11-02T09:25:00Z");
        assertThat(at("2026-11-02T17:25:01")).hasToString("2026-11-02T09:25:01Z");
        assertThatThrownBy(() -> at("2026-11-02 17:25"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-02T17:25");
    }

    @Test
    void the_incoming_records_the_required_checks_a_minute_apart_after_arriving_inside_the_window() {
        Handover handover = aHandover().build();
        assertThat(handover.checks())
                .extracting(HandoverCheck::check, HandoverCheck::by, HandoverCheck::at)
                .containsExactly(
                        tuple("LOG_READ", "wang", at("2026-11-02T17:21")),
                        tuple("AREA_INSPECTED", "wang", at("2026-11-02T17:22")),
                        tuple("SYSTEMS_RUNNING", "wang", at("2026-11-02T17:23")),
                        tuple("COMMS_WORKING", "wang", at("2026-11-02T17:24")));
        assertThat(handover.missingChecks(
                        HandoverBuilder.REQUIRED_CHECKS, at("2026-11-02T16:30"), handover.completedAt()))
                .isEmpty();

        Handover early = aHandover().incomingArrivedAt("16:00").build();
        assertThat(early.checks().get(0).at()).as("not before the window opens").isEqualTo(at("2026-11-02T16:30"));
        Handover late = aHandover().incomingArrivedAt("17:45").build();
        assertThat(late.missingChecks(HandoverBuilder.REQUIRED_CHECKS, at("2026-11-02T16:30"), late.completedAt()))
                .as("not after completion")
                .isEmpty();
        assertThat(aHandover().withoutChecks().build().checks()).isEmpty();
        assertThat(aHandover().check("LOG_READ", "chen", "17:25").build().checks())
                .extracting(HandoverCheck::by)
                .containsExactly("chen");
        assertThat(anOpenHandover().build().checks()).isEmpty();
    }

    @Test
    void a_call_is_answered_within_three_rings_and_logged_by_its_entry() {
        CallBuilder call = aCall();
        Call built = call.build();
        LogEntry entry = call.loggingEntry().orElseThrow();

        assertThat(built.entry()).isEqualTo(entry.id()).isEqualTo("e-c-1");
        assertThat(entry.at()).isEqualTo(at("2026-11-02T21:05"));
        assertThat(entry.author()).isEqualTo("wang");
        assertThat(entry.isOpenAt(at("2026-11-02T21:15"))).isFalse();
        assertThat(aCall().notLogged().build().entry()).isNull();
        assertThat(aCall().unanswered().loggingEntry()).isEmpty();
        assertThat(aCall().direction(CallDirection.OUTBOUND).build().entry()).isNull();
    }

    @Test
    void a_major_incident_is_decided_returned_to_and_documented_with_evidence() {
        Incident major = anIncident()
                .severity(IncidentSeverity.MAJOR)
                .escalatedTo("li", "20:05", true)
                .escalatedTo("zhao", "20:10", true)
                .escalatedTo("sun", "20:15", false)
                .build();

        assertThat(major.evidence()).containsExactly("photo:inc-1-scene.jpg");
        assertThat(major.escalations())
                .extracting(Escalation::to, Escalation::decision, Escalation::decidedAt, Escalation::onSiteAt)
                .containsExactly(
                        tuple(
                                "li",
                                "handle it as the emergency plan says",
                                at("2026-11-02T20:10"),
                                at("2026-11-02T20:25")),
                        tuple("zhao", null, null, at("2026-11-02T20:30")),
                        tuple("sun", null, null, null));

        Incident inOfficeHours = anIncident()
                .openedAt("2026-11-02T10:00")
                .severity(IncidentSeverity.MAJOR)
                .escalatedTo("zhao", "10:05", true)
                .build();
        assertThat(inOfficeHours.escalations().get(0).onSiteAt())
                .as("office hours: no return needed")
                .isNull();
        Incident difficult = anIncident()
                .severity(IncidentSeverity.DIFFICULT)
                .escalatedTo("li", "20:05", true)
                .build();
        assertThat(difficult.escalations().get(0).decidedAt()).isEqualTo(at("2026-11-02T20:10"));
        assertThat(difficult.evidence()).isEmpty();
        assertThat(anIncident()
                        .escalatedTo("li", "20:05", true)
                        .build()
                        .escalations()
                        .get(0)
                        .decision())
                .as("a ROUTINE incident needs no decision")
                .isNull();
        Incident bare = anIncident()
                .severity(IncidentSeverity.MAJOR)
                .escalatedTo("li", "20:05", true)
                .withoutDecisions()
                .withoutOnSiteReturns()
                .withoutEvidence()
                .build();
        assertThat(bare.escalations().get(0)).isEqualTo(Escalation.of("li", at("2026-11-02T20:05"), true));
        assertThat(bare.evidence()).isEmpty();
    }

    @Test
    void the_compliant_world_has_spot_checks_reviewed_reports_and_logged_calls() {
        CompliantWorld week = CompliantWorld.week().call(aCall().id("c-9").at("2026-11-03T20:00"));
        SiteRecords records = week.records();

        assertThat(records.spotChecks())
                .extracting(SpotCheck::date)
                .containsExactly(
                        LocalDate.parse("2026-11-03"),
                        LocalDate.parse("2026-11-10"),
                        LocalDate.parse("2026-11-17"),
                        LocalDate.parse("2026-11-24"));
        assertThat(records.dutyReports()).allSatisfy(r -> {
            assertThat(r.reviewedBy()).isEqualTo("li");
            assertThat(r.reviewedAt()).isAfterOrEqualTo(r.submittedAt());
        });
        assertThat(records.calls()).extracting(Call::entry).containsExactly("e-c-9");
        assertThat(records.entries()).extracting(LogEntry::id).contains("e-c-9");
        assertThat(records.handovers()).allSatisfy(h -> assertThat(h.checks()).hasSize(4));
    }
}
