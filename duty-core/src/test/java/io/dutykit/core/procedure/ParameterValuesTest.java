package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.check.ViolationSeverity;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {
    private static ParameterValues read(String text) {
        return ParameterValues.defaults().with(ParameterFile.parse(text, "mine.properties"));
    }

    @Test
    void the_defaults_are_those_of_the_spec() {
        ParameterValues p = ParameterValues.defaults();
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
                .containsExactly(
                        "FIRE", "FLOOD", "GAS_LEAK", "POWER_OUTAGE", "LIFT_ENTRAPMENT", "SECURITY_THREAT", "MEDICAL");
        assertThat(p.get(Parameters.PROCESS_REVIEW_DUE_DAYS)).isEqualTo(10);
        assertThat(p.weight("HANDOVER_MISSING", ViolationSeverity.ERROR)).isEqualTo(5);
        assertThat(p.weight("PATROL_OVERDUE", ViolationSeverity.WARNING)).isEqualTo(2);
        assertThat(p.warnings()).isEmpty();
        assertThat(p.origin("phone.maxRings")).isEqualTo(ParameterValues.Origin.DEFAULT);
    }

    @Test
    void every_key_of_the_file_is_read() {
        ParameterValues p = ParameterValues.defaults()
                .with(
                        Map.ofEntries(
                                Map.entry("handover.incomingLeadMinutes", "10"),
                                Map.entry("handover.outgoingLeadMinutes", "20"),
                                Map.entry("handover.judgeAfterMinutes", "90"),
                                Map.entry("phone.maxRings", "5"),
                                Map.entry("post.maxUncoveredAbsenceMinutes", "3"),
                                Map.entry("patrol.maxIntervalMinutes", "120"),
                                Map.entry("report.dueMinutesAfterShift", "30"),
                                Map.entry("review.deadline", "09:30"),
                                Map.entry("emergency.planActivationMinutes", "2"),
                                Map.entry("emergency.planCategories", "FIRE, GAS_LEAK"),
                                Map.entry("improvement.processReviewDueDays", "15"),
                                Map.entry("weight.ERROR", "5")),
                        "test");

        assertThat(p.get(Parameters.INCOMING_LEAD)).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.get(Parameters.OUTGOING_LEAD)).isEqualTo(Duration.ofMinutes(20));
        assertThat(p.get(Parameters.JUDGE_AFTER)).isEqualTo(Duration.ofMinutes(90));
        assertThat(p.get(Parameters.MAX_RINGS)).isEqualTo(5);
        assertThat(p.get(Parameters.MAX_UNCOVERED_ABSENCE)).isEqualTo(Duration.ofMinutes(3));
        assertThat(p.get(Parameters.PATROL_MAX_INTERVAL)).isEqualTo(Duration.ofMinutes(120));
        assertThat(p.get(Parameters.REPORT_DUE)).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.get(Parameters.REVIEW_DEADLINE)).isEqualTo(LocalTime.of(9, 30));
        assertThat(p.get(Parameters.PLAN_ACTIVATION)).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.get(Parameters.PLAN_CATEGORIES)).isEqualTo(Set.of("FIRE", "GAS_LEAK"));
        assertThat(p.get(Parameters.PROCESS_REVIEW_DUE_DAYS)).isEqualTo(15);
        assertThat(p.origin("phone.maxRings")).isEqualTo(ParameterValues.Origin.CHANGED);
        assertThat(p.origin("weight.ERROR")).isEqualTo(ParameterValues.Origin.DEFAULT);
        assertThat(ParameterValues.defaults().with(Map.of(), "none")).isEqualTo(ParameterValues.defaults());
    }

    @Test
    void a_company_file_overrides_only_the_keys_it_gives() {
        ParameterValues p = read("# we allow 4 rings\nphone.maxRings=4\n");
        assertThat(p.get(Parameters.MAX_RINGS)).isEqualTo(4);
        assertThat(p.get(Parameters.INCOMING_LEAD)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.entry("phone.maxRings"))
                .hasValueSatisfying(e -> assertThat(e.line()).isEqualTo(2));
        assertThat(p.source()).isEqualTo("mine.properties");
    }

    @Test
    void a_rule_may_have_its_own_weight() {
        ParameterValues p = read("weight.HANDOVER_MISSING=9\n");
        assertThat(p.weight("HANDOVER_MISSING", ViolationSeverity.ERROR)).isEqualTo(9);
        assertThat(p.weight("ROSTER_GAP", ViolationSeverity.ERROR)).isEqualTo(5);
        assertThat(p.ruleWeights()).containsExactly(Map.entry("HANDOVER_MISSING", 9));
        assertThat(p.origin("weight.HANDOVER_MISSING")).isEqualTo(ParameterValues.Origin.CHANGED);
    }

    @Test
    void errors_name_the_source_the_line_the_key_and_the_value() {
        assertThatThrownBy(() -> read("phone.maxRings=-1\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("mine.properties line 1")
                .hasMessageContaining("phone.maxRings=-1");
        assertThatThrownBy(() -> read("phone.maxRings=three\n"))
                .hasMessageContaining("phone.maxRings")
                .hasMessageContaining("three");
        assertThatThrownBy(() -> read("# ten o'clock\n\nreview.deadline=ten\n"))
                .hasMessageContaining("mine.properties line 3")
                .hasMessageContaining("review.deadline=ten")
                .hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> read("emergency.planCategories=FIRE, flood\n")).hasMessageContaining("\"flood\"");
        assertThatThrownBy(() -> read("handover.judgeAfterMinutes=\n"))
                .hasMessageContaining("handover.judgeAfterMinutes is missing or empty");
        assertThatThrownBy(() -> read("weight.ERROR=five\n")).hasMessageContaining("weight.ERROR=five");
        assertThatThrownBy(() -> read("patrol.maxIntervalMinutes=100000\n"))
                .hasMessageContaining("patrol.maxIntervalMinutes=100000 is more than 1440");
    }

    @Test
    void every_error_of_a_file_is_collected_not_only_the_first() {
        ParameterValues.Reading reading = ParameterValues.defaults()
                .read(ParameterFile.parse(
                        "phone.maxRings=x\nreview.deadline=25:00\nphone.maxRing=4\n", "mine.properties"));

        assertThat(reading.ok()).isFalse();
        assertThat(reading.problems())
                .extracting(ProcedureProblem::line, ProcedureProblem::kind, ProcedureProblem::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                1, ProcedureProblem.Kind.NOT_A_WHOLE_NUMBER, ProcedureProblem.Level.ERROR),
                        org.assertj.core.groups.Tuple.tuple(
                                2, ProcedureProblem.Kind.NOT_A_TIME, ProcedureProblem.Level.ERROR),
                        org.assertj.core.groups.Tuple.tuple(
                                3, ProcedureProblem.Kind.UNKNOWN_KEY, ProcedureProblem.Level.ERROR));
    }

    /** SPEC 6.1: a misspelt key would silently keep the default, so it is an error naming the key meant. */
    @Test
    void an_unknown_key_is_an_error_with_its_line_and_the_key_meant() {
        ParameterValues.Reading reading = ParameterValues.defaults()
                .read(ParameterFile.parse(
                        "phone.maxRings=4\n\nhandover.incomingLeadMinute=6\nnightPatrol.minCount=2\n",
                        "mine.properties"));

        assertThat(reading.ok()).isFalse();
        assertThat(reading.errors()).hasSize(2);
        ProcedureProblem misspelt = reading.errors().get(0);
        assertThat(misspelt.line()).isEqualTo(3);
        assertThat(misspelt.suggestion()).isEqualTo("handover.incomingLeadMinutes");
        assertThat(misspelt.toString())
                .isEqualTo("mine.properties line 3: handover.incomingLeadMinute is not a parameter of the procedure;"
                        + " did you mean handover.incomingLeadMinutes?");
        assertThat(misspelt.message(Locale.CHINESE))
                .isEqualTo(
                        "mine.properties 第 3 行：handover.incomingLeadMinute 不是流程参数；是否应为 handover.incomingLeadMinutes？");
        assertThat(reading.errors().get(1).toString())
                .isEqualTo("mine.properties line 4: nightPatrol.minCount is not a parameter of the procedure");
    }

    @Test
    void a_key_a_company_rule_reads_is_kept_as_text_and_a_weight_must_name_a_rule() {
        ParameterFile file = ParameterFile.parse(
                "nightPatrol.minCount=2\nweight.NIGHT_PATROL_TOO_FEW=7\nweight.HANDOVER_MISING=9\n", "mine.properties");

        ParameterValues.Reading reading = ParameterValues.defaults()
                .read(file, List.of("nightPatrol.minCount"), List.of("HANDOVER_MISSING", "NIGHT_PATROL_TOO_FEW"));

        assertThat(reading.errors())
                .extracting(ProcedureProblem::toString)
                .containsExactly("mine.properties line 3: weight.HANDOVER_MISING gives a weight to HANDOVER_MISING,"
                        + " which is no rule of the procedure (duty rules list shows the rule ids);"
                        + " did you mean weight.HANDOVER_MISSING?");
        ParameterValues p = ParameterValues.defaults()
                .read(
                        ParameterFile.parse(
                                "nightPatrol.minCount=2\nweight.NIGHT_PATROL_TOO_FEW=7\n", "mine.properties"),
                        List.of("nightPatrol.minCount"),
                        List.of("NIGHT_PATROL_TOO_FEW"))
                .orThrow();
        assertThat(p.text("nightPatrol.minCount")).isEqualTo("2");
        assertThat(p.origin("nightPatrol.minCount")).isEqualTo(ParameterValues.Origin.ADDED);
        assertThat(p.weight("NIGHT_PATROL_TOO_FEW", io.dutykit.core.check.ViolationSeverity.WARNING))
                .isEqualTo(7);
    }

    @Test
    void an_empty_code_list_means_none() {
        assertThat(read("emergency.planCategories=\n").get(Parameters.PLAN_CATEGORIES))
                .isEmpty();
    }
}
