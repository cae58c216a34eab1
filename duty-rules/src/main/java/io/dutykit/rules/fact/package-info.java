/**
 * The facts DRL authors match on: the records of one site as they stood at the check's as-of
 * instant (instants after as-of read as missing), plus derived facts such as {@link
 * io.dutykit.rules.fact.ShiftFact} (one per duty date) and {@link io.dutykit.rules.fact.CheckContext}.
 * Rules insert {@link io.dutykit.rules.fact.Finding}s and nothing else. See docs/rules.md.
 */
package io.dutykit.rules.fact;
