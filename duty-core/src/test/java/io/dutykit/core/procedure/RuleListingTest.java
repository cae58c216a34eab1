package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue as a compliance officer reads it: rules with titles, effective parameters and origins. */
class RuleListingTest {
    @Test
    void lists_every_rule_with_its_titles_the_parameters_it_reads_and_every_parameter_with_its_origin() {
        ParameterValues values = ParameterValues.defaults()
                .with(Map.of("handover.incomingLeadMinutes", "10", "weight.HANDOVER_INCOMING_LATE", "8"), "mine");
        ProcedureModel model = ProcedureModel.defaults().with(values, IncidentThresholdTable.defaults());

        RuleListing listing = RuleListing.of(model);

        assertThat(listing.rules()).hasSize(DefaultRules.ALL.size());
        RuleListing.Row late = listing.rules().stream()
                .filter(r -> r.id().equals("HANDOVER_INCOMING_LATE"))
                .findFirst()
                .orElseThrow();
        assertThat(late.title(Locale.SIMPLIFIED_CHINESE)).isEqualTo("接班人迟到");
        assertThat(late.title(Locale.ENGLISH)).isEqualTo("Incoming officer late");
        assertThat(late.origin()).isEqualTo(RuleEntry.Origin.DEFAULT);
        assertThat(late.weight()).isEqualTo(8);
        assertThat(late.weightChanged()).isTrue();
        assertThat(late.parameters())
                .extracting(RuleListing.Setting::key, RuleListing.Setting::value, RuleListing.Setting::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "handover.incomingLeadMinutes", "10", ParameterValues.Origin.CHANGED),
                        org.assertj.core.groups.Tuple.tuple(
                                "handover.judgeAfterMinutes", "60", ParameterValues.Origin.DEFAULT));
        assertThat(listing.parameters())
                .extracting(RuleListing.Setting::key)
                .startsWith(Parameters.ALL.stream().map(Parameter::key).toArray(String[]::new))
                .endsWith("weight.HANDOVER_INCOMING_LATE");
        assertThat(listing.parameters().get(0).defaultValue()).isEqualTo("5");
        assertThat(listing.parameters().get(0).range()).isEqualTo("0-1440");
        assertThat(listing.thresholds()).isEqualTo(IncidentThresholdTable.defaults());
        assertThat(List.of(late.arguments())).isNotEmpty();
    }
}
