package io.dutykit.core.usecase;

import static io.dutykit.core.testdata.DeskFixture.SITE;
import static io.dutykit.test.data.EntryBuilder.anEntry;
import static io.dutykit.test.data.TestTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.ProcedureRefusedException;
import io.dutykit.core.SiteRecords;
import io.dutykit.core.check.CheckPeriod;
import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.check.ProcedureRules;
import io.dutykit.core.check.Violation;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.memory.InMemoryStores;
import io.dutykit.core.procedure.IncidentThresholdTable;
import io.dutykit.core.procedure.ParameterValues;
import io.dutykit.core.procedure.ProcedureModel;
import io.dutykit.core.record.Call;
import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.LogEntry;
import io.dutykit.core.testdata.DeskFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC 8.1, "the clock is the store's": a live entry or call whose time is further than {@code
 * live.maxClockSkewSeconds} (default 120) from the desk's clock, or whose {@code date} is not the duty
 * date of its time, is refused; nothing is written. Every other use case stamps its records with the
 * clock.
 */
class LiveClockTest {
    private final DeskFixture f = new DeskFixture();

    @Test
    void the_issues_entry_dated_2030_with_a_time_in_2020_is_refused_while_the_clock_says_2026() {
        f.clock.set("2026-11-03T10:00");
        ProcedureRefusedException refused = f.assertRefused(
                "4.1.8",
                () -> f.desk.appendEntry(
                        SITE,
                        "wang",
                        anEntry().date("2030-05-05").at("2020-01-01T09:00").build()));
        assertThat(refused.code()).isEqualTo("CLOCK_SKEW");
        assertThat(refused.message(Locale.ENGLISH))
                .contains("e-17", "2020-01-01T01:00:00Z", "2026-11-03T02:00:00Z", "120 seconds");
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).contains("120 秒");
        assertThat(f.stores.entries().find(SITE, "e-17")).isEmpty();
    }

    @Test
    void two_minutes_either_way_is_accepted_and_a_second_more_is_refused() {
        f.clock.set("2026-11-02T21:12");
        f.desk.appendEntry(
                SITE, "wang", anEntry().id("e-1").at("2026-11-02T21:10").build());
        f.desk.appendEntry(
                SITE, "wang", anEntry().id("e-2").at("2026-11-02T21:14").build());
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.assertRefused(
                                "4.1.8",
                                () -> f.desk.appendEntry(
                                        SITE,
                                        "wang",
                                        anEntry()
                                                .id("e-3")
                                                .at("2026-11-02T21:10")
                                                .build()))
                        .code())
                .isEqualTo("CLOCK_SKEW");
        f.clock.set("2026-11-02T21:12").advance(Duration.ofSeconds(-1));
        assertThat(f.assertRefused(
                                "4.1.8",
                                () -> f.desk.appendEntry(
                                        SITE,
                                        "wang",
                                        anEntry()
                                                .id("e-4")
                                                .at("2026-11-02T21:14")
                                                .build()))
                        .code())
                .as("dated ahead")
                .isEqualTo("CLOCK_SKEW");
    }

    @Test
    void an_entry_closed_ahead_of_the_clock_is_refused() {
        f.clock.set("2026-11-02T21:10");
        LogEntry closedTomorrow = anEntry().build().close(at("2026-11-03T08:00"));
        assertThat(f.assertRefused("4.1.8", () -> f.desk.appendEntry(SITE, "wang", closedTomorrow))
                        .message(Locale.ENGLISH))
                .contains("closedAt");
    }

    @Test
    void a_date_that_is_not_the_duty_date_of_the_time_is_refused() {
        // 01:30 on Tuesday 11-03 belongs to Monday's night shift: its duty date is 11-02
        f.clock.set("2026-11-03T01:30");
        f.desk.appendEntry(
                SITE,
                "wang",
                anEntry().id("e-1").date("2026-11-02").at("2026-11-03T01:30").build());
        ProcedureRefusedException refused = f.assertRefused(
                "4.1.8",
                () -> f.desk.appendEntry(
                        SITE,
                        "wang",
                        anEntry()
                                .id("e-2")
                                .date("2026-11-03")
                                .at("2026-11-03T01:30")
                                .build()));
        assertThat(refused.code()).isEqualTo("DATE_NOT_DUTY_DATE");
        assertThat(refused.arguments()).containsExactly("e-2", "2026-11-03", "2026-11-02T17:30:00Z", "2026-11-02");
    }

    @Test
    void a_call_is_recorded_as_it_happens_and_a_retry_later_is_answered_with_what_is_stored() {
        f.clock.set("2026-11-02T21:10");
        Call call = new Call("c-1", at("2026-11-02T21:09"), CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang");
        f.desk.recordCall(SITE, "wang", call);
        f.clock.set("2026-11-02T22:30");
        assertThat(f.desk.recordCall(SITE, "wang", call)).isEqualTo(call);
        Call late = new Call("c-2", at("2026-11-02T21:09"), CallLine.HOTLINE, CallDirection.INBOUND, 2, true, "wang");
        assertThat(f.assertRefused("4.1.8", () -> f.desk.recordCall(SITE, "wang", late))
                        .code())
                .isEqualTo("CLOCK_SKEW");
    }

    @Test
    void an_entry_retried_long_after_it_was_written_is_answered_with_what_is_stored() {
        f.clock.set("2026-11-02T21:10");
        f.desk.appendEntry(SITE, "wang", anEntry().build());
        int written = f.log().size();
        f.clock.set("2026-11-03T09:00");
        assertThat(f.desk.appendEntry(SITE, "wang", anEntry().build()))
                .isEqualTo(anEntry().build());
        assertThat(f.log()).hasSize(written);
    }

    @Test
    void a_company_that_allows_thirty_seconds_refuses_at_thirty_one() {
        ProcedureModel company = ProcedureModel.defaults()
                .with(
                        ParameterValues.defaults().with(Map.of("live.maxClockSkewSeconds", "30"), "the company's"),
                        IncidentThresholdTable.defaults());
        DeskFixture strict = new DeskFixture(InMemoryStores.create(), new ProcedureRules() {
            @Override
            public List<Violation> evaluate(SiteRecords records, CheckPeriod period, Instant asOf) {
                return List.of();
            }

            @Override
            public HandoverDecision decideCompletion(SiteRecords records, Handover handover, Instant at) {
                return HandoverDecision.allow();
            }

            @Override
            public List<DueItem> due(SiteRecords records, Instant asOf, Duration horizon) {
                return List.of();
            }

            @Override
            public ProcedureModel model() {
                return company;
            }
        });
        strict.clock.set("2026-11-02T21:10").advance(Duration.ofSeconds(30));
        strict.desk.appendEntry(SITE, "wang", anEntry().id("e-1").build());
        strict.clock.advance(Duration.ofSeconds(1));
        assertThat(strict.assertRefused(
                                "4.1.8",
                                () -> strict.desk.appendEntry(
                                        SITE, "wang", anEntry().id("e-2").build()))
                        .arguments())
                .endsWith("30");
    }
}
