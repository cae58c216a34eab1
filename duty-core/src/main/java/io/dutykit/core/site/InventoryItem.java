package io.dutykit.core.site;

import io.dutykit.core.Checks;

/**
 * One line of a site's checklist of public items (4.2.1: count all public items at the post): the item
 * and how many the post holds, e.g. {@code WALKIE_TALKIE} 2.
 */
public record InventoryItem(String item, int expected) {
    public InventoryItem {
        Checks.code(item, "site.inventory[].item");
        Checks.notNegative(expected, "site.inventory[" + item + "].expected");
    }
}
