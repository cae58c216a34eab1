package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.core.testdata.DeskFixture.date;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.NotFoundException;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.testdata.DeskFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentDeskTest {
    private final DeskFixture f = new DeskFixture();

    private LogRecord lastRecord() {
        return f.log().get(f.log().size() - 1);
    }

    private Incident openMajorFire() {
        f.clock.set("2026-11-03T02:00");
        return f.desk.openIncident(SITE, "inc-3", "FIRE", IncidentSeverity.MAJOR, "wang");
    }

    @Test
    void an_incident_is_opened_escalated_planned_and_resolved() {
        Incident opened = openMajorFire();
        assertThat(opened.date()).isEqualTo(date("2026-11-02")); // 02:00 lies in Monday's night shift
        assertThat(opened.openedAt()).isEqualTo(at("2026-11-03T02:00"));
        f.clock.advance(Duration.ofMinutes(2));
        f.desk.activatePlan(SITE, "inc-3", "wang");
        f.clock.advance(Duration.ofMinutes(3));
        f.desk.escalateIncident(SITE, "inc-3", "li", true, "wang");
        assertThat(lastRecord().id())
                .isEqualTo(
                        "inc-3/INCIDENT_ESCALATED/li/" + at("2026-11-03T02:05").getEpochSecond());
        f.clock.advance(Duration.ofMinutes(5));
        f.desk.escalateIncident(SITE, "inc-3", "zhao", false, "evacuate floors 8 to 10", "li");
        f.clock.advance(Duration.ofMinutes(59));
        // a MAJOR incident is resolved with evidence attached (4.2.2, design D7)
        f.desk.attachIncidentEvidence(SITE, "inc-3", List.of("photo:inc-3-scene.jpg"), "wang");
        f.clock.advance(Duration.ofMinutes(1));
        Incident resolved =
                f.desk.resolveIncident(SITE, "inc-3", "extinguished by fire brigade", "no injuries", "wang");

        assertThat(resolved.planActivatedAt()).isEqualTo(at("2026-11-03T02:02"));
        assertThat(resolved.escalations()).extracting(e -> e.to()).containsExactly("li", "zhao");
        assertThat(resolved.escalations().get(1).decision()).isEqualTo("evacuate floors 8 to 10");
        assertThat(resolved.resolvedAt()).isEqualTo(at("2026-11-03T03:10"));
        assertThat(f.stores.incidents().find(SITE, "inc-3")).contains(resolved);
        assertThat(f.log())
                .extracting(LogRecord::type)
                .endsWith(
                        "INCIDENT_OPENED",
                        "INCIDENT_PLAN_ACTIVATED",
                        "INCIDENT_ESCALATED",
                        "INCIDENT_ESCALATED",
                        "INCIDENT_EVIDENCE_ATTACHED",
                        "INCIDENT_RESOLVED");
    }

    @Test
    void repeated_calls_return_the_stored_incident_without_writing() {
        openMajorFire();
        f.desk.activatePlan(SITE, "inc-3", "wang");
        f.desk.escalateIncident(SITE, "inc-3", "li", true, "wang");
        int before = f.log().size();
        f.desk.openIncident(SITE, "inc-3", "FIRE", IncidentSeverity.MAJOR, "wang");
        f.desk.activatePlan(SITE, "inc-3", "wang");
        f.desk.escalateIncident(SITE, "inc-3", "li", true, "wang");
        assertThat(f.log()).hasSize(before);
    }

    @Test
    void an_incident_is_escalated_only_to_someone_of_manager_level() {
        openMajorFire();
        f.assertRefused("4.1.5", () -> f.desk.escalateIncident(SITE, "inc-3", "chen", true, "wang"));
        f.desk.escalateIncident(SITE, "inc-3", "sun", true, "wang");
    }

    @Test
    void only_the_reporter_or_someone_of_manager_level_handles_an_incident() {
        openMajorFire();
        f.assertRefused("4.1.5", () -> f.desk.escalateIncident(SITE, "inc-3", "li", true, "chen"));
        f.assertRefused("4.1.5", () -> f.desk.activatePlan(SITE, "inc-3", "chen"));
        f.assertRefused("4.1.5", () -> f.desk.resolveIncident(SITE, "inc-3", "p", "r", "chen"));
        f.desk.attachIncidentEvidence(SITE, "inc-3", List.of("photo:inc-3-scene.jpg"), "wang");
        f.desk.resolveIncident(SITE, "inc-3", "p", "r", "li");
    }

    @Test
    void a_major_incident_is_resolved_only_with_process_and_result() {
        openMajorFire();
        f.assertRefused("G4", () -> f.desk.resolveIncident(SITE, "inc-3", "put out", " ", "wang"));
    }

    @Test
    void a_resolved_incident_is_not_resolved_again_differently() {
        openMajorFire();
        f.desk.attachIncidentEvidence(SITE, "inc-3", List.of("photo:inc-3-scene.jpg"), "wang");
        f.desk.resolveIncident(SITE, "inc-3", "put out", "no injuries", "wang");
        f.assertRefused("4.1.8", () -> f.desk.resolveIncident(SITE, "inc-3", "other story", "x", "wang"));
        f.assertRefused("4.1.8", () -> f.desk.escalateIncident(SITE, "inc-3", "li", true, "wang"));
    }

    @Test
    void an_unknown_incident_or_escalation_target_is_not_found() {
        f.assertFailsWithoutWriting(NotFoundException.class, () -> f.desk.activatePlan(SITE, "inc-404", "wang"));
        openMajorFire();
        f.assertFailsWithoutWriting(
                NotFoundException.class, () -> f.desk.escalateIncident(SITE, "inc-3", "ghost", true, "wang"));
    }
}
