package io.dutykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which command lines start loading the default rule base before picocli has parsed them. */
class EarlyRuleLoadingTest {
    @Test
    void a_check_with_the_default_drools_rules_starts_loading_them_early() {
        assertThat(CheckCommand.checksWithDefaultDroolsRules(new String[] {"check", "data.json"}))
                .isTrue();
        assertThat(CheckCommand.checksWithDefaultDroolsRules(
                        new String[] {"check", "data.json", "--engine", "drools", "--format", "json"}))
                .isTrue();
    }

    @Test
    void other_commands_a_rules_folder_the_reference_engine_or_help_start_nothing() {
        assertThat(CheckCommand.checksWithDefaultDroolsRules(new String[] {})).isFalse();
        assertThat(CheckCommand.checksWithDefaultDroolsRules(new String[] {"demo"}))
                .isFalse();
        assertThat(CheckCommand.checksWithDefaultDroolsRules(new String[] {"verify", "check"}))
                .isFalse();
        assertThat(CheckCommand.checksWithDefaultDroolsRules(new String[] {"check", "d.json", "--rules", "company"}))
                .isFalse();
        assertThat(CheckCommand.checksWithDefaultDroolsRules(new String[] {"check", "d.json", "--rules=company"}))
                .isFalse();
        assertThat(CheckCommand.checksWithDefaultDroolsRules(new String[] {"check", "d.json", "--engine", "reference"}))
                .isFalse();
        assertThat(CheckCommand.checksWithDefaultDroolsRules(new String[] {"check", "--engine=reference", "d.json"}))
                .isFalse();
        assertThat(CheckCommand.checksWithDefaultDroolsRules(new String[] {"check", "--help"}))
                .isFalse();
    }
}
