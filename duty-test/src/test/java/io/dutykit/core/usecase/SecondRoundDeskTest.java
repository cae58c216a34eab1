package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.core.testdata.DeskFixture.date;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.NotFoundException;
import io.dutykit.core.chain.LogChain;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.incident.Escalation;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.testdata.DeskFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The second round's live steps (issue 14) as they succeed: each writes one record of its own change type
 * with a log record id derived from the caller's ids, changes nothing else of the record, and a repeat
 * after an in-doubt outcome returns the stored record without writing. Their refusals are in
 * RefusalCodesTest (one scene per code) and AuthorisationTableTest (who may).
 */
class SecondRoundDeskTest {
    private final DeskFixture f = new DeskFixture();

    private LogRecord lastRecord() {
        return f.log().get(f.log().size() - 1);
    }

    private void majorFireEscalated() {
        f.clock.set("2026-11-03T02:00");
        f.desk.openIncident(SITE, "inc-3", "FIRE", IncidentSeverity.MAJOR, "wang");
        f.desk.escalateIncident(SITE, "inc-3", "li", true, "wang");
        f.desk.escalateIncident(SITE, "inc-3", "zhao", true, "wang");
    }

    @Test
    void the_supervisor_reached_records_the_decision_once_also_after_resolution() {
        majorFireEscalated();
        f.clock.set("2026-11-03T02:12");
        Incident decided = f.desk.recordDecision(SITE, "inc-3", "evacuate floors 8 to 10", "li");

        Escalation toLi = decided.escalations().get(0);
        assertThat(toLi.decision()).isEqualTo("evacuate floors 8 to 10");
        assertThat(toLi.decidedAt()).isEqualTo(at("2026-11-03T02:12"));
        assertThat(decided.escalations().get(1).decision()).isNull();
        assertThat(lastRecord().id())
                .isEqualTo("inc-3/INCIDENT_DECISION_RECORDED/li/"
                        + at("2026-11-03T02:00").getEpochSecond());
        assertThat(lastRecord().type()).isEqualTo("INCIDENT_DECISION_RECORDED");
        int written = f.log().size();
        f.desk.recordDecision(SITE, "inc-3", "evacuate floors 8 to 10", "li");
        assertThat(f.log()).as("the same decision again writes nothing").hasSize(written);

        // zhao comes back on site; evidence, then the resolution; a decision documents, also afterwards (D6)
        f.clock.set("2026-11-03T02:40");
        Incident back = f.desk.recordOnSite(SITE, "inc-3", "zhao");
        assertThat(back.escalations().get(1).onSiteAt()).isEqualTo(at("2026-11-03T02:40"));
        assertThat(lastRecord().id()).isEqualTo("inc-3/INCIDENT_ON_SITE_RECORDED/zhao");
        f.desk.recordOnSite(SITE, "inc-3", "zhao");
        assertThat(f.log()).hasSize(written + 1);
        f.desk.attachIncidentEvidence(SITE, "inc-3", List.of("photo:inc-3-scene.jpg"), "wang");
        f.desk.resolveIncident(SITE, "inc-3", "extinguished", "no injuries", "wang");
        assertThat(f.stores.incidents().find(SITE, "inc-3").orElseThrow().isResolved())
                .isTrue();
        assertThat(LogChain.verify(f.stores.load(SITE)).isIntact()).isTrue();
    }

    @Test
    void an_escalation_given_with_a_decision_records_its_time() {
        majorFireEscalated();
        f.clock.set("2026-11-03T02:05");
        Incident escalated = f.desk.escalateIncident(SITE, "inc-3", "sun", true, "close the car park", "wang");
        Escalation toSun = escalated.escalations().get(2);
        assertThat(toSun.decidedAt()).isEqualTo(at("2026-11-03T02:05"));
    }

