package io.dutykit.core.record;

import io.dutykit.core.Checks;
import java.time.LocalDate;
import java.util.List;

/** A training of duty officers (G5: every quarter). */
public record Training(LocalDate date, String topic, List<String> attendees) {
    public Training {
        Checks.required(date, "trainings[].date");
        Checks.required(attendees, "trainings[].attendees");
        attendees = List.copyOf(attendees);
    }

    /** Trainings are identified by date and topic. */
    public String key() {
        return date + "/" + (topic == null ? "" : topic);
    }
}
