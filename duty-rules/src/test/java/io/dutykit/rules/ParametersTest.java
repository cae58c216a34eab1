package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class ParametersTest {
    @Test
    void the_defaults_are_those_of_the_spec() {
        ProcedureParameters p = ProcedureParameters.defaults();
        assertThat(p.incomingLead()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.outgoingLead()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.judgeAfter()).isEqualTo(Duration.ofMinutes(60));
        assertThat(p.maxRings()).isEqualTo(3);
        assertThat(p.maxUncoveredAbsence()).isEqualTo(Duration.ZERO);
        assertThat(p.patrolMaxInterval()).isEqualTo(Duration.ofMinutes(180));
        assertThat(p.reportDue()).isEqualTo(Duration.ofMinutes(60));
        assertThat(p.reviewDeadline()).isEqualTo(LocalTime.of(10, 0));
        assertThat(p.planActivation()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.planCategories())
                .containsExactly(
                        "FIRE", "FLOOD", "GAS_LEAK", "POWER_OUTAGE", "LIFT_ENTRAPMENT", "SECURITY_THREAT", "MEDICAL");
        assertThat(p.processReviewDueDays()).isEqualTo(10);
        assertThat(p.weight("HANDOVER_MISSING", "ERROR")).isEqualTo(5);
        assertThat(p.weight("PATROL_OVERDUE", "WARNING")).isEqualTo(2);
    }

    @Test
    void a_rule_may_have_its_own_weight() {
        ProcedureParameters p = ProcedureParameters.parse("weight.HANDOVER_MISSING=9\n", "mine.properties");
        assertThat(p.weight("HANDOVER_MISSING", "ERROR")).isEqualTo(9);
        assertThat(p.weight("ROSTER_GAP", "ERROR")).isEqualTo(5);
    }

    @Test
    void errors_name_the_source_the_key_and_the_value() {
        assertThatThrownBy(() -> ProcedureParameters.parse("phone.maxRings=-1\n", "mine.properties"))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("mine.properties")
                .hasMessageContaining("phone.maxRings=-1");
        assertThatThrownBy(() -> ProcedureParameters.parse("review.deadline=ten\n", "mine.properties"))
                .hasMessageContaining("review.deadline=ten")
                .hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> ProcedureParameters.parse("emergency.planCategories=FIRE, flood\n", "mine.properties"))
                .hasMessageContaining("\"flood\"");
        assertThatThrownBy(() -> ProcedureParameters.parse("handover.judgeAfterMinutes=\n", "mine.properties"))
                .hasMessageContaining("handover.judgeAfterMinutes is missing or empty");
    }

    /** The parameters file shipped beside the rules is the core's definitions written out, not a second copy. */
    @Test
    void the_shipped_parameters_file_is_the_definitions_written_out() {
        assertThat(Resources.text(RuleSet.DEFAULT_LOCATION + RuleSet.PARAMETERS))
                .as("regenerate with -Ddutykit.regenerateParameters=true")
                .isEqualTo(Parameters.template(Locale.ENGLISH));
        assertThat(ProcedureParameters.parse(Parameters.template(Locale.ENGLISH), "template")
                        .parameterValues())
                .isEqualTo(ParameterValues.defaults());
        assertThat(ProcedureParameters.parse(Parameters.template(Locale.CHINESE), "template")
                        .parameterValues())
                .isEqualTo(ParameterValues.defaults());
    }

    @Test
    @EnabledIfSystemProperty(named = "dutykit.regenerateParameters", matches = "true")
    void regenerate_the_parameters_file() throws Exception {
        Files.writeString(
                Path.of("src/main/resources/" + RuleSet.DEFAULT_LOCATION + RuleSet.PARAMETERS),
                Parameters.template(Locale.ENGLISH));
    }

    @Test
    void a_parameter_without_a_getter_of_its_own_is_read_typed() {
        // a key of the company's own is read when a rule of its folder reads it (RuleSet passes those keys)
        ProcedureParameters p = ProcedureParameters.of(io.dutykit.core.procedure.ParameterValues.defaults()
                .read(
                        io.dutykit.core.procedure.ParameterFile.parse(
                                "patrol.maxIntervalMinutes=120\nmy.key=7\n", "mine.properties"),
                        List.of("my.key"),
                        List.of())
                .orThrow());
        assertThat(p.value("patrol.maxIntervalMinutes")).isEqualTo(Duration.ofMinutes(120));
        assertThat(p.value("review.deadline")).isEqualTo(LocalTime.of(10, 0));
        assertThat(p.value("my.key")).isEqualTo("7");
        assertThat(p.minutes("my.key")).isEqualTo(Duration.ofMinutes(7));
        assertThatThrownBy(() -> p.minutes("nobody.set.this")).isInstanceOf(RulesException.class);
    }
}