    @Test
    void evidence_is_appended_as_a_new_record_and_nothing_else_changes() {
        f.clock.set("2026-11-02T21:10");
        LogEntry written = f.desk.appendEntry(SITE, "wang", anEntry().build());
        f.clock.set("2026-11-02T21:20");
        LogEntry attached = f.desk.attachEvidence(SITE, "e-17", List.of("photo:lift-2.jpg"), "wang");

        assertThat(attached.evidence()).containsExactly("photo:lift-2.jpg");
        assertThat(new LogEntry(
                        attached.id(),
                        attached.date(),
                        attached.at(),
                        attached.author(),
                        attached.kind(),
                        attached.text(),
                        attached.important(),
                        attached.closedAt(),
                        List.of(),
                        attached.corrects()))
                .as("only the evidence changed")
                .isEqualTo(written);
        assertThat(lastRecord().type()).isEqualTo("ENTRY_EVIDENCE_ATTACHED");
        assertThat(lastRecord().id()).startsWith("e-17/ENTRY_EVIDENCE_ATTACHED/");
        int before = f.log().size();
        f.desk.attachEvidence(SITE, "e-17", List.of("photo:lift-2.jpg"), "wang");
        assertThat(f.log()).as("all already attached: nothing written").hasSize(before);
        f.assertFailsWithoutWriting(
                InvalidValueException.class, () -> f.desk.attachEvidence(SITE, "e-17", List.of(), "wang"));
        f.assertFailsWithoutWriting(
                InvalidValueException.class, () -> f.desk.attachEvidence(SITE, "e-17", List.of(" "), "wang"));
        f.assertFailsWithoutWriting(
                NotFoundException.class, () -> f.desk.attachEvidence(SITE, "e-99", List.of("photo:x.jpg"), "wang"));
    }

    @Test
    void a_call_is_linked_once_to_the_entry_that_records_it() {
        f.clock.set("2026-11-02T21:05");
        f.desk.recordCall(
                SITE,
                "wang",
                new Call("c-1", f.clock.instant(), CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang"));
        f.clock.set("2026-11-02T21:10");
        f.desk.appendEntry(SITE, "wang", anEntry().build());
        Call linked = f.desk.linkCall(SITE, "c-1", "e-17", "wang");

        assertThat(linked.entry()).isEqualTo("e-17");
        assertThat(lastRecord().id()).isEqualTo("c-1/CALL_LINKED");
        int before = f.log().size();
        f.desk.linkCall(SITE, "c-1", "e-17", "li");
        assertThat(f.log()).hasSize(before);
        f.clock.set("2026-11-02T21:15");
        f.desk.appendEntry(
                SITE, "wang", anEntry().id("e-18").at("2026-11-02T21:15").build());
        assertThat(f.assertRefused("4.1.8", () -> f.desk.linkCall(SITE, "c-1", "e-18", "wang"))
                        .code())
                .isEqualTo("CALL_ALREADY_LINKED");
    }

    @Test
    void a_supervisor_reviews_a_duty_report_once() {
        f.clock.set("2026-11-03T08:00");
        f.desk.submitDutyReport(SITE, date("2026-11-02"), "wang");
        f.clock.set("2026-11-03T09:40");
        DutyReport reviewed = f.desk.reviewDutyReport(SITE, date("2026-11-02"), "wang", "li");

        assertThat(reviewed.reviewedBy()).isEqualTo("li");
        assertThat(reviewed.reviewedAt()).isEqualTo(at("2026-11-03T09:40"));
        assertThat(lastRecord().id()).isEqualTo("2026-11-02/wang/DUTY_REPORT_REVIEWED");
        int before = f.log().size();
        f.desk.reviewDutyReport(SITE, date("2026-11-02"), "wang", "li");
        assertThat(f.log()).hasSize(before);
        f.assertFailsWithoutWriting(
                NotFoundException.class, () -> f.desk.reviewDutyReport(SITE, date("2026-11-03"), "chen", "li"));
    }

    @Test
    void a_rejected_leave_is_not_approved() {
        f.desk.requestLeave(SITE, "lv-1", "wang", date("2026-11-04"), "clinic", "wang");
        Leave rejected = f.desk.rejectLeave(SITE, "lv-1", "li");

        assertThat(rejected.rejectedBy()).isEqualTo("li");
        assertThat(lastRecord().id()).isEqualTo("lv-1/LEAVE_REJECTED");
        int before = f.log().size();
        f.desk.rejectLeave(SITE, "lv-1", "li");
        assertThat(f.log()).hasSize(before);
        assertThat(f.assertRefused("4.1.5", () -> f.desk.approveLeave(SITE, "lv-1", "liu", "li"))
                        .code())
                .isEqualTo("LEAVE_ALREADY_REJECTED");
    }
}
