package io.dutykit.rules;

import io.dutykit.core.procedure.DefaultRules;
import io.dutykit.core.procedure.RuleCatalogue;
import io.dutykit.core.procedure.RuleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which scenarios prove each rule (SPEC section 6.1, {@code duty rules test --coverage}): per rule in
 * effect, the scenarios in which it fires and those that keep it silent — a scenario that names the
 * rule (its file name or its {@code name} holds the rule id, as {@code
 * handover-incoming-late-boundary.json} or "HANDOVER_INCOMING_LATE complies at the boundary") and in
 * which the rule does not fire. A rule is proven both ways when it has one of each; {@link
 * #withoutFiring()} and {@link #withoutSilent()} name the rules that are not. {@code LOG_CHAIN_BROKEN},
 * which no rule file holds, is left out. Scenarios that could not run count for nothing.
 */
public record ScenarioCoverage(List<Rule> rules) {
    public ScenarioCoverage {
        rules = List.copyOf(rules);
    }

    /** One rule: the scenario files that make it fire and those that keep it silent. */
    public record Rule(String id, List<String> fires, List<String> silent) {
        public Rule {
            fires = List.copyOf(fires);
            silent = List.copyOf(silent);
        }
    }

    /** The coverage of the results over the rules of the catalogue. */
    public static ScenarioCoverage of(List<ScenarioResult> results, RuleCatalogue catalogue) {
        List<Rule> rules = new ArrayList<>();
        for (RuleEntry rule : catalogue.entries()) {
            if (rule.id().equals(DefaultRules.LOG_CHAIN_BROKEN.id())) {
                continue;
            }
            List<String> fires = new ArrayList<>();
            List<String> silent = new ArrayList<>();
            for (ScenarioResult result : results) {
                if (result.couldNotRun()) {
                    continue;
                }
                if (result.firedRules().contains(rule.id())) {
                    fires.add(result.file());
                } else if (names(result, rule.id())) {
                    silent.add(result.file());
                }
            }
            rules.add(new Rule(rule.id(), fires, silent));
        }
        return new ScenarioCoverage(rules);
    }

    /** The rules no scenario makes fire. */
    public List<String> withoutFiring() {
        return rules.stream().filter(r -> r.fires().isEmpty()).map(Rule::id).toList();
    }

    /** The rules no scenario that names them keeps silent. */
    public List<String> withoutSilent() {
        return rules.stream().filter(r -> r.silent().isEmpty()).map(Rule::id).toList();
    }

    /** Whether the scenario's file name or name holds the rule id as whole words ({@code -} and {@code _} alike). */
    static boolean names(ScenarioResult result, String id) {
        List<String> words = words(id);
        return contains(words(result.file()), words) || contains(words(result.name()), words);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static boolean contains(List<String> text, List<String> words) {
        return !words.isEmpty() && java.util.Collections.indexOfSubList(text, words) >= 0;
    }
}
