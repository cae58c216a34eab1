package io.dutykit.core.procedure;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The "did you mean" of every message about a name a person typed: the known name nearest to a
 * misspelt one (a parameter key, a file name, a rule id, a severity, a category), compared without
 * regard to case. One definition, so the parameters file, the rules folder, the scenarios and the
 * console suggest alike.
 */
public final class NearMiss {
    /** At most this many edits (insertions, deletions, substitutions) away, as for {@code phone.maxRing}. */
    public static final int MAX_EDITS = 3;

    private NearMiss() {}

    /** The known name nearest to {@code typed}, at most {@link #MAX_EDITS} edits away and not equal to it. */
    public static Optional<String> nearest(String typed, Collection<String> known) {
        return nearest(typed, known, MAX_EDITS);
    }

    /**
     * The known name nearest to {@code typed}, at most {@code maxEdits} edits away (and at most a third of
     * the name's length, so that short names do not suggest unrelated ones), not equal to it; ties go to
     * the first in {@code known}.
     */
    public static Optional<String> nearest(String typed, Collection<String> known, int maxEdits) {
        if (typed == null || typed.isEmpty()) {
            return Optional.empty();
        }
        String a = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            if (candidate.equals(typed)) {
                continue;
            }
            int limit = Math.min(maxEdits, Math.max(1, candidate.length() / 3));
            int d = distance(a, candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The Levenshtein distance of two texts. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
