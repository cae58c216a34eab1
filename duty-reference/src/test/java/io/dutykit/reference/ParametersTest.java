package io.dutykit.reference;

import static io.dutykit.reference.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void the_defaults_are_those_of_the_specification() {
        ReferenceParameters p = ReferenceParameters.defaults();

        assertThat(p.incomingLead()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.outgoingLead()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.judgeAfter()).isEqualTo(Duration.ofMinutes(60));
        assertThat(p.maxRings()).isEqualTo(3);
        assertThat(p.maxUncoveredAbsence()).isEqualTo(Duration.ZERO);
        assertThat(p.maxPatrolInterval()).isEqualTo(Duration.ofMinutes(180));
        assertThat(p.reportDueAfterShift()).isEqualTo(Duration.ofMinutes(60));
        assertThat(p.reviewDeadline()).isEqualTo(LocalTime.of(10, 0));
        assertThat(p.planActivation()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.planCategories())
                .containsExactlyInAnyOrder(
                        "FIRE", "FLOOD", "GAS_LEAK", "POWER_OUTAGE", "LIFT_ENTRAPMENT", "SECURITY_THREAT", "MEDICAL");
        assertThat(p.processReviewDueDays()).isEqualTo(10);
        IncidentThresholds t = p.incidentThresholds();
        assertThat(t.supervisor("ANY", IncidentSeverity.DIFFICULT)).isEqualTo(Duration.ofMinutes(30));
        assertThat(t.supervisor("ANY", IncidentSeverity.MAJOR)).isEqualTo(Duration.ofMinutes(10));
        assertThat(t.manager("ANY", IncidentSeverity.MAJOR)).isEqualTo(Duration.ofMinutes(30));
        assertThat(t.manager("ANY", IncidentSeverity.DIFFICULT)).isNull();
        assertThat(t.resolution("ANY", IncidentSeverity.ROUTINE)).isEqualTo(Duration.ofHours(24));
        assertThat(t.resolution("ANY", IncidentSeverity.DIFFICULT)).isEqualTo(Duration.ofHours(72));
        assertThat(t.resolution("ANY", IncidentSeverity.MAJOR)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void every_key_of_procedure_properties_is_read_and_other_keys_are_ignored() {
        Properties props = new Properties();
        props.setProperty("handover.incomingLeadMinutes", "10");
        props.setProperty("handover.outgoingLeadMinutes", "20");
        props.setProperty("handover.judgeAfterMinutes", "90");
        props.setProperty("phone.maxRings", "5");
        props.setProperty("post.maxUncoveredAbsenceMinutes", "3");
        props.setProperty("patrol.maxIntervalMinutes", "120");
        props.setProperty("report.dueMinutesAfterShift", "30");
        props.setProperty("review.deadline", "09:30");
        props.setProperty("emergency.planActivationMinutes", "2");
        props.setProperty("emergency.planCategories", "FIRE, GAS_LEAK");
        props.setProperty("improvement.processReviewDueDays", "15");
        props.setProperty("weight.ERROR", "5");

        ReferenceParameters p = ReferenceParameters.fromProperties(props);

        assertThat(p.incomingLead()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.outgoingLead()).isEqualTo(Duration.ofMinutes(20));
        assertThat(p.judgeAfter()).isEqualTo(Duration.ofMinutes(90));
        assertThat(p.maxRings()).isEqualTo(5);
        assertThat(p.maxUncoveredAbsence()).isEqualTo(Duration.ofMinutes(3));
        assertThat(p.maxPatrolInterval()).isEqualTo(Duration.ofMinutes(120));
        assertThat(p.reportDueAfterShift()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.reviewDeadline()).isEqualTo(LocalTime.of(9, 30));
        assertThat(p.planActivation()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.planCategories()).isEqualTo(Set.of("FIRE", "GAS_LEAK"));
        assertThat(p.processReviewDueDays()).isEqualTo(15);
        assertThat(ReferenceParameters.fromProperties(new Properties())).isEqualTo(ReferenceParameters.defaults());
    }

    @Test
    void a_bad_value_is_refused_naming_the_key() {
        Properties props = new Properties();
        props.setProperty("phone.maxRings", "three");

        assertThatThrownBy(() -> ReferenceParameters.fromProperties(props))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("phone.maxRings")
                .hasMessageContaining("three");
        props.setProperty("phone.maxRings", "3");
        props.setProperty("review.deadline", "ten");
        assertThatThrownBy(() -> ReferenceParameters.fromProperties(props))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("review.deadline");
    }

    @Test
    void phone_max_rings_moves_the_boundary() {
        Properties props = new Properties();
        props.setProperty("phone.maxRings", "5");
        World world = World.week();
        world.calls.add(
                new Call("c-1", at("2026-11-02T22:00"), CallLine.HOTLINE, CallDirection.INBOUND, 5, true, "chen"));
        world.calls.add(
                new Call("c-2", at("2026-11-02T22:05"), CallLine.HOTLINE, CallDirection.INBOUND, 6, true, "chen"));

        var found = new ReferenceProcedureRules(ReferenceParameters.fromProperties(props))
                .evaluate(world.records(), new CheckPeriod(world.from, world.to), at("2027-02-01T00:00"));

        assertThat(found).extracting(v -> v.subject()).containsExactly("c-2");
        assertThat(found.get(0).arguments()).containsExactly("6", "5");
    }

    @Test
    void a_threshold_csv_with_empty_cells_and_a_fallback_row() {
        IncidentThresholds t = IncidentThresholds.fromCsv(
                "\uFEFFcategory,severity,supervisorMinutes,managerMinutes,resolutionMinutes\r\n"
                        + "LIFT_ENTRAPMENT,MAJOR,5,15,120\r\n"
                        + "\"WATER_LEAK\",DIFFICULT,,,\r\n"
                        + "*,DIFFICULT,30,,4320\r\n"
                        + "\r\n");

        assertThat(t.supervisor("LIFT_ENTRAPMENT", IncidentSeverity.MAJOR)).isEqualTo(Duration.ofMinutes(5));
        assertThat(t.manager("LIFT_ENTRAPMENT", IncidentSeverity.MAJOR)).isEqualTo(Duration.ofMinutes(15));
        assertThat(t.supervisor("WATER_LEAK", IncidentSeverity.DIFFICULT)).isNull();
        assertThat(t.supervisor("LIFT_FAULT", IncidentSeverity.DIFFICULT)).isEqualTo(Duration.ofMinutes(30));
        assertThat(t.supervisor("LIFT_ENTRAPMENT", IncidentSeverity.DIFFICULT)).isEqualTo(Duration.ofMinutes(30));
        assertThat(t.resolution("LIFT_FAULT", IncidentSeverity.ROUTINE)).isNull();
    }

    @Test
    void a_bad_threshold_csv_is_refused_with_its_line() {
        String header = IncidentThresholds.CSV_HEADER + "\n";

        assertThatThrownBy(() -> IncidentThresholds.fromCsv("category,severity\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> IncidentThresholds.fromCsv(header + "FIRE,MAJOR,ten,,\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("supervisorMinutes");
        assertThatThrownBy(() -> IncidentThresholds.fromCsv(header + "FIRE,HUGE,1,,\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("HUGE");
        assertThatThrownBy(() -> IncidentThresholds.fromCsv(header + "FIRE,MAJOR,1,,\nFIRE,MAJOR,2,,\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("two rows");
        assertThatThrownBy(() -> IncidentThresholds.fromCsv(header + "FIRE,MAJOR,1,2\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("5");
    }
}
