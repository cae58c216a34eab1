package io.dutykit.rules.fact;

/** One inventory line of a handover; {@code explanation} is null when blank. */
public record InventoryFact(
        String handoverId, String item, int expected, int counted, int damaged, String explanation) {}
