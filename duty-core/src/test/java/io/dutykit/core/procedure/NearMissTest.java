package io.dutykit.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearMissTest {
    @Test
    void suggests_the_nearest_known_name_within_a_few_edits_and_nothing_for_an_unrelated_one() {
        List<String> known = List.of("procedure.properties", "incident-thresholds.csv", "messages.properties");

        assertThat(NearMiss.nearest("procedures.properties", known)).contains("procedure.properties");
        assertThat(NearMiss.nearest("incident-threshold.csv", known)).contains("incident-thresholds.csv");
        assertThat(NearMiss.nearest("notes.xlsx", known)).isEmpty();
        assertThat(NearMiss.nearest("EROR", List.of("ERROR", "WARNING"))).contains("ERROR");
        assertThat(NearMiss.nearest("error", List.of("ERROR", "WARNING"))).contains("ERROR");
        assertThat(NearMiss.nearest("ERROR", List.of("ERROR", "WARNING"))).isEmpty();
        assertThat(NearMiss.nearest("AB", List.of("XY"))).isEmpty();
    }
}
