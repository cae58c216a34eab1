package io.dutykit.rules;

import static io.dutykit.rules.Given.aHandover;
import static io.dutykit.rules.Given.anIncident;
import static io.dutykit.rules.Given.given;
import static io.dutykit.rules.Given.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.dutykit.core.check.DueItem;
import io.dutykit.core.check.DueKind;
import io.dutykit.core.check.HandoverDecision;
import io.dutykit.core.handover.Handover;
import io.dutykit.core.incident.IncidentSeverity;
import io.dutykit.core.record.EntryKind;
import io.dutykit.reference.ReferenceProcedureRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** decideCompletion and due: the live questions a property system asks. */
class LiveDecisionsTest {
    private static final DroolsProcedureRules RULES = DroolsProcedureRules.defaults();

    private static Handover handover() {
        return aHandover("ho-1", "2026-11-02T17:30", "chen", "wang")
                .notCompleted()
                .build();
    }

    @Nested
    class DecideCompletion {
        @Test
        void refuses_while_an_important_entry_or_a_critical_incident_of_the_outgoing_is_open() {
            Given g = given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, null)
                    .incident(anIncident("inc-1", "2026-11-02T16:30")
                            .reportedBy("chen")
                            .severity(IncidentSeverity.MAJOR)
                            .unresolved())
                    .entry("e-2", "2026-11-02T16:00", "chen", EntryKind.ENQUIRY, false, null)
                    .entry("e-3", "2026-11-02T16:00", "liu", EntryKind.COMPLAINT, true, null);

