package io.dutykit.core.procedure;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.record.LogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns an entry or incident at an instant: the one definition of SPEC section 4 "owned" (revised
 * 2026-12-03), read by both engines, the live desk, the reports and the generator.
 *
 * <p>Every handover completed at or before as-of passes each id of its {@code carriedOver} to its
 * incoming, at its {@code completedAt}, whoever its outgoing was. At an instant t, an item is owned by
 * the incoming of the latest such handover with {@code completedAt} ≤ t; without one, by its creator
 * (an entry's author, an incident's reporter). Two handovers passing one id at the same instant are an
 * input error: ownership would be ambiguous. At a handover, the outgoing's work is what they own just
 * before its {@code completedAt} ({@link #ownerBefore}): the handover's own {@code carriedOver} passes
 * work on only from its completion.
 *
 * <p>Building it costs one pass over the handovers; each question is a binary search over the transfers
 * of one id.
 */
public final class Ownership {

    /** A handover passing an item on: at its {@code completedAt} ({@code at}), from its outgoing to its incoming. */
    public record Transfer(String itemId, Instant at, String to, String from, String handoverId) {}

    private static final Ownership NONE = new Ownership(Map.of(), Map.of());

    /** The transfers of each id, sorted by instant (no two at one instant). */
    private final Map<String, List<Transfer>> byItem;
    /** The ids passed to each person, in the order of their first transfer. */
    private final Map<String, Set<String>> byPerson;

    private Ownership(Map<String, List<Transfer>> byItem, Map<String, Set<String>> byPerson) {
        this.byItem = byItem;
        this.byPerson = byPerson;
    }

    /** Ownership with no transfers: everything is owned by its creator. */
    public static Ownership none() {
        return NONE;
    }

    /**
     * The transfers of the handovers completed at or before {@code asOf}.
     *
     * @throws InvalidValueException when two handovers pass one id at the same instant (the dataset
     *     reader reports it first, with its JSON path)
     */
    public static Ownership of(Collection<Handover> handovers, Instant asOf) {
        Map<String, List<Transfer>> byItem = new HashMap<>();
        for (Handover handover : handovers) {
            Instant completed = handover.completedAt();
            if (completed == null || completed.isAfter(asOf)) {
                continue;
            }
            for (String id : new LinkedHashSet<>(handover.carriedOver())) {
                byItem.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new Transfer(id, completed, handover.incoming(), handover.outgoing(), handover.id()));
            }
        }
        Map<String, Set<String>> byPerson = new HashMap<>();
        for (List<Transfer> transfers : byItem.values()) {
            transfers.sort(Comparator.comparing(Transfer::at));
            for (int i = 1; i < transfers.size(); i++) {
                Transfer before = transfers.get(i - 1);
                Transfer tie = transfers.get(i);
                if (before.at().equals(tie.at())) {
                    throw InvalidValueException.of(
                            "%s is carried over by handovers %s and %s, both completed at %s; ownership would be"
                                    + " ambiguous: complete them at different instants",
                            tie.itemId(), before.handoverId(), tie.handoverId(), tie.at());
                }
            }
        }
        byItem.values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(Transfer::at).thenComparing(Transfer::itemId))
                .forEach(t -> byPerson.computeIfAbsent(t.to(), k -> new LinkedHashSet<>())
                        .add(t.itemId()));
        return new Ownership(byItem, byPerson);
    }

    /** The owner of the item at {@code t}: the {@code to} of the latest transfer at or before t, else the creator. */
    public String ownerAt(String itemId, String creator, Instant t) {
        return lastTransfer(itemId, t).map(Transfer::to).orElse(creator);
    }

    /** The owner just before {@code t}: the {@code to} of the latest transfer strictly before t, else the creator. */
    public String ownerBefore(String itemId, String creator, Instant t) {
        return latest(itemId, t, false).map(Transfer::to).orElse(creator);
    }

    /** The latest transfer of the item at or before {@code t} (reports: "carried over to X at handover H"). */
    public Optional<Transfer> lastTransfer(String itemId, Instant t) {
        return latest(itemId, t, true);
    }

    /** Every transfer of the item, oldest first. */
    public List<Transfer> transfers(String itemId) {
        return List.copyOf(byItem.getOrDefault(itemId, List.of()));
    }

    /** The ids ever passed to the person by a handover completed at or before as-of (for indexes; filter by owner). */
    public Set<String> passedTo(String staffId) {
        return Set.copyOf(byPerson.getOrDefault(staffId, Set.of()));
    }

    /** The creator of an entry: its author. */
    public static String creator(LogEntry entry) {
        return entry.author();
    }

    /** The creator of an incident: its reporter. */
    public static String creator(Incident incident) {
        return incident.reportedBy();
    }

    private Optional<Transfer> latest(String itemId, Instant t, boolean inclusive) {
        List<Transfer> transfers = byItem.get(itemId);
        if (transfers == null) {
            return Optional.empty();
        }
        // the first transfer after t (or at t, when not inclusive); the one before it is the latest
        int low = 0;
        int high = transfers.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            Instant at = transfers.get(middle).at();
            boolean counts = inclusive ? !at.isAfter(t) : at.isBefore(t);
            if (counts) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == 0 ? Optional.empty() : Optional.of(transfers.get(low - 1));
    }
}
