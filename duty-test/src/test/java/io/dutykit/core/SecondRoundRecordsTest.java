package io.dutykit.core;

import static io.dutykit.test.data.CallBuilder.aCall;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.HandoverBuilder.anOpenHandover;
import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.SiteBuilder.aSite;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.core.site.Site;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records' fields of the second round (SPEC section 5, 2026-12-03): their validation, naming the
 * value, and the steps that change them, each refused by the clause it protects.
 */
class SecondRoundRecordsTest {
    private static final LocalDate D = LocalDate.parse("2026-11-02");

    @Test
    void a_site_checklist_has_one_line_per_item_of_upper_case_codes_and_counts_from_zero() {
        Site site = aSite().inventory("WALKIE_TALKIE", 2).inventory("FLASK", 0).build();
        assertThat(site.checklistItem("WALKIE_TALKIE")).contains(new InventoryItem("WALKIE_TALKIE", 2));
        assertThat(site.checklistItem("FIRE_EXTINGUISHER")).isEmpty();

        assertThatThrownBy(() ->
                        aSite().inventory("FLASK", 1).inventory("FLASK", 2).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("FLASK twice");
        assertThatThrownBy(() -> new InventoryItem("walkie talkie", 2))
                .hasMessageContaining("walkie talkie")
                .hasMessageContaining("upper-case code");
        assertThatThrownBy(() -> new InventoryItem("FLASK", -1)).hasMessageContaining("(-1) must not be negative");
    }

    @Test
    void a_check_names_its_code_who_made_it_and_when() {
        assertThatThrownBy(() -> new HandoverCheck("log read", "wang", at("2026-11-02T17:21")))
                .hasMessageContaining("log read");
        assertThatThrownBy(() -> new HandoverCheck("LOG_READ", " ", at("2026-11-02T17:21")))
                .hasMessageContaining("checks[LOG_READ].by");
        assertThatThrownBy(() -> new HandoverCheck("LOG_READ", "wang", null))
                .hasMessageContaining("checks[LOG_READ].at");
    }

    @Test
    void the_incoming_records_each_check_once_until_they_sign() {
        Handover open = anOpenHandover().build();
        Handover checked = open.recordCheck(new HandoverCheck("LOG_READ", "wang", at("2026-11-02T17:21")))
                .recordCheck(new HandoverCheck("AREA_INSPECTED", "wang", at("2026-11-02T17:22")));

        assertThat(checked.recordCheck(new HandoverCheck("LOG_READ", "wang", at("2026-11-02T17:25"))))
                .isEqualTo(checked);
        Handover outgoingSigned = checked.signAsOutgoing("chen", at("2026-11-02T17:28"));
        assertThat(outgoingSigned
                        .recordCheck(new HandoverCheck("COMMS_WORKING", "wang", at("2026-11-02T17:28:30")))
                        .checks())
                .as("after the outgoing signed: D3, the checks are not part of what was signed")
                .hasSize(3);
        Handover bothSigned = outgoingSigned.signAsIncoming("wang", at("2026-11-02T17:29"));
        assertThat(refusal(() -> bothSigned.recordCheck(
                                new HandoverCheck("COMMS_WORKING", "wang", at("2026-11-02T17:30"))))
                        .clause())
                .isEqualTo("4.2.1");
        assertThat(refusal(() -> bothSigned
                                .complete(at("2026-11-02T17:31"))
                                .recordCheck(new HandoverCheck("COMMS_WORKING", "wang", at("2026-11-02T17:32"))))
                        .clause())
                .isEqualTo("4.1.8");
    }

    @Test
    void missing_checks_are_those_the_incoming_did_not_record_inside_the_window() {
        Handover handover = anOpenHandover()
                .build()
                .recordCheck(new HandoverCheck("LOG_READ", "wang", at("2026-11-02T16:30")))
                .recordCheck(new HandoverCheck("AREA_INSPECTED", "chen", at("2026-11-02T17:20")))
                .recordCheck(new HandoverCheck("SYSTEMS_RUNNING", "wang", at("2026-11-02T16:29:59")));
        List<String> required = List.of("LOG_READ", "AREA_INSPECTED", "SYSTEMS_RUNNING", "COMMS_WORKING");

        assertThat(handover.missingChecks(required, at("2026-11-02T16:30"), at("2026-11-02T17:32")))
                .containsExactly("AREA_INSPECTED", "SYSTEMS_RUNNING", "COMMS_WORKING");
        assertThat(handover.missingChecks(List.of("LOG_READ"), at("2026-11-02T16:30:01"), at("2026-11-02T17:32")))
                .containsExactly("LOG_READ");
        assertThat(handover.missingChecks(List.of(), at("2026-11-02T16:30"), at("2026-11-02T17:32")))
                .isEmpty();
    }

    @Test
    void the_checklist_says_what_must_be_counted_and_its_expected_count_wins() {
        List<InventoryItem> checklist =
                List.of(new InventoryItem("WALKIE_TALKIE", 3), new InventoryItem("FIRE_EXTINGUISHER", 4));
        Handover handover = anOpenHandover()
                .inventory(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null))
                .inventory(new InventoryLine("FLASK", 2, 1, 0, null))
                .build();

        assertThat(handover.uncounted(checklist)).containsExactly("FIRE_EXTINGUISHER");
        assertThat(handover.unexplained(checklist)).containsExactly("WALKIE_TALKIE", "FLASK");
        assertThat(handover.unexplained()).containsExactly("FLASK");
        assertThat(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null).needsExplanation(3))
                .isTrue();
        assertThat(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, "one at the gate").needsExplanation(3))
                .isFalse();
    }

    @Test
    void a_decision_time_comes_with_a_decision() {
        Instant at = at("2026-11-02T20:05");
        assertThatThrownBy(() -> new Escalation("li", at, true, " ", null, at.plusSeconds(60)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("decidedAt")
                .hasMessageContaining("no decision");
        assertThat(new Escalation("li", at, true, "send the plumber", null).decidedAt())
                .isNull();
        assertThat(Escalation.of("li", at, true)
                        .withDecision("send the plumber", at.plusSeconds(60))
                        .hasDecision())
                .isTrue();
    }

    @Test
    void the_supervisor_reached_records_a_decision_and_those_escalated_to_come_back_on_site_also_after_resolution() {
        Incident incident = anIncident()
                .severity(IncidentSeverity.MAJOR)
                .escalatedTo("li", "20:05", false)
                .escalatedTo("li", "20:10", true)
                .escalatedTo("zhao", "20:20", false)
                .withoutDecisions()
                .withoutOnSiteReturns()
                .withoutEvidence()
                .build();

        Incident decided = incident.recordDecision("li", "evacuate block 3", at("2026-11-02T20:15"));
        assertThat(decided.escalations().get(1).decision()).isEqualTo("evacuate block 3");
        assertThat(decided.escalations().get(1).decidedAt()).isEqualTo(at("2026-11-02T20:15"));
        assertThat(decided.escalations().get(0).decision()).isNull();
        assertThat(refusal(() -> incident.recordDecision("zhao", "x", at("2026-11-02T20:25")))
                        .clause())
                .as("zhao was not reached")
                .isEqualTo("4.1.5");

        Incident back = decided.recordOnSite("zhao", at("2026-11-02T20:50"));
        assertThat(back.escalations().get(2).onSiteAt()).isEqualTo(at("2026-11-02T20:50"));
        assertThat(refusal(() -> decided.recordOnSite("sun", at("2026-11-02T20:50")))
                        .clause())
                .isEqualTo("4.1.7");
        assertThat(incident.isResolved())
                .as("documenting after resolution is allowed (D6)")
                .isTrue();
    }

    @Test
    void evidence_is_appended_once_never_removed_and_never_blank() {
        Incident incident = anIncident().withoutEvidence().build();
        Incident attached =
                incident.attachEvidence(List.of("photo:a.jpg")).attachEvidence(List.of("photo:a.jpg", "doc:b.pdf"));
        assertThat(attached.evidence()).containsExactly("photo:a.jpg", "doc:b.pdf");
        assertThatThrownBy(() -> incident.attachEvidence(List.of(" ")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("evidence[0] is blank");
        assertThatThrownBy(() ->
                        anIncident().id("inc-7").evidence("photo:a.jpg", "").build())
                .hasMessageContaining("incidents[inc-7].evidence[1] is blank");

        LogEntry entry = anEntry().evidence("photo:lobby.jpg").build();
        assertThat(entry.attachEvidence(List.of("photo:lobby.jpg", "photo:door.jpg"))
                        .evidence())
                .containsExactly("photo:lobby.jpg", "photo:door.jpg");
        assertThatThrownBy(() -> entry.attachEvidence(List.of(""))).hasMessageContaining("evidence[0] is blank");
        assertThat(anEntry().evidence(" ").build().evidence())
                .as("an entry as stored before 2026-12-03 stays readable")
                .containsExactly(" ");
    }

    @Test
    void a_call_is_linked_to_one_entry_and_a_blank_link_is_none() {
        Call call = aCall().notLogged().build();
        assertThat(aCall().entry(" ").build().entry()).isNull();

        Call linked = call.linkTo("e-5");
        assertThat(linked.entry()).isEqualTo("e-5");
        assertThat(linked.linkTo("e-5")).isEqualTo(linked);
        assertThat(refusal(() -> linked.linkTo("e-6")).clause()).isEqualTo("4.1.8");
    }

    @Test
    void a_duty_report_is_reviewed_once() {
        DutyReport report = new DutyReport(D, "wang", at("2026-11-03T09:00"), null, null);
        DutyReport reviewed = report.review("li", at("2026-11-03T09:40"));

        assertThat(reviewed.reviewedBy()).isEqualTo("li");
        assertThat(reviewed.reviewedAt()).isEqualTo(at("2026-11-03T09:40"));
        assertThat(refusal(() -> reviewed.review("li", at("2026-11-03T10:00"))).clause())
                .isEqualTo("4.1.8");
    }

    @Test
    void a_leave_is_approved_or_rejected_not_both() {
        Leave requested = Leave.request("lv-1", "wang", D, at("2026-10-30T09:00"), "family");
        Leave rejected = requested.reject("li", at("2026-10-30T10:00"));

        assertThat(rejected.isRejected()).isTrue();
        assertThat(rejected.rejectedAt()).isEqualTo(at("2026-10-30T10:00"));
        assertThat(refusal(() -> rejected.approve("li", at("2026-10-30T11:00"), "chen"))
                        .clause())
                .isEqualTo("4.1.5");
        Leave approved = requested.approve("li", at("2026-10-30T10:00"), "chen");
        assertThat(refusal(() -> approved.reject("li", at("2026-10-30T11:00"))).clause())
                .isEqualTo("4.1.5");
        assertThatThrownBy(() ->
                        new Leave("lv-2", "wang", D, null, "li", null, "chen", null, "li", at("2026-10-30T10:00")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("lv-2")
                .hasMessageContaining("approved or rejected, not both");
        assertThat(new Leave("lv-3", "wang", D, null, null, null, null, null, " ", null).rejectedBy())
                .isNull();
    }

    private static ProcedureRefusedException refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ProcedureRefusedException refused = catchThrowableOfType(ProcedureRefusedException.class, call);
        assertThat(refused).as("a refusal").isNotNull();
        return refused;
    }
}
