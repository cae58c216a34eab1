package io.dutykit.reference;

import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.procedure.ProcedureModel;
import io.dutykit.test.data.CallBuilder;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The reference engine reads the core's procedure model: its defaults are those of the
 * specification, and a changed parameter moves its rules. Reading the parameters file and the
 * threshold CSV is tested in the core ({@code ParameterValuesTest}, {@code IncidentThresholdTableTest}).
 */
class ParametersTest {

    /** The values themselves are checked where they are defined (ParameterValuesTest, IncidentThresholdTableTest). */
    @Test
    void the_defaults_are_those_of_the_core_s_procedure_model() {
        assertThat(new ReferenceProcedureRules().model()).isEqualTo(ProcedureModel.defaults());
        assertThat(new ReferenceProcedureRules().model().parameters().get(Parameters.MAX_RINGS))
                .isEqualTo(3);
    }

    @Test
    void phone_max_rings_moves_the_boundary() {
        Properties props = new Properties();
        props.setProperty("phone.maxRings", "5");
        World world = World.week();
        world.call(CallBuilder.aCall()
                .id("c-1")
                .at(at("2026-11-02T22:00"))
                .rings(5)
                .staff("chen"));
        world.call(CallBuilder.aCall()
                .id("c-2")
                .at(at("2026-11-02T22:05"))
                .rings(6)
                .staff("chen"));

        var found = Fixtures.rulesWith(props)
                .evaluate(world.records(), new CheckPeriod(world.from, world.to), at("2027-02-01T00:00"));

        assertThat(found).extracting(v -> v.subject()).containsExactly("c-2");
        assertThat(found.get(0).arguments()).containsExactly("6", "5");
    }
}