            HandoverDecision decision = RULES.decideCompletion(g.records(), handover(), t("2026-11-02T17:40"));

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.blockingIds()).containsExactly("e-1", "inc-1");
            assertThat(decision.reasons()).hasSize(2).allSatisfy(r -> assertThat(r)
                    .contains("4.2.2"));
            assertThat(decision.reasons().get(0)).contains("e-1").contains("2026-11-02 16:00");
        }

        @Test
        void allows_once_the_work_is_closed_at_or_before_the_instant() {
            Given g = given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, "2026-11-02T17:40")
                    .incident(anIncident("inc-1", "2026-11-02T16:30")
                            .reportedBy("chen")
                            .resolvedAt("2026-11-02T17:39"));
            assertThat(RULES.decideCompletion(g.records(), handover(), t("2026-11-02T17:40"))
                            .allowed())
                    .isTrue();
            assertThat(RULES.decideCompletion(g.records(), handover(), t("2026-11-02T17:39:59"))
                            .blockingIds())
                    .containsExactly("e-1");
        }

        @Test
        void follows_the_rule_as_a_company_changed_it(@TempDir Path folder) throws Exception {
            // a company drops the default rule (its handover.drl replaces the default file) …
            String defaults = new String(
                    LiveDecisionsTest.class
                            .getResourceAsStream("/io/dutykit/rules/handover.drl")
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            String without = defaults.replaceAll(
                    "(?s)// The handover was completed while an important entry.*?\nend\n.*?rule \"HANDOVER_WITH_OPEN_CRITICAL_WORK: critical incident\".*?\nend\n",
                    "");
            assertThat(without).doesNotContain("HANDOVER_WITH_OPEN_CRITICAL_WORK");
            Path dropped = Files.createDirectories(folder.resolve("dropped"));
            Files.writeString(dropped.resolve("handover.drl"), without);
            // … or adds a stricter one with the same id: any open entry of the outgoing blocks
            Path stricter = Files.createDirectories(folder.resolve("stricter"));
            // a company changes a default rule in the default rule's file (an added file may not reuse its id)
            Files.writeString(
                    stricter.resolve("handover.drl"),
                    Resources.text(RuleSet.DEFAULT_LOCATION + "handover.drl")
                                    .replaceFirst("(?m)^import ", "import io.dutykit.rules.fact.EntryFact;\nimport ")
                            + """
                    // Any open entry of the outgoing, important or not, blocks the handover.
                    rule "COMPANY: any open entry blocks the handover"
                        @id(HANDOVER_WITH_OPEN_CRITICAL_WORK) @clause("4.2.2") @severity(ERROR)
                    when
                        $h : HandoverFact( inScope, judged, completedAt != null )
                        exists EntryFact( author == $h.outgoing, at < $h.completedAt, closedAt == null )
                    then
                        insert(Finding.of(drools.getRule(), $h.id(), Finding.person($h.outgoing()), $h.date(), $h.completedAt(),
                            $h.outgoing()));
                    end
                    """);
            Given important = given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, null);
            Given ordinary = given().entry("e-2", "2026-11-02T16:00", "chen", EntryKind.ENQUIRY, false, null);

            DroolsProcedureRules withoutRule = DroolsProcedureRules.of(RuleSet.withFolder(dropped));
            DroolsProcedureRules stricterRule = DroolsProcedureRules.of(RuleSet.withFolder(stricter));

            assertThat(RULES.decideCompletion(important.records(), handover(), t("2026-11-02T17:40"))
                            .allowed())
                    .isFalse();
            assertThat(withoutRule
                            .decideCompletion(important.records(), handover(), t("2026-11-02T17:40"))
                            .allowed())
                    .isTrue();
            assertThat(RULES.decideCompletion(ordinary.records(), handover(), t("2026-11-02T17:40"))
                            .allowed())
                    .isTrue();
            HandoverDecision strict =
                    stricterRule.decideCompletion(ordinary.records(), handover(), t("2026-11-02T17:40"));
            assertThat(strict.allowed()).isFalse();
            assertThat(strict.reasons()).singleElement().asString().contains("HANDOVER_WITH_OPEN_CRITICAL_WORK");
        }

        /**
         * Issue 12: a company copy of the rule that binds the parameters fact (as ten default rules
         * do) must still refuse. The live decision used to insert a fixed list of five fact types,
         * so such a rule never matched and completion was silently allowed.
         */
        @Test
        void a_company_copy_that_binds_the_parameters_still_refuses(@TempDir Path folder) throws Exception {
            Files.writeString(folder.resolve("handover.drl"), """
                    package com.example.rules;
                    import io.dutykit.rules.ProcedureParameters;
                    import io.dutykit.rules.fact.Finding;
                    import io.dutykit.rules.fact.HandoverFact;
                    import io.dutykit.rules.fact.OpenWorkFact;
                    // An important entry of the outgoing, open longer than the incoming's lead time, blocks the handover.
                    rule "COMPANY: HANDOVER_WITH_OPEN_CRITICAL_WORK"
                        @id(HANDOVER_WITH_OPEN_CRITICAL_WORK) @clause("4.2.2") @severity(ERROR)
                    when
                        $p : ProcedureParameters()
                        $h : HandoverFact( inScope, judged, completedAt != null )
                        exists OpenWorkFact( author == $h.outgoing, important, at < $h.completedAt,
                                             closedAt == null || closedAt > $h.completedAt )
                    then
                        insert(Finding.of(drools.getRule(), $h.id(), Finding.person($h.outgoing()), $h.date(),
                            $h.completedAt(), $h.outgoing()));
                    end
                    """);
            DroolsProcedureRules company = DroolsProcedureRules.of(RuleSet.withFolder(folder));
            Given important = given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, null);

            HandoverDecision decision =
                    company.decideCompletion(important.records(), handover(), t("2026-11-02T17:40"));

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.blockingIds()).containsExactly("e-1");
        }

        @Test
        void agrees_with_the_drl_rule_on_the_same_records() {
            Given g =
                    given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, "2026-11-02T17:40:01");
            boolean refused = !RULES.decideCompletion(g.records(), handover(), t("2026-11-02T17:40"))
                    .allowed();
            List<String> violations = g.handover(aHandover("ho-1", "2026-11-02T17:30", "chen", "wang")
                            .completedAt("2026-11-02T17:40"))
                    .check("HANDOVER_WITH_OPEN_CRITICAL_WORK", "2026-11-02", "2026-11-02", "2026-11-20T00:00");
            assertThat(refused).isTrue();
            assertThat(violations).hasSize(1);
        }
    }

    /** SPEC section 4 "owned" (2026-12-03): what was carried over to the outgoing is theirs to finish. */
    @Nested
    class OwnedWork {
        /** chen's important complaint, carried over to wang at 17:40 on the 2nd and still open. */
        private Given carriedToWang() {
            return given().entry("e-1", "2026-11-02T16:00", "chen", EntryKind.COMPLAINT, true, null)
                    .handover(aHandover("ho-1", "2026-11-02T17:30", "chen", "wang")
                            .carriedOver("e-1")
                            .completedAt("2026-11-02T17:40"));
        }

        @Test
        void refuses_the_handover_of_the_one_it_was_carried_over_to_and_allows_its_author_s() {
            Given g = carriedToWang();
            Handover wangs = aHandover("ho-2", "2026-11-03T17:30", "wang", "liu")
                    .notCompleted()
                    .build();
            Handover chens = aHandover("ho-3", "2026-11-04T17:30", "chen", "liu")
                    .notCompleted()
                    .build();

            HandoverDecision refused = RULES.decideCompletion(g.records(), wangs, t("2026-11-03T17:40"));

            assertThat(refused.allowed()).isFalse();
            assertThat(refused.blockingIds()).containsExactly("e-1");
            assertThat(refused.reasons())
                    .singleElement()
                    .asString()
                    .contains("logged 2026-11-02 16:00 by chen, carried over to wang at ho-1");
            assertThat(RULES.decideCompletion(g.records(), chens, t("2026-11-04T17:40"))
                            .allowed())
                    .isTrue();
            assertThat(new ReferenceProcedureRules().decideCompletion(g.records(), wangs, t("2026-11-03T17:40")))
                    .isEqualTo(refused);
        }

        @Test
        void the_handover_that_carries_it_over_still_refuses_its_outgoing() {
            // the carrying-over passes the work on only from the completion: at it, chen still owns it
            Handover first = aHandover("ho-1", "2026-11-02T17:30", "chen", "wang")
                    .carriedOver("e-1")
                    .notCompleted()
                    .build();
            assertThat(RULES.decideCompletion(carriedToWang().records(), first, t("2026-11-02T17:40"))
                            .blockingIds())
                    .containsExactly("e-1");
        }
    }

    @Nested
    class Due {
        @Test
        void lists_the_escalations_plan_and_resolution_of_an_open_major_incident() {
            Given g = given().incident(anIncident("inc-1", "2026-11-02T20:00")
                    .severity(IncidentSeverity.MAJOR)
                    .category("FIRE")
                    .unresolved());
            List<DueItem> due = RULES.due(g.records(), t("2026-11-02T20:01"), Duration.ofMinutes(30));
            assertThat(due)
                    .filteredOn(d -> d.subject().equals("inc-1"))
                    .extracting(DueItem::kind, DueItem::deadline)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(DueKind.EMERGENCY_PLAN, t("2026-11-02T20:05")),
                            org.assertj.core.groups.Tuple.tuple(
                                    DueKind.ESCALATION_TO_SUPERVISOR, t("2026-11-02T20:10")),
                            org.assertj.core.groups.Tuple.tuple(DueKind.ESCALATION_TO_MANAGER, t("2026-11-02T20:30")));
        }

        @Test
        void a_met_deadline_is_not_due() {
            Given g = given().incident(
                            anIncident("inc-1", "2026-11-02T20:00").escalatedTo("li", "2026-11-02T20:02", true));
            assertThat(RULES.due(g.records(), t("2026-11-02T20:05"), Duration.ofHours(1)))
                    .noneMatch(d -> d.kind() == DueKind.ESCALATION_TO_SUPERVISOR);
        }

        /**
         * Issue 12: at 17:00 with a 40-minute horizon, a published roster and no handover opened yet,
         * the rostered officer's arrival at 17:25 is due, and both engines say so (Drools used to
         * look only at handovers that already existed and returned nothing).
         */
        @Test
        void the_arrival_at_a_rostered_shift_with_no_handover_yet_is_due_in_both_engines() {
            Given g = given().fullRoster("2026-11", "chen");

            List<DueItem> drools = RULES.due(g.records(), t("2026-11-02T17:00"), Duration.ofMinutes(40));
            List<DueItem> reference = new io.dutykit.reference.ReferenceProcedureRules()
                    .due(g.records(), t("2026-11-02T17:00"), Duration.ofMinutes(40));

            assertThat(drools)
                    .extracting(DueItem::kind, DueItem::subject, DueItem::deadline, DueItem::responsible)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            DueKind.INCOMING_ARRIVAL, "2026-11-02", t("2026-11-02T17:25"), List.of("chen")));
            assertThat(drools).isEqualTo(reference);
        }

        @Test
        void lists_the_handover_steps_duty_report_review_and_roster() {
            Given g = given().handover(aHandover("ho-1", "2026-11-02T17:30", "chen", "wang")
                    .incomingNeverArrived()
                    .outgoingNeverReady()
                    .notCompleted());
            assertThat(RULES.due(g.records(), t("2026-11-02T17:00"), Duration.ofMinutes(30)))
                    .extracting(DueItem::kind, DueItem::subject)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(DueKind.OUTGOING_READY, "ho-1"),
                            org.assertj.core.groups.Tuple.tuple(DueKind.INCOMING_ARRIVAL, "ho-1"));
            assertThat(RULES.due(g.records(), t("2026-11-03T09:00"), Duration.ofHours(1)))
                    .extracting(DueItem::kind, DueItem::subject)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(DueKind.DUTY_REPORT, "2026-11-02"),
                            org.assertj.core.groups.Tuple.tuple(DueKind.LOG_REVIEW, "2026-11-02"));
            assertThat(RULES.due(g.records(), t("2026-11-30T12:00"), Duration.ofDays(1)))
                    .extracting(DueItem::kind, DueItem::subject)
                    .contains(org.assertj.core.groups.Tuple.tuple(DueKind.ROSTER_PUBLICATION, "2026-12"));
        }
    }
}
