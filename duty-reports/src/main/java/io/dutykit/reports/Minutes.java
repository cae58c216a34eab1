package io.dutykit.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Minutes between instants and the order statistics the reports print. */
final class Minutes {
    private Minutes() {}

    /** Minutes from {@code from} to {@code to}, to a tenth of a minute (negative when {@code to} is earlier). */
    static double between(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        return BigDecimal.valueOf(seconds)
                .divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /**
     * The nearest-rank percentile: sort the values ascending and take the one at rank
     * {@code ceil(p / 100 × n)} (1-based). Every result is one of the values; null when there are none.
     */
    static Double nearestRank(Collection<Double> values, int percent) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    /** The usual median: the middle value, or the mean of the two middle values; null when there are none. */
    static Double median(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The instant when it had happened by {@code asOf}, else null: a later instant has not happened yet. */
    static Instant known(Instant instant, Instant asOf) {
        return instant != null && !instant.isAfter(asOf) ? instant : null;
    }
}
