package io.dutykit.core.procedure;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import io.dutykit.core.incident.Incident;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The incident categories and inventory items that DutyKit's defaults name. Categories and items are
 * free codes (SPEC section 5), so a misspelt one ({@code WATER_LEKA}) in the threshold table, the
 * emergency-plan categories or a company rule is valid text that silently matches nothing: {@code
 * duty rules validate} warns about a code that no default here and no data it is given names, with
 * the one probably meant. Add the codes of your own data with {@code --data}.
 */
public final class DefaultCodes {
    private DefaultCodes() {}

    /**
     * The default incident categories: those with an emergency plan by default ({@link
     * Parameters#PLAN_CATEGORIES}) and the everyday ones the docs and the sample data use.
     */
    public static final Set<String> INCIDENT_CATEGORIES = categories();

    /** The public items at a duty post the docs and the sample data name (4.2.1: walkie-talkies, extinguishers, flasks…). */
    public static final Set<String> INVENTORY_ITEMS = Set.copyOf(
            new TreeSet<>(Set.of("WALKIE_TALKIE", "FIRE_EXTINGUISHER", "FLASK", "MASTER_KEY", "FLASHLIGHT")));

    private static Set<String> categories() {
        Set<String> all = new TreeSet<>(Parameters.PLAN_CATEGORIES.defaultValue());
        all.addAll(Set.of("WATER_LEAK", "NOISE", "LIFT_FAULT", "THEFT"));
        return Set.copyOf(all);
    }

    /** The incident categories the records name, with the defaults. */
    public static Set<String> categories(Collection<SiteRecords> data) {
        Set<String> known = new LinkedHashSet<>(new TreeSet<>(INCIDENT_CATEGORIES));
        for (SiteRecords site : data) {
            for (Incident incident : site.incidents()) {
                known.add(incident.category());
            }
        }
        return known;
    }

    /** The inventory items the records name, with the defaults. */
    public static Set<String> items(Collection<SiteRecords> data) {
        Set<String> known = new LinkedHashSet<>(new TreeSet<>(INVENTORY_ITEMS));
        for (SiteRecords site : data) {
            for (Handover handover : site.handovers()) {
                for (InventoryLine line : handover.inventory()) {
                    known.add(line.item());
                }
            }
        }
        return known;
    }
}
