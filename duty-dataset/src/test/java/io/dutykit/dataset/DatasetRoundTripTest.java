package io.dutykit.dataset;

import static io.dutykit.test.data.CallBuilder.aCall;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.HandoverBuilder.aHandover;
import static io.dutykit.test.data.IncidentBuilder.anIncident;
import static io.dutykit.test.data.SiteBuilder.aSite;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.chain.CanonicalJson;
import io.dutykit.core.chain.LogRecord;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.DutyReport;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.site.Site;
import io.dutykit.core.site.SiteCalendar;
import io.dutykit.core.site.TimeOfDayRange;
import io.dutykit.core.staff.Role;
import io.dutykit.core.staff.Staff;
import io.dutykit.test.data.CallBuilder;
import io.dutykit.test.data.TestStaff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** read(write(x)) equals x, and what is written is what SPEC section 5 shows. */
class DatasetRoundTripTest {
    private final DatasetReader reader = new DatasetReader();
    private final DatasetWriter writer = new DatasetWriter();

    @Test
    void instants_are_written_with_the_site_offset() {
        String json = writer.toJson(reader.read(ExampleDatasetTest.GARDEN_COURT));

        assertThat(json)
                .contains("\"scheduledAt\" : \"2026-11-02T17:30:00+08:00\"")
                .doesNotContain("null");
    }

