package io.dutykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.rules.fact.CallFact;
import io.dutykit.rules.fact.EntryFact;
import io.dutykit.rules.fact.OpenWorkFact;
import io.dutykit.rules.fact.PatrolFact;
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
}
