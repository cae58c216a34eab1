package io.dutykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.record.EntryKind;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The example dataset shipped in examples/data is valid and reads completely. */
class ExampleDatasetTest {
    static final Path GARDEN_COURT = Path.of("..", "examples", "data", "garden-court.json");

    @Test
    void garden_court_example_reads_with_every_list_filled() {
        SiteRecords records = new DatasetReader().read(GARDEN_COURT);

        assertThat(records.site().id()).isEqualTo("garden-court");
        assertThat(records.staff()).extracting(s -> s.id()).containsExactly("wang", "li", "zhao", "chen", "liu");
        assertThat(records.rosters()).singleElement().satisfies(r -> assertThat(r.duties())
                .hasSize(30));
        assertThat(records.leaves()).hasSize(1);
        assertThat(records.handovers()).hasSize(4);
        assertThat(records.entries()).extracting(e -> e.kind()).contains(EntryKind.PATROL, EntryKind.CORRECTION);
        assertThat(records.incidents()).singleElement().satisfies(i -> assertThat(i.escalations())
                .hasSize(2));
        assertThat(records.calls()).hasSize(3);
        assertThat(records.absences()).hasSize(1);
        assertThat(records.reviews()).hasSize(2);
        assertThat(records.dutyReports()).hasSize(2);
        assertThat(records.trainings()).hasSize(1);
        assertThat(records.processReviews()).hasSize(1);
        assertThat(records.spotChecks()).hasSize(1);
        assertThat(records.handoverAtShiftStart(LocalDate.of(2026, 11, 2))).isPresent();
    }

    @Test
    void garden_court_example_round_trips() {
        DatasetReader reader = new DatasetReader();
        SiteRecords records = reader.read(GARDEN_COURT);

        String written = new DatasetWriter().toJson(records);

        assertThat(reader.readString(written)).isEqualTo(records);
        assertThat(new DatasetWriter().toJson(reader.readString(written))).isEqualTo(written);
    }
}