    @Test
    void a_site_with_every_optional_part_round_trips() {
        Site site = new Site(
                "harbour",
                "Harbour \"View\" 海景",
                ZoneId.of("UTC"),
                new SiteCalendar(Set.of(LocalDate.of(2026, 12, 25)), Set.of(LocalDate.of(2026, 12, 27))),
                TimeOfDayRange.of("18:00", "08:00"),
                TimeOfDayRange.of("08:00", "08:00"),
                TimeOfDayRange.of("09:00", "18:00"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", "a\nb");
        data.put("small", 3);
        data.put("big", 1L << 40);
        data.put("flag", true);
        data.put("none", null);
        data.put("list", Arrays.asList(1, "two", null, List.of()));
        data.put("nested", Map.of("k", "v"));
        SiteRecords records = SiteRecords.builder(site)
                .staff(List.of(new Staff("s1", null, Set.of()), Staff.of("s2", "Two", Role.SUPERVISOR, Role.MANAGER)))
                .log(List.of(new LogRecord(
                        1,
                        "r-1",
                        "ENTRY_APPENDED",
                        Instant.parse("2026-12-01T10:00:00.123456789Z"),
                        "s1",
                        data,
                        "0".repeat(64),
                        "ab")))
                .purgedBefore(LocalDate.of(2023, 1, 1))
                .build();

        String json = writer.toJson(records);

        assertThat(reader.readString(json)).isEqualTo(records);
        assertThat(json).contains("\"at\" : \"2026-12-01T10:00:00.123456789Z\"").contains("\"officeHours\"");
    }

    @Test
    void a_site_with_nothing_but_its_id_round_trips() {
        SiteRecords records = SiteRecords.empty(Site.of("bare", null, Site.DEFAULT_ZONE, null));

        String json = writer.compact().toJson(records);

        assertThat(reader.readString(json)).isEqualTo(records);
        assertThat(json).startsWith("{\"format\":\"dutykit/1\",\"site\":{\"id\":\"bare\",\"zone\":\"Asia/Shanghai\"}");
    }

    @Test
    void sites_written_one_at_a_time_form_an_array(@TempDir Path dir) throws IOException {
        SiteRecords one = SiteRecords.empty(Site.of("one", null, Site.DEFAULT_ZONE, null));
        SiteRecords two = reader.read(ExampleDatasetTest.GARDEN_COURT);
        Path file = dir.resolve("all.json");
        try (var out = Files.newOutputStream(file);
                var sites = writer.open(out)) {
            sites.write(one);
            sites.write(two);
        }

        assertThat(reader.readAll(file)).containsExactly(one, two);
    }

    @Test
    void a_file_written_is_read_back(@TempDir Path dir) throws IOException {
        SiteRecords records = reader.read(ExampleDatasetTest.GARDEN_COURT);
        Path file = dir.resolve("out.json");

        writer.write(records, file);

        assertThat(reader.read(file)).isEqualTo(records);
        List<SiteRecords> all = new ArrayList<>();
        reader.forEachSite(file, all::add);
        assertThat(all).containsExactly(records);
    }

    /**
     * Exports of records without the fields added on 2026-12-03 stay byte-identical: the example dataset
     * is written exactly as before them (its SHA-256 and length captured then).
     */
    @Test
    void a_dataset_without_second_round_values_is_written_as_before_them() {
        String json = writer.toJson(reader.read(ExampleDatasetTest.GARDEN_COURT));

        assertThat(json.length()).isEqualTo(16040);
        assertThat(CanonicalJson.sha256Hex(json))
                .isEqualTo("4362b24e2b651959639a17d4c6a53ba9da0294ad3336e4ed3fa686107b48e92e");
        assertThat(json).doesNotContain("\"checks\"", "\"decidedAt\"", "\"rejectedBy\"", "\"inventory\" : [ {\"item");
    }

    /** Every field added on 2026-12-03, set, is written and read back. */
    @Test
    void every_second_round_field_round_trips() {
        CallBuilder call = aCall().id("c-1").at("2026-11-02T21:00");
        List<LogEntry> entries = new ArrayList<>();
        entries.add(anEntry()
                .id("e-1")
                .evidence("photo:lobby-2110.jpg", "doc:note.pdf")
                .build());
        entries.add(call.loggingEntry().orElseThrow());
        SiteRecords records = SiteRecords.builder(aSite().inventory("WALKIE_TALKIE", 2)
                        .inventory("FIRE_EXTINGUISHER", 4)
                        .build())
                .staff(TestStaff.all())
                .leaves(List.of(
                        Leave.request("lv-1", "wang", LocalDate.parse("2026-11-04"), at("2026-11-01T09:00"), "family")
                                .reject("li", at("2026-11-01T10:00"))))
                .handovers(List.of(aHandover().build()))
                .entries(entries)
                .incidents(List.of(anIncident()
                        .severity(IncidentSeverity.MAJOR)
                        .escalatedTo("li", "20:05", true)
                        .escalatedTo("zhao", "20:10", true)
                        .build()))
                .calls(List.of(call.build()))
                .dutyReports(List.of(
                        new DutyReport(LocalDate.parse("2026-11-02"), "wang", at("2026-11-03T09:00"), null, null)
                                .review("li", at("2026-11-03T09:40"))))
                .spotChecks(List.of(new SpotCheck(LocalDate.parse("2026-11-02"), "li", at("2026-11-02T22:00"), "ok")))
                .build();

        String json = writer.toJson(records);
        String compact = writer.compact().toJson(records);

        assertThat(reader.readString(json)).isEqualTo(records);
        assertThat(reader.readString(compact)).isEqualTo(records);
        assertThat(compact)
                .contains(
                        "\"inventory\":[{\"item\":\"WALKIE_TALKIE\",\"expected\":2},{\"item\":\"FIRE_EXTINGUISHER\",\"expected\":4}]")
                .contains("\"checks\":[{\"check\":\"LOG_READ\",\"by\":\"wang\",\"at\":\"2026-11-02T17:21:00+08:00\"}")
                .contains(
                        "\"decision\":\"handle it as the emergency plan says\",\"onSiteAt\":\"2026-11-02T20:25:00+08:00\","
                                + "\"decidedAt\":\"2026-11-02T20:10:00+08:00\"")
                .contains("\"evidence\":[\"photo:inc-1-scene.jpg\"]")
                .contains("\"staff\":\"wang\",\"entry\":\"e-c-1\"")
                .contains("\"rejectedBy\":\"li\",\"rejectedAt\":\"2026-11-01T10:00:00+08:00\"")
                .contains("\"reviewedBy\":\"li\",\"reviewedAt\":\"2026-11-03T09:40:00+08:00\"");
    }
}
