package io.dutykit.dataset.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dutykit.core.InvalidValueException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.handover.HandoverCheck;
import io.dutykit.core.handover.SignatureRole;
import io.dutykit.core.incident.Incident;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.procedure.Deadlines;
import io.dutykit.core.procedure.Ownership;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.Parameters;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.EntryKind;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.record.SpotCheck;
import io.dutykit.core.roster.Leave;
import io.dutykit.core.site.InventoryItem;
import io.dutykit.dataset.DatasetReader;
import io.dutykit.dataset.DatasetWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private static final ParameterValues PROCEDURE = ParameterValues.defaults();

    private static SiteRecords compliant() {
        return new DatasetGenerator(7, new DatasetGenerator.Rates(0)).site(1, DatasetGenerator.DEFAULT_FIRST_MONTH, 2);
    }

    private static List<SiteRecords> lapseRich() {
        DatasetGenerator generator = new DatasetGenerator(99, new DatasetGenerator.Rates(0.25));
        return IntStream.range(0, 4)
                .mapToObj(i -> generator.site(i, DatasetGenerator.DEFAULT_FIRST_MONTH, 2))
                .toList();
    }

    @Test
    void with_no_lapses_every_handover_counts_the_checklist_and_the_incoming_checks_before_signing() {
        SiteRecords site = compliant();
        List<String> required = List.copyOf(PROCEDURE.get(Parameters.REQUIRED_CHECKS));
        Duration lead = PROCEDURE.get(Parameters.CHECKS_LEAD);

        assertThat(site.site().inventory())
                .extracting(InventoryItem::item)
                .hasSize(5)
                .contains("WALKIE_TALKIE");
        assertThat(site.handovers()).isNotEmpty().allSatisfy(h -> {
            assertThat(h.uncounted(site.site().inventory())).as(h.id()).isEmpty();
            assertThat(h.missingChecks(required, h.scheduledAt().minus(lead), h.completedAt()))
                    .as(h.id())
                    .isEmpty();
            Instant outgoing = h.signature(SignatureRole.OUTGOING).orElseThrow().at();
            Instant incoming = h.signature(SignatureRole.INCOMING).orElseThrow().at();
            Instant lastCheck = h.checks().stream()
                    .map(HandoverCheck::at)
                    .max(Instant::compareTo)
                    .orElseThrow();
            assertThat(lastCheck).as(h.id()).isBefore(incoming);
            assertThat(outgoing).as(h.id()).isBeforeOrEqualTo(incoming);
            assertThat(incoming).as(h.id()).isBeforeOrEqualTo(h.completedAt());
        });
    }

    @Test
    void with_no_lapses_calls_decisions_returns_evidence_requests_reports_and_spot_checks_are_in_time() {
        SiteRecords site = compliant();
        Map<String, LogEntry> entries = site.entries().stream().collect(Collectors.toMap(LogEntry::id, e -> e));
        Duration logWithin = PROCEDURE.get(Parameters.CALL_LOG_WITHIN);

        assertThat(site.calls())
                .filteredOn(c -> c.isInbound() && c.answered())
                .isNotEmpty()
                .allSatisfy(c -> {
                    LogEntry entry = entries.get(c.entry());
                    assertThat(entry).as(c.id()).isNotNull();
                    assertThat(entry.at())
                            .as(c.id())
                            .isAfterOrEqualTo(c.at())
                            .isBeforeOrEqualTo(c.at().plus(logWithin));
                });
        List<Incident> critical =
                site.incidents().stream().filter(i -> i.severity().isCritical()).toList();
        assertThat(critical).isNotEmpty().allSatisfy(i -> assertThat(i.escalations())
                .filteredOn(e -> e.to().equals("supervisor") && e.reached())
                .allSatisfy(e -> assertThat(e.decidedAt())
                        .as(i.id())
                        .isNotNull()
                        .isBeforeOrEqualTo(e.at().plus(PROCEDURE.get(Parameters.DECISION_WITHIN)))));
        assertThat(critical)
                .filteredOn(i -> i.severity() == IncidentSeverity.MAJOR)
                .allSatisfy(i -> {
                    assertThat(i.evidence()).as(i.id()).isNotEmpty();
                    assertThat(i.escalations())
                            .filteredOn(e -> e.reached() && !site.site().isOfficeHours(e.at()))
                            .allSatisfy(e -> assertThat(e.onSiteAt())
                                    .as(i.id() + "/" + e.to())
                                    .isNotNull()
                                    .isBeforeOrEqualTo(e.at().plus(PROCEDURE.get(Parameters.ON_SITE_WITHIN))));
                });
        assertThat(site.entries())
                .filteredOn(e -> e.kind() == EntryKind.HELP_REQUEST)
                .allSatisfy(e -> assertThat(e.closedAt())
                        .as(e.id())
                        .isBeforeOrEqualTo(e.at().plus(PROCEDURE.get(Parameters.HELP_REQUEST_CLOSE))));
        Deadlines deadlines = Deadlines.defaults();
        assertThat(site.dutyReports()).allSatisfy(r -> {
            Instant logReview =
                    deadlines.reviewDeadline(site.site(), site.site().shiftOf(r.date()));
            Instant byReport = r.submittedAt().plus(PROCEDURE.get(Parameters.REPORT_REVIEW));
            assertThat(r.reviewedBy()).isEqualTo("supervisor");
            assertThat(r.reviewedAt())
                    .as(r.date().toString())
                    .isAfterOrEqualTo(r.submittedAt())
                    .isBeforeOrEqualTo(logReview.isAfter(byReport) ? logReview : byReport);
        });
        for (YearMonth month : List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11))) {
            List<LocalDate> dates = site.spotChecks().stream()
                    .filter(c -> YearMonth.from(c.date()).equals(month))
                    .map(SpotCheck::date)
                    .toList();
            assertThat(dates)
                    .as(month.toString())
                    .hasSizeGreaterThanOrEqualTo(PROCEDURE.get(Parameters.SPOT_CHECKS_PER_MONTH))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void the_incoming_takes_over_what_the_outgoing_owned_just_before_completion() {
        for (SiteRecords site : lapseRich()) {
            Ownership ownership = Ownership.of(site.handovers(), Instant.MAX);
            Map<String, LogEntry> entries = site.entries().stream().collect(Collectors.toMap(LogEntry::id, e -> e));
            Map<String, Incident> incidents = site.incidents().stream().collect(Collectors.toMap(Incident::id, i -> i));
            for (Handover h : site.handovers()) {
                if (h.completedAt() == null) {
                    continue;
                }
                for (String id : h.carriedOver()) {
                    LogEntry entry = entries.get(id);
                    Incident incident = incidents.get(id);
                    Instant since = entry != null ? entry.at() : incident.openedAt();
                    String creator = entry != null ? entry.author() : incident.reportedBy();
                    assertThat(since).as(h.id() + "/" + id).isBefore(h.completedAt());
                    assertThat(ownership.ownerBefore(id, creator, h.completedAt()))
                            .as(h.id() + "/" + id)
                            .isEqualTo(h.outgoing());
                }
            }
            // work that changed hands more than once: the owner at a later handover is the earlier incoming
            assertThat(site.entries().stream()
                            .map(LogEntry::id)
                            .filter(id -> ownership.transfers(id).size() >= 2))
                    .as(site.site().id())
                    .isNotEmpty();
        }
    }

    @Test
    void data_full_of_lapses_holds_a_lapse_of_every_second_round_step() {
        List<SiteRecords> sites = lapseRich();
        List<Handover> handovers =
                sites.stream().flatMap(s -> s.handovers().stream()).toList();
        List<Incident> incidents =
                sites.stream().flatMap(s -> s.incidents().stream()).toList();
        List<String> required = List.copyOf(PROCEDURE.get(Parameters.REQUIRED_CHECKS));
        Duration lead = PROCEDURE.get(Parameters.CHECKS_LEAD);

        assertThat(handovers)
                .as("signed by both, never completed")
                .anyMatch(h -> h.isSignedByBoth() && h.completedAt() == null);
        assertThat(handovers)
                .as("the incoming signed first")
                .anyMatch(h -> h.completedAt() != null
                        && h.signature(SignatureRole.INCOMING)
                                .orElseThrow()
                                .at()
                                .isBefore(h.signature(SignatureRole.OUTGOING)
                                        .orElseThrow()
                                        .at()));
        assertThat(handovers)
                .as("signed after completion")
                .anyMatch(h -> h.completedAt() != null
                        && h.signatures().stream().anyMatch(s -> s.at().isAfter(h.completedAt())));
        assertThat(handovers)
                .as("an item of the checklist not counted")
                .anyMatch(h -> !h.uncounted(sites.get(0).site().inventory()).isEmpty());
        assertThat(handovers).as("a check missing").anyMatch(h -> h.checks().size() < required.size());
        assertThat(handovers).as("a check made too early").anyMatch(h -> h.checks().stream()
                .anyMatch(c -> c.at().isBefore(h.scheduledAt().minus(lead))));
        assertThat(incidents).as("a supervisor reached who decided nothing").anyMatch(i -> i.escalations().stream()
                .anyMatch(e -> e.to().equals("supervisor") && e.reached() && !e.hasDecision()));
        assertThat(incidents).as("a decision recorded late").anyMatch(i -> i.escalations().stream()
                .anyMatch(e -> e.decidedAt() != null
                        && e.decidedAt().isAfter(e.at().plus(PROCEDURE.get(Parameters.DECISION_WITHIN)))));
        Duration returnWithin = PROCEDURE.get(Parameters.ON_SITE_WITHIN);
        assertThat(incidents)
                .as("a major incident going on while someone reached after hours did not come back")
                .anyMatch(i -> i.severity() == IncidentSeverity.MAJOR
                        && i.escalations().stream()
                                .anyMatch(e -> e.reached()
                                        && !sites.get(0).site().isOfficeHours(e.at())
                                        && e.onSiteAt() == null
                                        && i.resolvedAt().isAfter(e.at().plus(returnWithin))));
        assertThat(incidents)
                .as("a major incident resolved without evidence")
                .anyMatch(i -> i.severity() == IncidentSeverity.MAJOR
                        && i.resolvedAt() != null
                        && i.evidence().isEmpty());
        List<Call> answered = sites.stream()
                .flatMap(s -> s.calls().stream())
                .filter(c -> c.isInbound() && c.answered())
                .toList();
        assertThat(answered).as("an answered call not linked to its entry").anyMatch(c -> c.entry() == null);
        assertThat(sites.stream().flatMap(s -> s.entries().stream()))
                .as("a complaint or request for help closed after its limit")
                .anyMatch(e -> e.kind() == EntryKind.HELP_REQUEST
                        && e.closedAt() != null
                        && e.closedAt().isAfter(e.at().plus(PROCEDURE.get(Parameters.HELP_REQUEST_CLOSE))));
        assertThat(sites.stream().flatMap(s -> s.dutyReports().stream()))
                .as("a duty report nobody reviewed")
                .anyMatch(r -> r.reviewedAt() == null);
        assertThat(sites)
                .as("a month with too few spot checks")
                .anyMatch(s -> s.spotChecks().stream()
                                        .filter(c -> c.date().getMonthValue() == 10)
                                        .count()
                                < PROCEDURE.get(Parameters.SPOT_CHECKS_PER_MONTH)
                        || s.spotChecks().stream()
                                        .filter(c -> c.date().getMonthValue() == 11)
                                        .count()
                                < PROCEDURE.get(Parameters.SPOT_CHECKS_PER_MONTH));
        assertThat(sites.stream().flatMap(s -> s.leaves().stream()))
                .as("a rejected leave")
                .anyMatch(Leave::isRejected);
        assertThat(sites.stream().flatMap(s -> s.entries().stream()))
                .as("evidence on entries")
                .anyMatch(e -> !e.evidence().isEmpty());
    }

    @Test
    void a_lapse_rate_is_a_chance_from_0_to_1() {
        assertThat(new DatasetGenerator.Rates(0).lapse()).isZero();
        assertThat(new DatasetGenerator.Rates(1).lapse()).isEqualTo(1);
        for (double wrong : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new DatasetGenerator.Rates(wrong))
                    .as(String.valueOf(wrong))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("between 0 and 1");
        }
    }
}
