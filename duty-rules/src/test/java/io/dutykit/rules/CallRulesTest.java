package io.dutykit.rules;

import static io.dutykit.rules.Given.aHandover;
import static io.dutykit.rules.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.record.CallDirection;
import io.dutykit.core.record.CallLine;
import io.dutykit.core.record.EntryKind;
import io.dutykit.test.data.CallBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Telephone rules (4.1.5). */
class CallRulesTest {
    private static final String DAY = "2026-11-02";
    private static final String LATER = "2026-11-20T00:00";

    private static Given inbound(String at, Integer rings, boolean answered) {
        return given().roster("2026-11", "2026-10-28T16:00", "2026-11-02=wang", "2026-11-30=chen")
                .call("c-1", at, CallLine.HOTLINE, CallDirection.INBOUND, rings, answered, answered ? "wang" : null);
    }

    @Nested
    class AnsweredLate {
        @Test
        void answered_on_the_third_ring_complies() {
            assertThat(inbound("2026-11-02T20:00", 3, true).check("CALL_ANSWERED_LATE", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void answered_on_the_fourth_ring_is_the_answerer_s() {
            assertThat(inbound("2026-11-02T20:00", 4, true).check("CALL_ANSWERED_LATE", DAY, DAY, LATER))
                    .containsExactly("CALL_ANSWERED_LATE c-1 [wang]");
        }

        @Test
        void applies_at_any_hour_even_in_office_hours() {
            assertThat(inbound("2026-11-02T10:00", 5, true).check("CALL_ANSWERED_LATE", DAY, DAY, LATER))
                    .hasSize(1);
        }

        @Test
        void a_call_after_as_of_is_ignored() {
            assertThat(inbound("2026-11-02T20:00", 5, true).check("CALL_ANSWERED_LATE", DAY, DAY, "2026-11-02T19:59"))
                    .isEmpty();
        }
    }

    @Nested
    class Missed {
        @Test
        void an_unanswered_call_in_a_shift_is_the_officer_on_duty_s() {
            assertThat(inbound("2026-11-02T20:00", 6, false).check("CALL_MISSED", DAY, DAY, LATER))
                    .containsExactly("CALL_MISSED c-1 [wang]");
        }

        @Test
        void the_officer_on_duty_is_the_incoming_of_the_handover_at_the_shift_start() {
            assertThat(inbound("2026-11-02T20:00", 6, false)
                            .handover(aHandover("ho-1", "2026-11-02T17:30", "chen", "liu"))
                            .check("CALL_MISSED", DAY, DAY, LATER))
                    .containsExactly("CALL_MISSED c-1 [liu]");
        }

        @Test
        void the_shift_window_is_half_open() {
            assertThat(inbound("2026-11-02T17:30", null, false).check("CALL_MISSED", DAY, DAY, LATER))
                    .hasSize(1);
            assertThat(inbound("2026-11-02T17:29:59", null, false).check("CALL_MISSED", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(inbound("2026-11-03T08:30", null, false).check("CALL_MISSED", DAY, "2026-11-03", LATER))
                    .isEmpty();
        }

        @Test
        void a_call_after_midnight_at_a_month_boundary_belongs_to_the_shift_of_the_last_day() {
            assertThat(inbound("2026-12-01T02:00", null, false)
                            .check("CALL_MISSED", "2026-11-30", "2026-11-30", "2026-12-20T00:00"))
                    .containsExactly("CALL_MISSED c-1 [chen]");
            assertThat(inbound("2026-12-01T02:00", null, false)
                            .check("CALL_MISSED", "2026-12-01", "2026-12-01", "2026-12-20T00:00"))
                    .isEmpty();
        }

        @Test
        void an_answered_call_complies() {
            assertThat(inbound("2026-11-02T20:00", 1, true).check("CALL_MISSED", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class HotlineDialledOut {
        @Test
        void dialling_out_on_the_hotline_is_the_caller_s() {
            assertThat(given().call(
                                    "c-1",
                                    "2026-11-02T20:00",
                                    CallLine.HOTLINE,
                                    CallDirection.OUTBOUND,
                                    null,
                                    true,
                                    "wang")
                            .check("HOTLINE_DIALLED_OUT", DAY, DAY, LATER))
                    .containsExactly("HOTLINE_DIALLED_OUT c-1 [wang]");
        }

        @Test
        void dialling_out_on_another_line_complies() {
            assertThat(given().call(
                                    "c-1",
                                    "2026-11-02T20:00",
                                    CallLine.OTHER,
                                    CallDirection.OUTBOUND,
                                    null,
                                    true,
                                    "wang")
                            .check("HOTLINE_DIALLED_OUT", DAY, DAY, LATER))
                    .isEmpty();
        }
    }

    @Nested
    class NotLogged {
        /** A call at 20:00 answered by wang, recorded by entry e-1 written at {@code loggedAt} (null: no entry). */
        private Given logged(String loggedAt) {
            Given g = given().call(CallBuilder.aCall().at("2026-11-02T20:00").entry(loggedAt == null ? null : "e-1"));
            return loggedAt == null
                    ? g
                    : g.entry("e-1", loggedAt, "wang", EntryKind.ENQUIRY, false, "2026-11-02T22:00");
        }

        @Test
        void an_entry_at_the_call_or_exactly_30_minutes_after_it_complies() {
            assertThat(logged("2026-11-02T20:00").check("CALL_NOT_LOGGED", DAY, DAY, LATER))
                    .isEmpty();
            assertThat(logged("2026-11-02T20:30").check("CALL_NOT_LOGGED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void an_entry_a_second_late_or_before_the_call_or_none_is_the_answerer_s() {
            assertThat(logged("2026-11-02T20:30:01").check("CALL_NOT_LOGGED", DAY, DAY, LATER))
                    .containsExactly("CALL_NOT_LOGGED c-1 [wang]");
            assertThat(logged("2026-11-02T19:59:59").check("CALL_NOT_LOGGED", DAY, DAY, LATER))
                    .containsExactly("CALL_NOT_LOGGED c-1 [wang]");
            Given none = logged(null);
            assertThat(none.check("CALL_NOT_LOGGED", DAY, DAY, LATER)).containsExactly("CALL_NOT_LOGGED c-1 [wang]");
            assertThat(none.check(DAY, DAY, LATER).stream()
                            .filter(v -> v.rule().equals("CALL_NOT_LOGGED"))
                            .findFirst()
                            .orElseThrow()
                            .arguments())
                    .containsExactly("2026-11-02 20:00", "30", "-");
        }

        @Test
        void before_its_deadline_it_is_silent() {
            assertThat(logged(null).check("CALL_NOT_LOGGED", DAY, DAY, "2026-11-02T20:29:59"))
                    .isEmpty();
            assertThat(logged(null).check("CALL_NOT_LOGGED", DAY, DAY, "2026-11-02T20:30"))
                    .hasSize(1);
        }

        @Test
        void unanswered_outbound_and_outside_shift_calls_are_not_read() {
            assertThat(given().call(CallBuilder.aCall().at("2026-11-02T20:00").unanswered())
                            .call(CallBuilder.aCall()
                                    .id("c-2")
                                    .at("2026-11-02T20:10")
                                    .direction(CallDirection.OUTBOUND)
                                    .line(CallLine.OTHER)
                                    .notLogged())
                            .call(CallBuilder.aCall()
                                    .id("c-3")
                                    .at("2026-11-02T17:29")
                                    .notLogged())
                            .check("CALL_NOT_LOGGED", DAY, DAY, LATER))
                    .isEmpty();
        }

        @Test
        void a_call_nobody_is_named_for_has_nobody_responsible() {
            assertThat(given().call(CallBuilder.aCall().at("2026-11-02T20:00").staff(null))
                            .check("CALL_NOT_LOGGED", DAY, DAY, LATER))
                    .containsExactly("CALL_NOT_LOGGED c-1 []");
        }
    }
}
