package io.dutykit.core.handover;

import io.dutykit.core.Checks;

/** Something unusual the incoming officer found in the area, with the outgoing's explanation (4.2.1). */
public record Anomaly(String description, String explanation) {
    public Anomaly {
        Checks.requiredText(description, "anomalies[].description");
        explanation = Checks.blankToNull(explanation);
    }

    public boolean isExplained() {
        return explanation != null;
    }
}
