package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.Violation;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.check.ViolationSeverity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A company's own titles and messages, zh and en, in the texts every output renders with (SPEC 6.1). */
class CompanyMessagesTest {
    private static final RuleCatalogue CATALOGUE = RuleCatalogue.compiled(java.util.stream.Stream.concat(
                    DefaultRules.ALL.stream()
                            .filter(DefaultRules.IN_RULE_FILES::contains)
                            .map(r -> new RuleCatalogue.CompiledRule(r.id(), r.clause(), r.severity(), false)),
                    java.util.stream.Stream.of(new RuleCatalogue.CompiledRule(
                            "NIGHT_PATROL_TOO_FEW", "G2", ViolationSeverity.WARNING, true, List.of("$n.intValue()"))))
            .toList());

    private static CompanyMessages messages(String english, String chinese) {
        return CompanyMessages.of(
                ParameterFile.parse(english, CompanyMessages.FILE),
                ParameterFile.parse(chinese, CompanyMessages.FILE_ZH));
    }

    private static Violation night(List<String> arguments) {
        return new Violation(
                "s",
                "NIGHT_PATROL_TOO_FEW",
                "G2",
                ViolationSeverity.WARNING,
                "2026-11-02",
                List.of(),
                null,
                null,
                null,
                arguments);
    }

    @Test
    void a_company_rule_speaks_both_languages_and_a_language_it_lacks_falls_back_to_the_other() {
        ViolationMessages texts = messages(
                        "NIGHT_PATROL_TOO_FEW.title=Too few night patrols\nNIGHT_PATROL_TOO_FEW=Only {0} night patrols.\n",
                        "NIGHT_PATROL_TOO_FEW=夜间只巡查了 {0} 次。\n")
                .over(ViolationMessages.defaults());

        assertThat(texts.message(night(List.of("2")), Locale.ENGLISH)).isEqualTo("Only 2 night patrols.");
        assertThat(texts.message(night(List.of("2")), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("夜间只巡查了 2 次。");
        assertThat(texts.title("NIGHT_PATROL_TOO_FEW", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("Too few night patrols");
        assertThat(texts.title("HANDOVER_INCOMING_LATE", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("接班人迟到");
    }

    @Test
    void a_company_may_reword_a_default_rule_in_one_language_only() {
        ViolationMessages texts =
                messages("HANDOVER_MISSING.title=No handover at all\n", "").over(ViolationMessages.defaults());

        assertThat(texts.title("HANDOVER_MISSING", Locale.ENGLISH)).isEqualTo("No handover at all");
        assertThat(texts.title("HANDOVER_MISSING", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(ViolationMessages.template("HANDOVER_MISSING.title", Locale.SIMPLIFIED_CHINESE)
                        .orElseThrow());
    }

    @Test
    void without_a_message_the_values_a_rule_passed_are_shown_after_its_title_never_dropped() {
        ViolationMessages texts = messages("NIGHT_PATROL_TOO_FEW.title=Too few night patrols\n", "")
                .over(ViolationMessages.defaults());

        assertThat(texts.message(night(List.of("2")), Locale.ENGLISH)).isEqualTo("Too few night patrols: 2");
        assertThat(ViolationMessages.defaults().message(night(List.of("2", "2026-11-03 06:00")), Locale.ENGLISH))
                .isEqualTo("NIGHT_PATROL_TOO_FEW: 2, 2026-11-03 06:00");
    }

    @Test
    void what_would_not_show_as_meant_is_named_with_line_column_and_the_key_meant() {
        CompanyMessages company = messages(
                "NIGHT_PATROL_TOO_FEW=Only {0} of {1}\nNIGHT_PATROL_TOO_FWE.title=x\nNIGHT_PATROL_TOO_FEW.titel=x\n"
                        + "HANDOVER_MISSING=Nobody took over on {0}\n",
                "NIGHT_PATROL_TOO_FEW=don't {0}\nHANDOVER_MISSING={0 is missing\n");

        List<ProcedureProblem> problems = company.check(CATALOGUE);

        assertThat(problems)
                .extracting(ProcedureProblem::toString)
                .containsExactly(
                        "messages.properties line 1, column 34: the message NIGHT_PATROL_TOO_FEW uses {1}, but the rule"
                                + " gives 1 argument(s) ($n.intValue()); the first is {0}, the second {1}",
                        "messages.properties line 2, column 1: NIGHT_PATROL_TOO_FWE.title names the rule"
                                + " NIGHT_PATROL_TOO_FWE, which is no rule of the procedure (duty rules list shows the"
                                + " rule ids); did you mean NIGHT_PATROL_TOO_FEW.title?",
                        "messages.properties line 3, column 1: NIGHT_PATROL_TOO_FEW.titel is not read: a message key is"
                                + " RULE_ID, RULE_ID.title or RULE_ID.description; did you mean NIGHT_PATROL_TOO_FEW.title?",
                        "messages_zh.properties line 1, column 25: the message NIGHT_PATROL_TOO_FEW holds a single"
                                + " apostrophe, which hides the placeholders after it; write two apostrophes ('') for one",
                        "messages_zh.properties line 2, column 18: the message HANDOVER_MISSING cannot be read"
                                + " (Unmatched braces in the pattern.); check that every { has its } and holds a number",
                        "messages.properties: rule NIGHT_PATROL_TOO_FEW has no title in messages.properties or"
                                + " messages_zh.properties (a line NIGHT_PATROL_TOO_FEW.title=...), so reports show its id;"
                                + " add one");
        assertThat(problems.subList(0, 5)).allMatch(ProcedureProblem::isError);
        assertThat(problems.get(5).isError()).isFalse();
        assertThat(problems.get(1).message(Locale.CHINESE))
                .isEqualTo("messages.properties 第 2 行第 1 列：NIGHT_PATROL_TOO_FWE.title 对应的规则 NIGHT_PATROL_TOO_FWE 不存在"
                        + "（duty rules list 列出所有规则编号）；是否应为 NIGHT_PATROL_TOO_FEW.title？");
    }

    @Test
    void an_added_rule_without_a_message_or_title_is_a_warning() {
        assertThat(CompanyMessages.none().check(CATALOGUE))
                .extracting(ProcedureProblem::kind, ProcedureProblem::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        ProcedureProblem.Kind.MESSAGE_MISSING, ProcedureProblem.Level.WARNING));
        assertThat(messages("NIGHT_PATROL_TOO_FEW=x\n", "").check(CATALOGUE))
                .extracting(ProcedureProblem::kind)
                .containsExactly(ProcedureProblem.Kind.TITLE_MISSING);
    }
}
