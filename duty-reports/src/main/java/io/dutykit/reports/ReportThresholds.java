package io.dutykit.reports;

import io.dutykit.core.InvalidValueException;
import java.util.Map;

/**
 * The procedure's limits that the reports measure against; the same keys and defaults as the rules
 * (SPEC section 4), so a report and a check agree.
 *
 * @param maxRings {@code phone.maxRings}: an inbound call is answered within this many rings (4.1.5)
 * @param patrolMaxIntervalMinutes {@code patrol.maxIntervalMinutes}: the longest allowed patrol gap (G2)
 * @param incomingLeadMinutes {@code handover.incomingLeadMinutes}: the incoming arrives this early (4.2.1)
 * @param outgoingLeadMinutes {@code handover.outgoingLeadMinutes}: the outgoing is ready this early (4.2.2)
 */
public record ReportThresholds(
        int maxRings, int patrolMaxIntervalMinutes, int incomingLeadMinutes, int outgoingLeadMinutes) {

    public ReportThresholds {
        positive(maxRings, "phone.maxRings");
        positive(patrolMaxIntervalMinutes, "patrol.maxIntervalMinutes");
        positive(incomingLeadMinutes, "handover.incomingLeadMinutes");
        positive(outgoingLeadMinutes, "handover.outgoingLeadMinutes");
    }

    /** 3 rings, 180 minutes, 5 minutes, 15 minutes. */
    public static ReportThresholds defaults() {
        return new ReportThresholds(3, 180, 5, 15);
    }

    /** The limits from a {@code procedure.properties} map; missing keys keep their defaults. */
    public static ReportThresholds fromProperties(Map<String, String> properties) {
        ReportThresholds d = defaults();
        return new ReportThresholds(
                read(properties, "phone.maxRings", d.maxRings),
                read(properties, "patrol.maxIntervalMinutes", d.patrolMaxIntervalMinutes),
                read(properties, "handover.incomingLeadMinutes", d.incomingLeadMinutes),
                read(properties, "handover.outgoingLeadMinutes", d.outgoingLeadMinutes));
    }

    private static int read(Map<String, String> properties, String key, int fallback) {
        String value = properties.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidValueException.of("%s (%s) must be a whole number, e.g. %s=%d", key, value, key, fallback);
        }
    }

    private static void positive(int value, String key) {
        if (value < 0) {
            throw InvalidValueException.of("%s (%d) must not be negative", key, value);
        }
    }
}
