package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.rules.fact.CallFact;
import io.dutykit.rules.fact.EntryFact;
import io.dutykit.rules.fact.HandoverFact;
import io.dutykit.rules.fact.IncidentFact;
import io.dutykit.rules.fact.OpenWorkFact;
import io.dutykit.rules.fact.PatrolFact;
import io.dutykit.rules.fact.RequestFact;
import io.dutykit.rules.fact.ShiftFact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts of a type no rule matches are left out; a rule that names the type gets them. */
class MatchedTypesTest {
    @TempDir
    Path folder;

    private static MatchedTypes of(RuleSet ruleSet) {
        return MatchedTypes.of(
                RuleCompiler.compile(ruleSet, RuleCompiler.Engine.MVEL).kieBase());
    }

    @Test
    void the_default_rules_match_open_work_but_not_every_entry_or_patrol() {
        MatchedTypes types = of(RuleSet.defaults());

        assertThat(types.matches(OpenWorkFact.class)).isTrue();
        assertThat(types.matches(ShiftFact.class)).isTrue();
        assertThat(types.matches(CallFact.class)).isTrue();
        assertThat(types.matches(RequestFact.class)).isTrue();
        assertThat(types.matches(EntryFact.class)).isFalse();
        assertThat(types.matches(PatrolFact.class)).isFalse();
    }

    @Test
    void a_company_rule_that_names_entry_fact_gets_every_entry() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/company/night-patrol.drl")) {
            Files.write(folder.resolve("night-patrol.drl"), in.readAllBytes());
        }

        assertThat(of(RuleSet.withFolder(folder)).matches(EntryFact.class)).isTrue();
    }

    @Test
    void a_rule_on_a_supertype_matches_every_fact() throws IOException {
        Files.writeString(folder.resolve("everything.drl"), """
                package com.example.rules;

                // Any fact at all (a rule a company might write to count what it is given).
                rule "ANY_FACT"
                    @id(ANY_FACT) @clause("-") @severity(WARNING)
                when
                    Object()
                then
                end
                """);

        MatchedTypes types = of(RuleSet.withFolder(folder));

        assertThat(types.matches(EntryFact.class)).isTrue();
        assertThat(types.matches(PatrolFact.class)).isTrue();
    }

    @Test
    void the_live_decision_matches_only_what_the_rules_with_its_id_match() throws IOException {
        MatchedTypes defaults = MatchedTypes.ofRule(
                RuleCompiler.compile(RuleSet.defaults(), RuleCompiler.Engine.MVEL)
                        .kieBase(),
                DroolsProcedureRules.COMPLETION_RULE);

        assertThat(defaults.matches(HandoverFact.class)).isTrue();
        assertThat(defaults.matches(OpenWorkFact.class)).isTrue();
        assertThat(defaults.matches(IncidentFact.class)).isTrue();
        assertThat(defaults.matches(ProcedureParameters.class)).isFalse();
        assertThat(defaults.matches(ShiftFact.class)).isFalse();
        assertThat(defaults.matches(CallFact.class)).isFalse();

        Files.writeString(folder.resolve("stricter.drl"), """
                package com.example.rules;
                import io.dutykit.rules.ProcedureParameters;
                import io.dutykit.rules.fact.Finding;
                import io.dutykit.rules.fact.HandoverFact;
                import io.dutykit.rules.fact.ShiftFact;
                // A handover completed in a shift whose rostered officer is not the incoming.
                rule "STRICTER"
                    @id(HANDOVER_WITH_OPEN_CRITICAL_WORK) @clause("4.2.2") @severity(ERROR)
                when
                    $p : ProcedureParameters()
                    $h : HandoverFact( judged, completedAt != null )
                    ShiftFact( date == $h.date, rostered != $h.incoming )
                then
                    insert(Finding.of(drools.getRule(), $h.id(), Finding.person($h.outgoing()), $h.date(), $h.completedAt()));
                end
                """);
        MatchedTypes company = MatchedTypes.ofRule(
                RuleCompiler.compile(RuleSet.withFolder(folder), RuleCompiler.Engine.MVEL)
                        .kieBase(),
                DroolsProcedureRules.COMPLETION_RULE);

        assertThat(company.matches(ProcedureParameters.class)).isTrue();
        assertThat(company.matches(ShiftFact.class)).isTrue();
        assertThat(company.matches(CallFact.class)).isFalse();
    }
}
