package io.dutykit.core.procedure;

import io.dutykit.core.Checks;
import io.dutykit.core.check.ViolationMessages;
import io.dutykit.core.check.ViolationSeverity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules in effect, by id: {@link #defaults()} for the default rules ({@link DefaultRules}), or
 * {@link #compiled} for what a rule engine actually runs — the Drools adapter reads each compiled
 * rule's {@code @id}, {@code @clause} and {@code @severity} and hands them here, so the catalogue
 * follows a company's changed and added rules — together with the rules' texts ({@link #messages()}:
 * the default bundles plus a company's {@code messages*.properties}). Reports, validators, the command
 * line and the console read this.
 */
public final class RuleCatalogue {
    private static final RuleCatalogue DEFAULTS = new RuleCatalogue(DefaultRules.ALL, ViolationMessages.defaults());

    private final Map<String, RuleEntry> entries;
    private final ViolationMessages messages;

    private RuleCatalogue(List<RuleEntry> entries, ViolationMessages messages) {
        this.messages = Checks.required(messages, "messages");
        Map<String, RuleEntry> map = new LinkedHashMap<>();
        for (RuleEntry e : entries) {
            if (map.put(e.id(), e) != null) {
                throw new IllegalArgumentException("the rule id " + e.id() + " is in the catalogue twice");
            }
        }
        this.entries = Collections.unmodifiableMap(map);
    }

    /** The default rules of SPEC sections 4 and 4.1, LOG_CHAIN_BROKEN included. */
    public static RuleCatalogue defaults() {
        return DEFAULTS;
    }

    /** A catalogue of exactly these entries (ids unique). */
    public static RuleCatalogue of(List<RuleEntry> entries) {
        return new RuleCatalogue(entries, ViolationMessages.defaults());
    }

    /** These rules with other texts (the defaults plus a company's: {@link CompanyMessages#over}). */
    public RuleCatalogue withMessages(ViolationMessages texts) {
        return new RuleCatalogue(List.copyOf(entries.values()), texts);
    }

    /** The rules' messages, titles and descriptions, zh and en: what every output renders with. */
    public ViolationMessages messages() {
        return messages;
    }

    /** A rule's short title in the locale (the company's texts included), or its id when it has none. */
    public String title(String id, Locale locale) {
        return messages.title(id, locale);
    }

    /** A rule's plain-language description in the locale (the company's texts included), if any. */
    public Optional<String> description(String id, Locale locale) {
        return messages.description(id, locale);
    }

    /**
     * A rule as compiled by an engine: its metadata, and whether a company's file defines it.
     *
     * @param companyFile true when the rule comes from a file of a company's rules folder (a replaced
     *     default file or an added one)
     * @param arguments what the rule passes as message arguments (for an added rule, whose arguments
     *     no catalogue defines: the expressions of its {@code Finding.of} call), in order
     */
    public record CompiledRule(
            String id, String clause, ViolationSeverity severity, boolean companyFile, List<String> arguments) {
        public CompiledRule {
            Checks.requiredText(id, "id");
            Checks.requiredText(clause, "clause");
            Checks.required(severity, "severity");
            arguments = Checks.list(arguments);
        }

        public CompiledRule(String id, String clause, ViolationSeverity severity, boolean companyFile) {
            this(id, clause, severity, companyFile, List.of());
        }
    }

    /**
     * The catalogue of compiled rules: one entry per id (several rules may share one, e.g. one for
     * entries and one for incidents; the first gives clause and severity), in the order of the default
     * catalogue and then of the compiled rules. A default id keeps its parameters and arguments and is
     * {@code CHANGED} when a company file defines it or its clause or severity differ; any other id is
     * {@code ADDED}. Default rules the engine does not run (a company dropped them) are left out, except
     * those that no rule file holds ({@link DefaultRules#LOG_CHAIN_BROKEN}).
     */
    public static RuleCatalogue compiled(List<CompiledRule> rules) {
        Map<String, CompiledRule> first = new LinkedHashMap<>();
        Map<String, Boolean> company = new LinkedHashMap<>();
        for (CompiledRule r : rules) {
            first.putIfAbsent(r.id(), r);
            company.merge(r.id(), r.companyFile(), Boolean::logicalOr);
        }
        List<RuleEntry> entries = new ArrayList<>();
        for (RuleEntry d : DefaultRules.ALL) {
            CompiledRule r = first.remove(d.id());
            if (r == null) {
                if (!DefaultRules.IN_RULE_FILES.contains(d)) {
                    entries.add(d);
                }
                continue;
            }
            boolean changed = company.get(d.id()) || !r.clause().equals(d.clause()) || r.severity() != d.severity();
            entries.add(d.as(r.clause(), r.severity(), changed ? RuleEntry.Origin.CHANGED : RuleEntry.Origin.DEFAULT));
        }
        for (CompiledRule r : first.values()) {
            entries.add(new RuleEntry(
                    r.id(), r.clause(), r.severity(), List.of(), List.of(), r.arguments(), RuleEntry.Origin.ADDED));
        }
        return new RuleCatalogue(entries, ViolationMessages.defaults());
    }

    /** Every entry: the default rules in catalogue order, then added ones. */
    public List<RuleEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<RuleEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The entry of a rule that must be there. */
    public RuleEntry get(String id) {
        RuleEntry entry = entries.get(id);
        if (entry == null) {
            throw new IllegalArgumentException(
                    "no rule " + id + " in the catalogue; its rules are " + entries.keySet());
        }
        return entry;
    }

    public boolean contains(String id) {
        return entries.containsKey(id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleCatalogue c && c.entries.equals(entries) && c.messages.equals(messages);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "RuleCatalogue" + entries.keySet();
    }
}
