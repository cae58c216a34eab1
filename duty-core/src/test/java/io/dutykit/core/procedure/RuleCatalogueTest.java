package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.check.ViolationSeverity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void the_default_catalogue_holds_the_rules_of_the_spec() {
        RuleCatalogue c = RuleCatalogue.defaults();
        // the 27 rules of SPEC section 4, the 11 of section 4.1 and LOG_CHAIN_BROKEN
        assertThat(c.entries()).hasSize(39);
        assertThat(c.get("HANDOVER_INCOMING_LATE").clause()).isEqualTo("4.2.1");
        assertThat(c.get("ESCALATION_SUPERVISOR_LATE").clauses()).containsExactly("4.1.4", "4.1.5");
        assertThat(c.get("HANDOVER_INCOMING_LATE").parameters())
                .containsExactly("handover.incomingLeadMinutes", "handover.judgeAfterMinutes");
        assertThat(c.get("UNAPPROVED_SWAP").arguments()).containsExactly("incoming", "rostered");
        assertThat(c.get("HANDOVER_CHECKS_MISSING").clauses()).containsExactly("4.2.1", "G2", "4.1.5");
        assertThat(c.get("HANDOVER_CHECKS_MISSING").parameters())
                .containsExactly("handover.requiredChecks", "handover.checksLeadMinutes", "handover.judgeAfterMinutes");
        assertThat(c.get("HANDOVER_SIGNATURE_ORDER").arguments()).hasSize(6);
        assertThat(c.entries()).allSatisfy(e -> assertThat(e.origin()).isEqualTo(RuleEntry.Origin.DEFAULT));
    }

    @Test
    void every_rule_reads_only_defined_parameters() {
        for (RuleEntry e : DefaultRules.ALL) {
            assertThat(e.parameters())
                    .allSatisfy(key -> assertThat(Parameters.find(key)).isPresent());
        }
    }

    /** A message may use only the arguments the rule passes: no raw {1} in front of a user. */
    @Test
    void every_rule_has_a_title_a_description_and_a_message_using_only_its_arguments_in_both_languages() {
        for (RuleEntry e : DefaultRules.ALL) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.CHINESE)) {
                assertThat(e.title(locale)).as("%s title (%s)", e.id(), locale).isPresent();
                assertThat(e.description(locale))
                        .as("%s description (%s)", e.id(), locale)
                        .isPresent();
                String message =
                        ViolationMessages.template(e.messageKey(), locale).orElseThrow();
                Matcher m = PLACEHOLDER.matcher(message);
                while (m.find()) {
                    assertThat(Integer.parseInt(m.group(1)))
                            .as("%s (%s): %s", e.id(), locale, message)
                            .isLessThan(e.arguments().size());
                }
            }
            assertThat(e.title(Locale.CHINESE)).isNotEqualTo(e.title(Locale.ENGLISH));
        }
    }

    @Test
    void a_catalogue_of_compiled_rules_follows_what_runs() {
        RuleCatalogue c = RuleCatalogue.compiled(List.of(
                new RuleCatalogue.CompiledRule("HANDOVER_MISSING", "4.2", ViolationSeverity.ERROR, false),
                new RuleCatalogue.CompiledRule("PATROL_OVERDUE", "G2", ViolationSeverity.ERROR, false),
                new RuleCatalogue.CompiledRule("PATROL_OVERDUE", "G2", ViolationSeverity.ERROR, false),
                new RuleCatalogue.CompiledRule("HANDOVER_UNSIGNED", "4.2.1, 4.2.2", ViolationSeverity.ERROR, true),
                new RuleCatalogue.CompiledRule("NIGHT_PATROL_TOO_FEW", "G2", ViolationSeverity.WARNING, true)));

        assertThat(c.entries())
                .extracting(RuleEntry::id, RuleEntry::severity, RuleEntry::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "HANDOVER_MISSING", ViolationSeverity.ERROR, RuleEntry.Origin.DEFAULT),
                        org.assertj.core.groups.Tuple.tuple(
                                "HANDOVER_UNSIGNED", ViolationSeverity.ERROR, RuleEntry.Origin.CHANGED),
                        org.assertj.core.groups.Tuple.tuple(
                                "PATROL_OVERDUE", ViolationSeverity.ERROR, RuleEntry.Origin.CHANGED),
                        org.assertj.core.groups.Tuple.tuple(
                                "LOG_CHAIN_BROKEN", ViolationSeverity.ERROR, RuleEntry.Origin.DEFAULT),
                        org.assertj.core.groups.Tuple.tuple(
                                "NIGHT_PATROL_TOO_FEW", ViolationSeverity.WARNING, RuleEntry.Origin.ADDED));
        assertThat(c.get("PATROL_OVERDUE").arguments()).containsExactly("maxMinutes", "since");
        assertThat(c.get("NIGHT_PATROL_TOO_FEW").arguments()).isEmpty();
        assertThat(c.contains("ROSTER_LATE"))
                .as("a default rule the engine does not run")
                .isFalse();
    }

    @Test
    void message_arguments_are_shown_the_same_way_by_every_engine() {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        assertThat(MessageArguments.text(java.time.Instant.parse("2026-11-02T09:25:00Z"), zone))
                .isEqualTo("2026-11-02 17:25");
        assertThat(MessageArguments.text(java.time.Instant.parse("2026-11-02T09:26:30Z"), zone))
                .isEqualTo("2026-11-02 17:26:30");
        assertThat(MessageArguments.text(null, zone)).isEqualTo("-");
        assertThat(MessageArguments.text(java.time.YearMonth.of(2026, 11), zone))
                .isEqualTo("2026-11");
    }
}
