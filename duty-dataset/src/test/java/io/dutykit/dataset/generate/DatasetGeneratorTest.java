package io.dutykit.dataset.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.LogEntry;
import io.dutykit.dataset.DatasetReader;
import io.dutykit.dataset.DatasetWriter;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTest {
    private static final DatasetGenerator GENERATOR = new DatasetGenerator(42);

    @Test
    void the_same_seed_gives_the_same_records() {
        SiteRecords first = GENERATOR.site(3, DatasetGenerator.DEFAULT_FIRST_MONTH, 1);
        SiteRecords again = new DatasetGenerator(42).site(3, DatasetGenerator.DEFAULT_FIRST_MONTH, 1);

        assertThat(again).isEqualTo(first);
        assertThat(new DatasetGenerator(43).site(3, DatasetGenerator.DEFAULT_FIRST_MONTH, 1))
                .isNotEqualTo(first);
    }

    @Test
    void a_month_has_a_roster_a_shift_record_for_every_date_and_chinese_names() {
        SiteRecords site = GENERATOR.site(0, DatasetGenerator.DEFAULT_FIRST_MONTH, 1);

        assertThat(site.site().id()).isEqualTo("site-001");
        assertThat(site.rosters()).hasSize(1);
        assertThat(site.dutyReports()).hasSize(31);
        assertThat(site.staff()).allSatisfy(s -> assertThat(s.name()).matches("\\p{IsHan}+"));
        assertThat(site.entries()).extracting(LogEntry::text).anyMatch(t -> t.contains("巡查"));
    }

    @Test
    void the_calendar_has_weekends_a_holiday_and_a_make_up_working_day() {
        SiteRecords site = GENERATOR.site(0, DatasetGenerator.DEFAULT_FIRST_MONTH, 1);
        var calendar = site.site().calendar();

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1)))
                .as("National Day")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10)))
                .as("make-up Saturday")
                .isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 17)))
                .as("plain Saturday")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 12)))
                .as("plain Monday")
                .isTrue();
    }

    @Test
    void every_handover_is_dated_by_the_shift_it_starts_or_else_ends() {
        SiteRecords site = GENERATOR.site(1, DatasetGenerator.DEFAULT_FIRST_MONTH, 2);

        for (Handover handover : site.handovers()) {
            assertThat(site.site().handoverDateOf(handover.scheduledAt()))
                    .as(handover.id())
                    .contains(handover.date());
            assertThat(handover.signaturesMatchContent()).as(handover.id()).isTrue();
        }
    }

    @Test
    void references_name_existing_staff_entries_and_incidents() {
        SiteRecords site = GENERATOR.site(2, DatasetGenerator.DEFAULT_FIRST_MONTH, 1);
        Set<String> staff = site.staffById().keySet();
        Set<String> items = new HashSet<>();
        site.entries().forEach(e -> items.add(e.id()));
        site.incidents().forEach(i -> items.add(i.id()));

        assertThat(site.handovers()).allSatisfy(h -> {
            assertThat(staff).contains(h.outgoing(), h.incoming());
            assertThat(items).containsAll(h.carriedOver());
        });
        assertThat(site.entries()).allSatisfy(e -> assertThat(staff).contains(e.author()));
        assertThat(site.entries()).filteredOn(e -> e.corrects() != null).allSatisfy(e -> assertThat(items)
                .contains(e.corrects()));
    }

    @Test
    void across_sites_there_are_incidents_of_every_severity() {
        List<Incident> incidents = IntStream.range(0, 10)
                .mapToObj(i -> GENERATOR.site(i, DatasetGenerator.DEFAULT_FIRST_MONTH, 1))
                .flatMap(s -> s.incidents().stream())
                .toList();

        assertThat(incidents.stream().map(Incident::severity).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(IncidentSeverity.values());
    }

    @Test
    void generated_sites_are_valid_dutykit_1_datasets_that_round_trip() {
        SiteRecords site = GENERATOR.site(4, DatasetGenerator.DEFAULT_FIRST_MONTH, 2);

        String json = new DatasetWriter().toJson(site);

        assertThat(new DatasetReader().readString(json)).isEqualTo(site);
    }

    @Test
    void with_no_lapses_nobody_leaves_work_open_or_late() {
        SiteRecords site =
                new DatasetGenerator(7, new DatasetGenerator.Rates(0)).site(0, DatasetGenerator.DEFAULT_FIRST_MONTH, 1);

        assertThat(site.handovers()).allSatisfy(h -> {
            assertThat(h.isCompleted()).isTrue();
            assertThat(h.incomingArrivedAt()).isBeforeOrEqualTo(h.scheduledAt().minusSeconds(300));
        });
        assertThat(site.calls()).allSatisfy(c -> assertThat(c.answered()).isTrue());
        assertThat(site.leaves()).isEmpty();
    }
}
