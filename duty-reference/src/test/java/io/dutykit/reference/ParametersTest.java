package io.dutykit.reference;

import static io.dutykit.reference.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The reference engine reads the core's procedure model: its defaults are those of the
 * specification, and a changed parameter moves its rules. Reading the parameters file and the
 * threshold CSV is tested in the core ({@code ParameterValuesTest}, {@code IncidentThresholdTableTest}).
 */
class ParametersTest {

    @Test
    void the_defaults_are_those_of_the_specification() {
        ParameterValues p = new ReferenceProcedureRules().model().parameters();

        assertThat(p.get(Parameters.INCOMING_LEAD)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.get(Parameters.OUTGOING_LEAD)).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.get(Parameters.JUDGE_AFTER)).isEqualTo(Duration.ofMinutes(60));
        assertThat(p.get(Parameters.MAX_RINGS)).isEqualTo(3);
        assertThat(p.get(Parameters.MAX_UNCOVERED_ABSENCE)).isEqualTo(Duration.ZERO);
        assertThat(p.get(Parameters.PATROL_MAX_INTERVAL)).isEqualTo(Duration.ofMinutes(180));
        assertThat(p.get(Parameters.REPORT_DUE)).isEqualTo(Duration.ofMinutes(60));
        assertThat(p.get(Parameters.REVIEW_DEADLINE)).isEqualTo(LocalTime.of(10, 0));
        assertThat(p.get(Parameters.PLAN_ACTIVATION)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.get(Parameters.PLAN_CATEGORIES))
                .containsExactlyInAnyOrder(
                        "FIRE", "FLOOD", "GAS_LEAK", "POWER_OUTAGE", "LIFT_ENTRAPMENT", "SECURITY_THREAT", "MEDICAL");
        assertThat(p.get(Parameters.PROCESS_REVIEW_DUE_DAYS)).isEqualTo(10);
        IncidentThresholdTable t = new ReferenceProcedureRules().model().thresholds();
        assertThat(t.lookup("ANY", IncidentSeverity.DIFFICULT).supervisorWithin())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(t.lookup("ANY", IncidentSeverity.MAJOR).supervisorWithin()).isEqualTo(Duration.ofMinutes(10));
        assertThat(t.lookup("ANY", IncidentSeverity.MAJOR).managerWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThat(t.lookup("ANY", IncidentSeverity.DIFFICULT).managerWithin()).isNull();
        assertThat(t.lookup("ANY", IncidentSeverity.ROUTINE).resolveWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(t.lookup("ANY", IncidentSeverity.DIFFICULT).resolveWithin()).isEqualTo(Duration.ofHours(72));
        assertThat(t.lookup("ANY", IncidentSeverity.MAJOR).resolveWithin()).isEqualTo(Duration.ofHours(24));
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

        var found = Fixtures.rulesWith(props)
                .evaluate(world.records(), new CheckPeriod(world.from, world.to), at("2027-02-01T00:00"));

        assertThat(found).extracting(v -> v.subject()).containsExactly("c-2");
        assertThat(found.get(0).arguments()).containsExactly("6", "5");
    }
}
