package io.dutykit.reports;

import static io.dutykit.reports.Fixtures.D;
import static io.dutykit.reports.Fixtures.DAILY_AS_OF;
import static io.dutykit.test.data.HandoverBuilder.anOpenHandover;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.InventoryLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, finding 9: a report is computed in full and written whole, or not at all. A 300-character
 * handover id made the CSV report fail after {@code 00-figures.csv} was written (the table's file name
 * was longer than a file system allows).
 */
class ReportFilesTest {
    @TempDir
    Path dir;

    private static ReportRequest handoverWithId(String id) {
        Handover handover = anOpenHandover()
                .id(id)
                .date(D)
                .scheduledAt("2026-11-02T17:30")
                .outgoing("chen")
                .incoming("wang")
                .incomingArrivedAt("17:22")
                .inventory(new InventoryLine("WALKIE_TALKIE", 2, 2, 0, null))
                .build();
        SiteRecords records =
                Fixtures.gardenCourt().toBuilder().handovers(List.of(handover)).build();
        return ReportRequest.forDate(records, List.of(), D, DAILY_AS_OF, Locale.ENGLISH);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_300_character_handover_id_gives_a_whole_csv_report_with_short_file_names() throws IOException {
        String id = "ho-" + "x".repeat(297);
        Path out = dir.resolve("handover");

        List<Path> written = Reports.render(ReportKind.HANDOVER, ReportFormat.CSV, handoverWithId(id), out);

        assertThat(names(out)).hasSize(written.size()).contains("00-figures.csv");
        assertThat(names(out)).allSatisfy(name -> assertThat(name.length()).isLessThan(140));
        assertThat(names(out)).anySatisfy(name -> assertThat(name).contains("inventory"));
        assertThat(Files.readString(out.resolve("00-figures.csv"))).contains(id);
    }

    @Test
    void long_keys_that_differ_only_at_the_end_keep_different_file_names() {
        String a = CsvWriter.safe("handover-ho-" + "x".repeat(300) + "a");
        String b = CsvWriter.safe("handover-ho-" + "x".repeat(300) + "b");
        assertThat(a).hasSize(CsvWriter.MAX_PART).isNotEqualTo(b);
        assertThat(CsvWriter.safe("handover-ho-2026-11-02")).isEqualTo("handover-ho-2026-11-02");
    }

    @Test
    void a_csv_report_that_cannot_be_written_whole_writes_nothing() throws IOException {
        ReportRequest request = handoverWithId("ho-2026-11-02");
        List<String> names = List.copyOf(Reports.renderFiles(ReportKind.HANDOVER, ReportFormat.CSV, request)
                .keySet());
        Path out = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(out.resolve("notes.txt"), "kept");
        // a folder where the report's last table goes: that file cannot be written
        Files.createDirectories(out.resolve(names.get(names.size() - 1)).resolve("inside"));

        assertThatThrownBy(() -> Reports.render(ReportKind.HANDOVER, ReportFormat.CSV, request, out))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining(names.get(names.size() - 1));

        assertThat(names(out)).containsExactlyInAnyOrder("notes.txt", names.get(names.size() - 1));
    }

    @Test
    void a_single_file_report_replaces_the_old_file_only_when_written_whole() throws IOException {
        Path out = Files.writeString(dir.resolve("daily.html"), "old");

        Reports.render(ReportKind.DAILY, ReportFormat.HTML, handoverWithId("ho-1"), out);

        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
        assertThat(names(dir)).containsExactly("daily.html");
    }
}
