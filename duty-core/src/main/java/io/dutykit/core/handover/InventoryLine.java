package io.dutykit.core.handover;

import io.dutykit.core.Checks;

/**
 * One public item counted at a handover (4.2.1): walkie-talkies, fire extinguishers, flasks…
 * Anything missing or damaged needs an explanation from the outgoing officer.
 */
public record InventoryLine(String item, int expected, int counted, int damaged, String explanation) {
    public InventoryLine {
        Checks.code(item, "inventory[].item");
        Checks.notNegative(expected, "inventory[" + item + "].expected");
        Checks.notNegative(counted, "inventory[" + item + "].counted");
        Checks.notNegative(damaged, "inventory[" + item + "].damaged");
        explanation = Checks.blankToNull(explanation);
    }

    /** Items missing from the count ({@code expected - counted}, never negative). */
    public int missing() {
        return Math.max(0, expected - counted);
    }

    /** True when something is missing or damaged. */
    public boolean isDiscrepant() {
        return counted < expected || damaged > 0;
    }

    /** True when a discrepancy has no explanation (HANDOVER_INVENTORY_UNEXPLAINED). */
    public boolean needsExplanation() {
        return needsExplanation(expected);
    }

    /**
     * True when, measured against {@code expectedCount} (the site checklist's, which wins over the line's
     * own), something is missing or damaged and unexplained.
     */
    public boolean needsExplanation(int expectedCount) {
        return (counted < expectedCount || damaged > 0) && explanation == null;
    }
}
